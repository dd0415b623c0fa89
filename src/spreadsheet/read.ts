/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Reads the sheet of tasks from a CSV, ODS or XLSX file into rows of typed
 * cells. ODS and XLSX are read with SheetJS (the `@e965/xlsx` build of its
 * current release), imported only when such a file is read: it is large, and
 * neither the page's first load nor CSV needs it.
 */

import type { CellValue, SheetRow, SheetTable } from './sheet.ts'

import { csvTable, decodeCsv } from './csv.ts'
import { ImportError } from './sheet.ts'

export type SpreadsheetKind = 'csv' | 'ods' | 'xlsx'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/** From the file's first bytes (a zip is ODS or XLSX), else from its name. */
export function spreadsheetKind(bytes: Uint8Array, fileName: string): SpreadsheetKind {
	const zipped = ZIP_MAGIC.every((byte, i) => bytes[i] === byte)
	const extension = /\.([a-z]+)$/i.exec(fileName)?.[1].toLowerCase()
	if (!zipped) {
		return 'csv'
	}
	if (extension === 'ods' || extension === 'xlsx') {
		return extension
	}
	// ODS stores its media type uncompressed at the start of the zip.
	return new TextDecoder().decode(bytes.subarray(30, 90)).includes('opendocument.spreadsheet') ? 'ods' : 'xlsx'
}

/** Sheets the tasks are looked for in, before the first sheet: the names exports give them. */
const TASK_SHEET_NAMES = ['taches', 'tasks']

const DAY_MS = 86_400_000
const SERIAL_EPOCH = Date.UTC(1899, 11, 30)
/** Days between the 1900 and the 1904 date systems (old Mac workbooks). */
const DAYS_1904 = 1462

function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim()
}

async function gridTable(bytes: Uint8Array): Promise<SheetTable> {
	const XLSX = await import('@e965/xlsx')
	let workbook: ReturnType<typeof XLSX.read>
	try {
		workbook = XLSX.read(bytes, { type: 'array', cellNF: true, dense: true, cellFormula: false, cellHTML: false })
	} catch (error) {
		throw new ImportError([], `not a spreadsheet that can be read (${(error as Error).message})`, 'unreadable')
	}
	const name = workbook.SheetNames.find((sheet) => TASK_SHEET_NAMES.includes(fold(sheet))) ?? workbook.SheetNames[0]
	const sheet = name === undefined ? undefined : workbook.Sheets[name]
	if (!sheet || !sheet['!ref']) {
		return { rows: [], letteredColumns: true }
	}
	const range = XLSX.utils.decode_range(sheet['!ref'])
	const data = sheet['!data'] ?? []
	const offset = workbook.Workbook?.WBProps?.date1904 ? DAYS_1904 : 0
	const value = (cell: { t: string, v?: unknown, z?: string | number } | undefined): CellValue => {
		if (!cell || cell.v === undefined || cell.t === 'z' || cell.t === 'e') {
			return null
		}
		if (cell.t === 'n' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
			// The day the spreadsheet shows: the whole part of the serial number.
			return { date: new Date(SERIAL_EPOCH + (Math.floor(cell.v as number) + offset) * DAY_MS).toISOString().slice(0, 10) }
		}
		if (cell.t === 'd') {
			return { date: new Date(cell.v as Date).toISOString().slice(0, 10) }
		}
		if (cell.t === 'n' || cell.t === 'b') {
			return cell.v as number | boolean
		}
		return String(cell.v)
	}
	const rows: SheetRow[] = []
	for (let r = range.s.r; r <= range.e.r; r++) {
		const cells: CellValue[] = []
		for (let c = 0; c <= range.e.c; c++) {
			cells.push(value(data[r]?.[c]))
		}
		if (cells.some((cell) => cell !== null && cell !== '')) {
			rows.push({ line: r + 1, cells })
		}
	}
	return { rows, letteredColumns: true }
}

/** The rows of the file's task sheet (the one named Tâches or Tasks, else the first). */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SheetTable> {
	return spreadsheetKind(bytes, fileName) === 'csv' ? csvTable(decodeCsv(bytes)) : gridTable(bytes)
}
