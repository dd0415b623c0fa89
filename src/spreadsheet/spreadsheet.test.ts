/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { Roadmap } from '../domain/model.ts'
import type { ImportError } from './index.ts'

import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { createStarterRoadmap } from '../domain/starter/createStarterRoadmap.ts'
import { importTasks, indicatorsToCsv, roadmapToOds, spreadsheetKind, tasksToCsv } from './index.ts'

function starter(): Roadmap {
	const roadmap = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2027-01-04' })
	const mail = roadmap.tasks.find((t) => t.id === 'solutions-mail')!
	Object.assign(mail, { status: 'in_progress', due: '2027-03-31', start: '2027-01-15', assignees: ['alice', 'agent@cloud.mairie-b.fr'], description: ' Pilote :\n  dix agents\tpuis tous & <les> "autres"' })
	const linux = roadmap.indicators.find((i) => i.id === 'desktop-linux-share')!
	linux.measurements = [{ id: 'm2', date: '2027-06-01', value: 12.5, note: 'après le pilote' }, { id: 'm1', date: '2027-01-10', value: 3, note: '' }]
	return roadmap
}

function newIds() {
	let n = 0
	return () => `task-new-${++n}`
}

/** The cells of a sheet as SheetJS reads them, by address. */
function readBack(bytes: Uint8Array) {
	const workbook = XLSX.read(bytes, { type: 'array', cellDates: true, UTC: true })
	return { names: workbook.SheetNames, sheet: (name: string) => workbook.Sheets[name] }
}

describe('ODS export', () => {
	const roadmap = starter()
	const ods = roadmapToOds(roadmap, 'fr')

	it('is a zip that starts with its media type, stored, as OpenDocument requires', () => {
		expect(spreadsheetKind(ods, 'x')).toBe('ods')
		expect(new TextDecoder().decode(ods.subarray(30, 38))).toBe('mimetype')
		expect(new TextDecoder().decode(ods.subarray(38, 84))).toBe('application/vnd.oasis.opendocument.spreadsheet')
	})

	it('reads back with SheetJS: a sheet of tasks and one of indicators, dates as dates, numbers as numbers', () => {
		const { names, sheet } = readBack(ods)
		expect(names).toEqual(['Tâches', 'Indicateurs'])
		const tasks = sheet('Tâches')
		expect(['A1', 'B1', 'E1', 'G1', 'H1', 'I1', 'K1'].map((a) => tasks[a].v)).toEqual(['id', 'titre', 'statut', 'début', 'échéance', 'catégorie', 'remplacements'])
		const row = roadmap.tasks.findIndex((t) => t.id === 'solutions-mail') + 2
		expect(tasks[`A${row}`]).toMatchObject({ t: 's', v: 'solutions-mail' })
		expect(tasks[`H${row}`]).toMatchObject({ t: 'd', v: new Date('2027-03-31T00:00:00Z') })
		expect(tasks[`G${row}`]).toMatchObject({ t: 'd', v: new Date('2027-01-15T00:00:00Z') })
		expect(tasks[`H${row - 1}`]).toBeUndefined()
		expect(tasks[`C${row}`]).toMatchObject({ t: 's', v: ' Pilote :\n  dix agents\tpuis tous & <les> "autres"' })
		expect(tasks[`F${row}`]).toMatchObject({ t: 's', v: 'alice; agent@cloud.mairie-b.fr' })
		const indicators = sheet('Indicateurs')
		expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((a) => indicators[a].v)).toEqual(['indicateur', 'nom', 'unité', 'cible', 'date', 'valeur', 'note'])
		expect(indicators.A2).toMatchObject({ t: 's', v: 'desktop-linux-share' })
		expect(indicators.D2).toMatchObject({ t: 'n', v: 90 })
		// Measurements oldest first.
		expect([indicators.E2, indicators.F2, indicators.E3, indicators.F3, indicators.G3].map((c) => [c.t, c.v])).toEqual([
			['d', new Date('2027-01-10T00:00:00Z')],
			['n', 3],
			['d', new Date('2027-06-01T00:00:00Z')],
			['n', 12.5],
			['s', 'après le pilote'],
		])
		// An indicator without target or measurement: empty cells, not zeros.
		const unmeasured = XLSX.utils.sheet_to_json<unknown[]>(indicators, { header: 1 }).find((r) => r[0] === 'mailboxes-migrated')!
		expect(unmeasured.slice(0, 3)).toEqual(['mailboxes-migrated', 'Boîtes aux lettres migrées', 'boîtes'])
		expect(unmeasured.slice(3).filter((cell) => cell !== undefined)).toEqual([])
	})

	it('imports back into the roadmap without changing anything', async () => {
		const result = await importTasks(roadmap, ods, 'export.ods', newIds())
		expect([result.added, result.updated, result.unchanged]).toEqual([0, 0, roadmap.tasks.length])
		expect(result.roadmap).toEqual(roadmap)
	})

	it('writes English headers and ISO dates in English', async () => {
		const english = roadmapToOds(roadmap, 'en')
		expect(readBack(english).names).toEqual(['Tasks', 'Indicators'])
		expect((await importTasks(roadmap, english, 'export.ods', newIds())).unchanged).toBe(roadmap.tasks.length)
	})
})

