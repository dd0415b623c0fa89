/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The council report on the sandbox: a roadmap with a known year of history,
 * the report since the last saved one (its figures and names), printed to A4
 * PDF (pages checked as text and as images with poppler's tools when they are
 * installed), saved into Nextcloud as .odt and read back; and the ODS export
 * downloaded and read back with its types.
 */

import type { Roadmap } from '../../src/domain/model.ts'
import type { ChangeFile } from '../../src/domain/storageFormat.ts'
import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import * as XLSX from '@e965/xlsx'
import { strFromU8, unzipSync } from 'fflate'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyChanges, diffRoadmaps, materialize, stampsOf, stateFromRoadmap } from '../../src/domain/crdt.ts'
import { serializeChangeFile, serializeRoadmap, serializeSnapshotFile } from '../../src/domain/format.ts'
import { makeTask } from '../../src/domain/model.ts'
import { parseReportRecord, serializeReportRecord } from '../../src/domain/reportRecord.ts'
import { createStarterRoadmap } from '../../src/domain/starter/createStarterRoadmap.ts'
import { changeFileName, snapshotFileName } from '../../src/domain/storageFormat.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { appRoadmapPath, startHarness } from './harness.ts'

const FOLDER = '/Dégooglisation/Rapport-E2E'
const SCREENSHOTS = join(import.meta.dirname, 'screenshots')
let harness: Harness

const find = (r: Roadmap, id: string) => r.tasks.find((t) => t.id === id)!

/** The starter roadmap created on 2026-01-05, then edits by alice and bob at known times, written as the app writes them. */
async function seedHistory(url: string): Promise<void> {
	const dav = createNodeDavClient({ url, user: 'alice', password: 'alice' })
	const roadmap = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Rapport', startDate: '2026-01-05' })
	const state = stateFromRoadmap(roadmap)
	const snapshot = { format: 'degooglisation-snapshot' as const, version: 1 as const, writer: 'creator0000', seq: 1, at: '2026-01-05T08:00:00.000Z', covers: {}, clock: 0, stamps: stampsOf(state), roadmap: structuredClone(roadmap) }
	const changes: ChangeFile[] = []
	const edit = (author: string, at: string, change: (draft: Roadmap) => void) => {
		const current = materialize(state)
		const draft = structuredClone(current)
		change(draft)
		const writer = `w${author}0000`
		const file: ChangeFile = { format: 'degooglisation-change', version: 1, writer, seq: changes.filter((c) => c.writer === writer).length + 1, clock: state.clock + 1, author, at, seen: { ...state.covers }, ops: diffRoadmaps(current, draft) }
		applyChanges(state, [structuredClone(file)])
		changes.push(file)
	}
	const measure = (r: Roadmap, date: string, value: number) => r.indicators.find((i) => i.id === 'desktop-linux-share')!.measurements.push({ id: `m-${date}`, date, value, note: '' })
	edit('alice', '2026-02-01T09:00:00.000Z', (r) => measure(r, '2026-02-01', 10))
	edit('alice', '2026-02-10T09:00:00.000Z', (r) => {
		find(r, 'structuring-council-mandate').status = 'done'
	})
	edit('bob', '2026-09-15T09:00:00.000Z', (r) => {
		find(r, 'solutions-browser').status = 'done'
	})
	edit('bob', '2026-09-20T09:00:00.000Z', (r) => {
		find(r, 'solutions-office-suite').status = 'in_progress'
	})
	edit('alice', '2026-10-05T09:00:00.000Z', (r) => {
		find(r, 'transformation-directory').status = 'blocked'
	})
	edit('alice', '2026-10-10T09:00:00.000Z', (r) => {
		r.tasks.push(makeTask({ id: 'etat-civil', title: 'Migrer le logiciel d\'état civil', phase: 'solutions' }))
	})
	edit('bob', '2026-11-01T09:00:00.000Z', (r) => measure(r, '2026-11-01', 30))
	edit('bob', '2026-11-20T09:00:00.000Z', (r) => {
		find(r, 'solutions-office-suite').status = 'done'
	})

	await dav.createFolder(FOLDER)
	await dav.createFolder(`${FOLDER}/.degooglisation`)
	await dav.put(`${FOLDER}/.degooglisation/${snapshotFileName(snapshot.writer, 1)}`, serializeSnapshotFile(snapshot))
	for (const change of changes) {
		await dav.put(`${FOLDER}/.degooglisation/${changeFileName(change.writer, change.seq)}`, serializeChangeFile(change))
	}
	await dav.put(`${FOLDER}/roadmap.degooglisation.json`, serializeRoadmap(materialize(state)))
	const previous = { format: 'degooglisation-report' as const, version: 1 as const, writer: 'wprevious01', seq: 1, author: 'alice', at: '2026-09-01T10:00:00.000Z', from: '2026-06-01T00:00:00.000Z', to: '2026-09-01T00:00:00.000Z', file: '' }
	await dav.put(`${FOLDER}/.degooglisation/report.wprevious01.000001.json`, serializeReportRecord(previous))
}

beforeAll(async () => {
	harness = await startHarness()
	await seedHistory(harness.url)
	await mkdir(SCREENSHOTS, { recursive: true })
}, 120_000)
afterAll(() => harness?.close())

