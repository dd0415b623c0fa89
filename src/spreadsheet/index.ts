/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Spreadsheet import and export, one module for the app and the command line.
 * The app is to load it with `import('../spreadsheet/index.ts')` when someone imports
 * or exports, so that it weighs nothing on the page's first load or the
 * widget; the ODS and XLSX reader inside is loaded later still, only for such
 * a file.
 */

import type { Roadmap } from '../domain/model.ts'
import type { ImportResult } from './taskTable.ts'

import { readSpreadsheet } from './read.ts'
import { applyTaskTable, readTaskTable } from './taskTable.ts'

export { indicatorsToCsv, roadmapToOds, SHEET_NAMES, tasksToCsv } from './export.ts'
export type { OdsLanguage } from './ods.ts'
export { readSpreadsheet, spreadsheetKind } from './read.ts'
export type { SpreadsheetKind } from './read.ts'
export type { CellValue, FileProblem, ImportProblem, ProblemKind, SheetTable } from './sheet.ts'
export { ImportError, problemText } from './sheet.ts'
export type { ImportedRow, ImportResult, RowOutcome, TaskColumn, TaskTable } from './taskTable.ts'
export { applyTaskTable, itemsNotExportable, readTaskTable, TASK_COLUMNS } from './taskTable.ts'

/**
 * What importing the file into the roadmap would do (`result.roadmap` is the
 * edited copy, to save as one change), or an ImportError listing every bad
 * row and column: nothing is to be written then.
 */
export async function importTasks(roadmap: Roadmap, bytes: Uint8Array, fileName: string, newTaskId: () => string): Promise<ImportResult> {
	return applyTaskTable(roadmap, readTaskTable(await readSpreadsheet(bytes, fileName)), newTaskId)
}