describe('CSV export', () => {
	it('writes the indicators one measurement a row, and the tasks with French headers on request', () => {
		const roadmap = starter()
		const lines = indicatorsToCsv(roadmap, 'fr').split('\n')
		expect(lines[0]).toBe('indicateur,nom,unité,cible,date,valeur,note')
		expect(lines.slice(1, 3)).toEqual(['desktop-linux-share,Part des postes sous système libre,%,90,2027-01-10,3,', 'desktop-linux-share,Part des postes sous système libre,%,90,2027-06-01,12.5,après le pilote'])
		expect(tasksToCsv(roadmap, 'fr').split('\n')[0]).toBe('id,titre,description,phase,statut,responsables,début,échéance,catégorie,remplace,remplacements,services')
	})
})

describe('importing an ODS or XLSX file of 200 tasks', () => {
	const roadmap = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2027-01-04' })
	const header = ['Titre', 'Phase', 'Statut', 'Échéance', 'Responsables', 'Catégorie']

	/** Row i of the body is spreadsheet row i + 2; due dates are real date cells. */
	function rows(bad: boolean): unknown[][] {
		return Array.from({ length: 200 }, (_, i) => {
			const line = i + 2
			const row: unknown[] = [`Tâche importée ${i}`, 'solutions', i % 2 ? 'todo' : 'in_progress', new Date(Date.UTC(2027, i % 12, 1 + (i % 28))), 'alice; bob', 'office']
			if (bad && line === 12) {
				row[3] = '2027-02-30'
			}
			if (bad && line === 57) {
				row[2] = 'terminée'
			}
			if (bad && line === 188) {
				row[1] = 'nulle-part'
			}
			return row
		})
	}

	function workbook(bookType: 'ods' | 'xlsx', body: unknown[][]): Uint8Array {
		const sheet = XLSX.utils.aoa_to_sheet([header, ...body], { cellDates: true, UTC: true })
		const book = XLSX.utils.book_new()
		XLSX.utils.book_append_sheet(book, sheet, 'Tâches')
		return new Uint8Array(XLSX.write(book, { type: 'array', bookType }))
	}

	for (const kind of ['ods', 'xlsx'] as const) {
		it(`${kind}: reports exactly the 3 bad rows by row and lettered column, then imports cleanly once they are fixed`, async () => {
			const before = structuredClone(roadmap)
			const error = await importTasks(roadmap, workbook(kind, rows(true)), `taches.${kind}`, newIds()).then(() => null, (e: ImportError) => e)
			expect(error?.name).toBe('ImportError')
			expect(error!.problems).toEqual([
				{ line: 12, column: 'D (Échéance)', kind: 'invalid_value', message: 'not a date (expected YYYY-MM-DD)' },
				{ line: 57, column: 'C (Statut)', kind: 'invalid_value', message: 'not a status (expected one of todo, in_progress, blocked, done, dropped)' },
				{ line: 188, column: 'B (Phase)', kind: 'unknown_phase', value: 'nulle-part', message: 'unknown phase "nulle-part" (expected one of structuring, transformation, solutions, communication, inclusion, federation)' },
			])
			expect(error!.message.split('\n')[0]).toBe('ligne 12, colonne D (Échéance): not a date (expected YYYY-MM-DD)')
			expect(roadmap).toEqual(before)

			const result = await importTasks(roadmap, workbook(kind, rows(false)), `taches.${kind}`, newIds())
			expect([result.added, result.updated, result.unchanged]).toEqual([200, 0, 0])
			expect(result.rows[0]).toEqual({ line: 2, taskId: 'task-new-1', title: 'Tâche importée 0', outcome: 'added', changed: [] })
			const added = result.roadmap.tasks.find((t) => t.id === 'task-new-14')!
			expect(added).toMatchObject({ title: 'Tâche importée 13', phase: 'solutions', status: 'todo', due: '2027-02-14', assignees: ['alice', 'bob'], category: 'office' })
		})
	}

	it('reads a date typed as a number in a date column as the day it stands for, and numbers as text elsewhere', async () => {
		const sheet = XLSX.utils.aoa_to_sheet([['id', 'titre', 'échéance'], ['solutions-mail', 2027, 46418]])
		const book = XLSX.utils.book_new()
		XLSX.utils.book_append_sheet(book, sheet, 'Feuille1')
		const result = await importTasks(roadmap, new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })), 'a.xlsx', newIds())
		expect(result.rows).toEqual([{ line: 2, taskId: 'solutions-mail', title: '2027', outcome: 'updated', changed: ['title', 'due'] }])
		expect(result.roadmap.tasks.find((t) => t.id === 'solutions-mail')!.due).toBe('2027-01-31')
	})

	it('refuses a file that is not a spreadsheet', async () => {
		const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
		await expect(importTasks(roadmap, zip, 'x.xlsx', newIds())).rejects.toMatchObject({ file: 'unreadable', message: expect.stringMatching(/^not a spreadsheet that can be read/) })
	})
})
