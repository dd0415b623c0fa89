/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A spreadsheet as the import reads it, whatever the file (CSV, ODS, XLSX):
 * rows numbered as the spreadsheet numbers them, cells typed as the file
 * typed them. And what goes wrong in it, named by row and column.
 */

import type { IsoDate } from '../domain/model.ts'

/** Text, a number, a yes/no, a calendar date, or an empty cell. */
export type CellValue = string | number | boolean | { date: IsoDate } | null

export interface SheetRow {
	/** The row number the spreadsheet shows: the first is 1, blank rows count. */
	line: number
	cells: CellValue[]
}

export interface SheetTable {
	/** The rows that are not blank. */
	rows: SheetRow[]
	/**
	 * Whether the file is shown in a grid with lettered columns (ODS, XLSX):
	 * problems then name the column by letter and header ("colonne D (due)");
	 * in a CSV file, by its header alone.
	 */
	letteredColumns: boolean
}

/** A, B, … Z, AA, AB… for a 0-based column index. */
export function columnLetter(index: number): string {
	let letters = ''
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
	}
	return letters
}

/** What is wrong, for the app to say it in the user's language (the message is in English, for the command line). */
export type ProblemKind
	= | 'unknown_column' | 'repeated_column' | 'no_id_or_title' | 'unclosed_quote' | 'extra_cells'
		| 'repeated_id' | 'no_title' | 'unknown_phase' | 'unknown_category' | 'unknown_department'
	/** A value the schema refuses; the message is one of the schema's fixed messages (src/domain/schema.ts). */
		| 'invalid_value'

export interface ImportProblem {
	line: number
	/** How the message names the column ("due", "D (due)"); null for the whole row. */
	column: string | null
	kind: ProblemKind
	/** The value in question (an unknown phase, a repeated id…), when there is one. */
	value?: string
	message: string
}

export function problemText(problem: ImportProblem): string {
	return problem.column === null ? `ligne ${problem.line}: ${problem.message}` : `ligne ${problem.line}, colonne ${problem.column}: ${problem.message}`
}

/** Problems listed before the rest are only counted. */
export const MAX_LISTED_PROBLEMS = 20

/** Why a whole file cannot be read; `rows`: see the problems. */
export type FileProblem = 'rows' | 'empty' | 'encoding' | 'unreadable'

/** A file that cannot be imported, with every problem found (nothing was written). */
export class ImportError extends Error {
	constructor(readonly problems: ImportProblem[], summary?: string, readonly file: FileProblem = 'rows') {
		const shown = problems.slice(0, MAX_LISTED_PROBLEMS).map(problemText)
		if (problems.length > MAX_LISTED_PROBLEMS) {
			shown.push(`… and ${problems.length - MAX_LISTED_PROBLEMS} more problems`)
		}
		super(summary ?? shown.join('\n'))
		this.name = 'ImportError'
	}
}
