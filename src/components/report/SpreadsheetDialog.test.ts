// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { Roadmap } from '../../domain/model.ts'

import * as XLSX from '@e965/xlsx'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import SpreadsheetDialog from './SpreadsheetDialog.vue'
import { makeTask } from '../../domain/model.ts'
import { sampleRoadmap } from '../../domain/testing/sampleRoadmap.ts'
import { roadmapToOds, tasksToCsv } from '../../spreadsheet/index.ts'
import { useRoadmapStore } from '../../stores/roadmap.ts'

let store: ReturnType<typeof useRoadmapStore>
const BAD = new Set([17, 88, 150])

/** 200 new tasks; three of them name a phase the roadmap does not have. */
function twoHundred(bad: boolean): Roadmap {
	const source = sampleRoadmap(0)
	for (let i = 0; i < 200; i++) {
		source.tasks.push(makeTask({ id: `import-${i}`, title: `Importée ${i}`, phase: bad && BAD.has(i) ? 'nulle-part' : 'solutions', due: '2027-03-31' }))
	}
	return source
}

function xlsxOf(roadmap: Roadmap): Uint8Array {
	const rows = [['id', 'titre', 'phase', 'échéance'], ...roadmap.tasks.map((t) => [t.id, t.title, t.phase, new Date(`${t.due}T00:00:00Z`)])]
	const book = XLSX.utils.book_new()
	XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'Tâches')
	return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }))
}

beforeEach(() => {
	setActivePinia(createPinia())
	store = useRoadmapStore()
	store.path = '/Dégooglisation/Saint-Exemple'
	store.roadmap = sampleRoadmap(3)
	store.access = { canRead: true, canWrite: true, canDelete: true }
	// The saving is the storage's business: an edit is applied to the roadmap shown.
	vi.spyOn(store, 'edit').mockImplementation((change) => {
		const draft = structuredClone(store.roadmap!)
		change(draft)
		store.roadmap = draft
	})
})

/** The dialog is drawn in the page's body, outside the component's own element. */
const page = () => new DOMWrapper(document.body)

async function importFile(name: string, bytes: Uint8Array) {
	const input = page().find('input[type="file"]')
	Object.defineProperty(input.element, 'files', { value: [new File([bytes as BlobPart], name)], configurable: true })
	await input.trigger('change')
	await vi.waitFor(async () => {
		await flushPromises()
		expect(page().text()).toMatch(/problems in|to add/)
	}, { timeout: 20_000 })
}

describe('SpreadsheetDialog', () => {
	it.each([
		['taches.ods', (r: Roadmap) => roadmapToOds(r, 'fr'), 'D (phase)'],
		['taches.xlsx', xlsxOf, 'C (phase)'],
		['taches.csv', (r: Roadmap) => new TextEncoder().encode(tasksToCsv(r, 'fr')), 'phase'],
	])('imports 200 rows of %s only once its 3 wrong rows are fixed, naming each by row and column', async (name, write, column) => {
		const wrapper = mount(SpreadsheetDialog, { attachTo: document.body })
		await flushPromises()
		await importFile(name, write(twoHundred(true)))
		expect(page().text()).toContain(`3 problems in ${name}: nothing was imported.`)
		const problems = page().findAll('.spreadsheets__problems tbody tr').map((tr) => tr.text())
		expect(problems).toEqual([...BAD].map((i) => `row ${i + 2}, column ${column}unknown phase “nulle-part”`))
		expect(page().findAll('button').some((b) => b.text() === 'Import')).toBe(false)
		expect(store.edit).not.toHaveBeenCalled()
		expect(store.roadmap!.tasks).toHaveLength(3)

		await importFile(name, write(twoHundred(false)))
		expect(page().text()).toContain(`${name}: 200 tasks to add, 0 to update, 0 unchanged.`)
		expect(page().findAll('.spreadsheets__problems')).toHaveLength(0)
		await page().findAll('button').find((b) => b.text() === 'Import')!.trigger('click')
		await vi.waitFor(() => expect(store.edit).toHaveBeenCalledTimes(1))
		expect(store.roadmap!.tasks).toHaveLength(203)
		expect(store.roadmap!.tasks.find((t) => t.id === 'import-150')).toMatchObject({ title: 'Importée 150', phase: 'solutions', due: '2027-03-31' })
		wrapper.unmount()
	}, 60_000)
})
