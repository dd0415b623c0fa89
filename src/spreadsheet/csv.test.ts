/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCsv, detectSeparator, formatCsv, parseCsv } from './csv.ts'
import { ImportError } from './sheet.ts'

const cells = (text: string) => parseCsv(text).records.map((record) => record.cells)

describe('parseCsv', () => {
	it('reads quoted fields holding separators, doubled quotes and line breaks', () => {
		expect(cells('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines']])
	})

	it('accepts CRLF, LF and lone CR line ends, and a last line without one', () => {
		expect(cells('a,b\r\n1,2\r3,4\n5,6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']])
	})

	it('drops a UTF-8 BOM', () => {
		expect(cells('\ufefftitre;statut\nA;todo\n')).toEqual([['titre', 'statut'], ['A', 'todo']])
	})

	it('trims unquoted fields and keeps quoted ones exactly', () => {
		expect(cells('a , b\n  x  ," y "  \n')).toEqual([['a', 'b'], ['x', ' y ']])
	})

	it('keeps a quote inside an unquoted field', () => {
		expect(cells('size\n27" screen\n')).toEqual([['size'], ['27" screen']])
	})

	it('keeps empty fields, including a trailing one', () => {
		expect(cells('a,b,c\n,,x\nx,,\n')).toEqual([['a', 'b', 'c'], ['', '', 'x'], ['x', '', '']])
	})

	it('numbers records as a spreadsheet does: header 1, blank rows counted, a cell with line breaks is one row', () => {
		const { records } = parseCsv('title,due\n"two\nlines",\n\n;;\n,,\nlast,\n')
		expect(records.map((r) => [r.line, r.cells[0]])).toEqual([[1, 'title'], [2, 'two\nlines'], [4, ';;'], [6, 'last']])
	})

	it('refuses a quoted field that is never closed, naming its row', () => {
		expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5\n')).toThrow(new ImportError([{ line: 3, column: null, kind: 'unclosed_quote', message: 'a quoted field is not closed (a " is missing)' }]))
	})

	it('returns no records for an empty or blank file', () => {
		expect(parseCsv('').records).toEqual([])
		expect(parseCsv('\n\r\n  \n').records).toEqual([])
	})
})

describe('detectSeparator', () => {
	it('takes the separator most used in the header, outside quotes', () => {
		expect(detectSeparator('titre;statut;echeance\n1,2,3,4,5\n')).toBe(';')
		expect(detectSeparator('title,status\n')).toBe(',')
		expect(detectSeparator('title\tstatus\tdue\n')).toBe('\t')
		expect(detectSeparator('"a;b;c",d\n')).toBe(',')
	})

	it('defaults to a comma for a single column', () => {
		expect(detectSeparator('title\nA;B\n')).toBe(',')
	})
})

describe('decodeCsv', () => {
	it('reads UTF-8 and refuses the legacy encodings spreadsheets save by default', () => {
		expect(decodeCsv(new TextEncoder().encode('échéance'))).toBe('échéance')
		expect(() => decodeCsv(Uint8Array.from([0x74, 0xe9, 0x74, 0xe9]))).toThrow(/not UTF-8 text: save it as "CSV UTF-8"/)
	})
})

describe('formatCsv', () => {
	it('quotes only the cells that need it', () => {
		expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines', ' padded', 'x;y']])).toBe('a,"b,c","say ""hi""","two\nlines"," padded",x;y\n')
		expect(formatCsv([['x;y', 'a,b']], ';')).toBe('"x;y";a,b\n')
	})

	it('reads back what it writes, whatever the cells', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '\r', '\t') })
		// The header fixes the separator; a row of empty cells is blank, and blank rows are skipped.
		const rows = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }).filter((row) => row.some((c) => c !== '')), { maxLength: 8 })
		fc.assert(fc.property(rows, fc.constantFrom(',', ';'), (body, separator) => {
			const header = ['id', 'title', 'due']
			expect(cells(formatCsv([header, ...body], separator))).toEqual([header, ...body])
		}))
	})
})
