/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { TaskStatus } from '../../domain/model.ts'

/**
 * The mark beside each status: mid-tones with at least 3:1 contrast on both
 * Nextcloud's light (#ffffff) and dark (#171717) backgrounds. The status is
 * always written beside it: colour never carries the meaning alone.
 */
export const STATUS_COLOURS: Record<TaskStatus, string> = {
	todo: '#808080',
	in_progress: '#2f7fc1',
	blocked: '#e9322d',
	done: '#3a8f4f',
	dropped: '#808080',
}
