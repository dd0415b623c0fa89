/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** What a card asks of the board when it is moved or when focus leaves it. */

import type { Task, TaskStatus } from '../../domain/model.ts'

export type MoveRequest
	= | { kind: 'status', status: TaskStatus }
		| { kind: 'column', direction: -1 | 1 }
		| { kind: 'up' }
		| { kind: 'down' }

export type FocusStep = 'up' | 'down' | 'left' | 'right'

/** The cards just before and after a card among those shown with it (its phase group when grouped). */
export interface Neighbours {
	previous: Task | null
	next: Task | null
}