describe('council report', () => {
	it('reports the period since the last saved report, prints to A4 pages without the app around it, and is saved into Nextcloud', async () => {
		const context = await harness.browser.newContext()
		const page = await context.newPage()
		await harness.login(page, 'alice', `${appRoadmapPath(FOLDER)}?view=report`)
		const counts = page.locator('.report__counts')
		await counts.waitFor({ timeout: 30_000 })
		expect(await page.locator('input[type="date"]').first().inputValue()).toBe('2026-09-01')
		expect(await counts.innerText()).toBe('Terminées: 2 · Commencées: 0 · Bloquée: 1 · Ajoutées: 1')
		const finished = await page.locator('.report__activity--finished li').allInnerTexts()
		expect(finished).toHaveLength(2)
		expect(finished.every((line) => line.includes('par Bruno Petit'))).toBe(true)
		expect(await page.locator('.report__activity--added li').innerText()).toMatch(/^Migrer le logiciel d'état civil — par Alice Martin le /)
		const linux = page.locator('.report__indicator').filter({ has: page.getByRole('heading', { name: 'Part des postes sous système libre' }) })
		expect(await linux.locator('.report__latest').innerText()).toMatch(/^30 %/)
		expect(await linux.locator('svg.report-chart circle').count()).toBe(2)
		await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: true })
		const { violations } = await new AxeBuilder({ page }).include('.report').analyze()
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

		await page.emulateMedia({ media: 'print' })
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
		const pdfPath = join(SCREENSHOTS, 'report.pdf')
		await import('node:fs/promises').then((fs) => fs.writeFile(pdfPath, pdf))
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
		// The title and the progress, then one page at least per section.
		expect(pages).toBeGreaterThanOrEqual(6)
		if (existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm')) {
			const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdfPath, '-'], { encoding: 'utf8' })
			expect(first).toContain('Rapport au conseil municipal')
			expect(first).toMatch(/Saint-Rapport · Rapport au conseil municipal · /)
			expect(first).not.toContain('Communes partenaires')
			const all = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
			expect(all.split('\f').filter((text) => text.trim()).every((text) => text.includes('Saint-Rapport ·'))).toBe(true)
			// Each page as a grey image: something is drawn on it, in the page's middle, not only the header.
			const dir = await mkdtemp(join(tmpdir(), 'report-pages-'))
			execFileSync('pdftoppm', ['-gray', '-r', '30', pdfPath, join(dir, 'page')])
			const images = (await readdir(dir)).filter((name) => name.endsWith('.pgm')).sort()
			expect(images).toHaveLength(pages)
			for (const name of images) {
				const bytes = await readFile(join(dir, name))
				const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 32).toString('latin1'))!.map(Number)
				const pixels = bytes.subarray(bytes.length - width * height)
				const inked = pixels.subarray(Math.floor(height * 0.1) * width).filter((value) => value < 128).length
				expect(inked, name).toBeGreaterThan(20)
			}
			await rm(dir, { recursive: true, force: true })
		} else {
			console.log('poppler-utils (pdftotext, pdftoppm) not installed: the PDF pages were counted, not looked at')
		}
		await page.emulateMedia({ media: 'screen' })

		await page.getByRole('button', { name: 'Enregistrer dans Nextcloud à côté de la feuille de route' }).click()
		await page.getByText('Le prochain rapport commencera le').waitFor({ timeout: 30_000 })
		const dav = createNodeDavClient({ url: harness.url, user: 'alice', password: 'alice' })
		const saved = (await dav.list(FOLDER)).map((entry) => entry.name).find((name) => name.endsWith('.odt'))!
		expect(saved).toMatch(/^Rapport au conseil municipal Saint-Rapport \d{4}-\d{2}-\d{2}\.odt$/)
		const odt = unzipSync((await dav.get(`${FOLDER}/${saved}`)).body)
		expect(strFromU8(odt.mimetype)).toBe('application/vnd.oasis.opendocument.text')
		expect(strFromU8(odt['content.xml'])).toContain('par Bruno Petit')
		const records = (await dav.list(`${FOLDER}/.degooglisation`)).map((entry) => entry.name).filter((name) => name.startsWith('report.') && name !== 'report.wprevious01.000001.json')
		expect(records).toHaveLength(1)
		const record = parseReportRecord(new TextDecoder().decode((await dav.get(`${FOLDER}/.degooglisation/${records[0]}`)).body))
		expect('record' in record && record.record).toMatchObject({ author: 'alice', from: '2026-09-01T00:00:00.000Z', file: `${FOLDER}/${saved}` })

		// The next report starts where this one ended.
		await page.reload()
		await page.locator('.report__counts').waitFor({ timeout: 30_000 })
		expect(await page.locator('input[type="date"]').first().inputValue()).toBe(new Date().toISOString().slice(0, 10))
		await context.close()
	}, 180_000)

	it('exports the tasks and indicators as an ODS file whose cells keep their types', async () => {
		const context = await harness.browser.newContext({ acceptDownloads: true })
		const page = await context.newPage()
		await harness.login(page, 'alice', `${appRoadmapPath(FOLDER)}?view=report`)
		await page.getByRole('button', { name: 'Tableurs : exporter et importer…' }).click()
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger en ODS' }).click()])
		expect(download.suggestedFilename()).toMatch(/^Saint-Rapport feuille de route \d{4}-\d{2}-\d{2}\.ods$/)
		const book = XLSX.read(await readFile(await download.path()), { cellDates: true })
		expect(book.SheetNames).toEqual(['Tâches', 'Indicateurs'])
		const tasks = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Tâches'])
		expect(tasks.length).toBe(61)
		expect(tasks.find((row) => row.id === 'etat-civil')).toMatchObject({ titre: 'Migrer le logiciel d\'état civil', statut: 'todo' })
		const indicators = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Indicateurs, { header: 1 })
		const measured = indicators.filter((row) => row.some((cell) => cell instanceof Date) && row.includes(30))
		expect(measured).toHaveLength(1)
		await context.close()
	}, 120_000)
})
