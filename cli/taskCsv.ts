/**
 * Tasks as CSV for the command line: the spreadsheet module's rules
 * (src/spreadsheet/taskTable.ts, shared with the app), its problems turned
 * into input errors (exit code 2).
 */
import type { Roadmap } from '../src/domain/model'
import { csvTable } from '../src/spreadsheet/csv'
import type { ImportResult, TaskTable } from '../src/spreadsheet/taskTable'
import { applyTaskTable as apply, readTaskTable as read } from '../src/spreadsheet/taskTable'
import { asInputError } from './csv'

export { itemsNotExportable } from '../src/spreadsheet/taskTable'
export { tasksToCsv } from '../src/spreadsheet/export'

export function readTaskTable(text: string): TaskTable {
	return asInputError(() => read(csvTable(text)))
}

export function applyTaskTable(roadmap: Roadmap, table: TaskTable, newTaskId: () => string): ImportResult {
	return asInputError(() => apply(roadmap, table, newTaskId))
}
