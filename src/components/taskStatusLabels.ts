/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { TaskStatus } from '../domain/model.ts'

import { t } from '@nextcloud/l10n'

/** Each task status as the user reads it, in their language; called from a component's setup, once translations are registered. */
export function taskStatusLabels(): Record<TaskStatus, string> {
	return {
		todo: t('degooglisation', 'To do'),
		in_progress: t('degooglisation', 'In progress'),
		blocked: t('degooglisation', 'Blocked'),
		done: t('degooglisation', 'Done'),
		dropped: t('degooglisation', 'Dropped'),
	}
}
