/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields may hold separators,
 * doubled quotes and line breaks; `,`, `;` (French spreadsheets) or tab
 * separators, detected from the header; CRLF, LF or CR line ends; a UTF-8 BOM.
 * Small enough to own rather than add a dependency.
 */

import type { SheetTable } from './sheet.ts'

import { ImportError } from './sheet.ts'

export interface CsvRecord {
	/** The row number a spreadsheet shows: the header is 1, blank rows count. */
	line: number
	cells: string[]
}

const SEPARATORS = [',', ';', '\t']

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The file's text; spreadsheets on Windows save in their legacy encoding unless asked for UTF-8. */
export function decodeCsv(bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes)
	} catch {
		throw new ImportError([], 'the file is not UTF-8 text: save it as "CSV UTF-8" (Excel) or choose the UTF-8 character set (LibreOffice)', 'encoding')
	}
}

/** The separator used most in the header line, outside quotes; `,` when there is none. */
export function detectSeparator(text: string): string {
	const counts = new Map(SEPARATORS.map((s) => [s, 0]))
	let quoted = false
	for (const c of text) {
		if (c === '"') {
			quoted = !quoted
		} else if (!quoted && (c === '\n' || c === '\r')) {
			break
		} else if (!quoted && counts.has(c)) {
			counts.set(c, counts.get(c)! + 1)
		}
	}
	return SEPARATORS.reduce((best, s) => (counts.get(s)! > counts.get(best)! ? s : best))
}

/**
 * The non-blank records. Spaces around an unquoted field are dropped (`a, b`
 * as people type it); a quoted field is kept exactly.
 */
export function parseCsv(input: string): { separator: string, records: CsvRecord[] } {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
	const separator = detectSeparator(text)
	const records: CsvRecord[] = []
	let cells: string[] = []
	let field = ''
	let quoted = false
	let wasQuoted = false
	let line = 1
	const endField = () => {
		cells.push(wasQuoted ? field : field.trim())
		field = ''
		wasQuoted = false
	}
	const endRecord = () => {
		endField()
		if (cells.some((cell) => cell !== '')) {
			records.push({ line, cells })
		}
		cells = []
		line++
	}
	for (let i = 0; i < text.length; i++) {
		const c = text[i]
		if (quoted) {
			if (c !== '"') {
				field += c
			} else if (text[i + 1] === '"') {
				field += text[i++]
			} else {
				quoted = false
			}
		} else if (c === '"' && field.trim() === '' && !wasQuoted) {
			quoted = true
			wasQuoted = true
			field = ''
		} else if (c === separator) {
			endField()
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') {
				i++
			}
			endRecord()
		} else if (!wasQuoted || (c !== ' ' && c !== '\t')) {
			// Spaces after a closing quote (`"a" ;b`) are dropped.
			field += c
		}
	}
	if (quoted) {
		throw new ImportError([{ line, column: null, kind: 'unclosed_quote', message: 'a quoted field is not closed (a " is missing)' }])
	}
	if (field !== '' || wasQuoted || cells.length > 0) {
		endRecord()
	}
	return { separator, records }
}

function formatCell(value: string, separator: string): string {
	const needsQuotes = value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim()
	return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value
}

/** Rows as CSV text, quoting only the cells that need it; lines end with LF. */
export function formatCsv(rows: string[][], separator = ','): string {
	return rows.map((row) => row.map((cell) => formatCell(cell, separator)).join(separator)).join('\n') + '\n'
}

/** The file's rows as the import reads any spreadsheet: every cell is text. */
export function csvTable(text: string): SheetTable {
	return { rows: parseCsv(text).records, letteredColumns: false }
}
