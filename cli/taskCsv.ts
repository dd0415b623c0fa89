/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Tasks as CSV for the command line: the spreadsheet module's rules
 * (src/spreadsheet/taskTable.ts, shared with the app), its problems turned
 * into input errors (exit code 2).
 */

import type { Roadmap } from '../src/domain/model.ts'
import type { ImportResult, TaskTable } from '../src/spreadsheet/taskTable.ts'

import { csvTable } from '../src/spreadsheet/csv.ts'
import { applyTaskTable as apply, readTaskTable as read } from '../src/spreadsheet/taskTable.ts'
import { asInputError } from './csv.ts'

export { itemsNotExportable } from '../src/spreadsheet/taskTable.ts'
export { tasksToCsv } from '../src/spreadsheet/export.ts'

export function readTaskTable(text: string): TaskTable {
	return asInputError(() => read(csvTable(text)))
}

export function applyTaskTable(roadmap: Roadmap, table: TaskTable, newTaskId: () => string): ImportResult {
	return asInputError(() => apply(roadmap, table, newTaskId))
}
