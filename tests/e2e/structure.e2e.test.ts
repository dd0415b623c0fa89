/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A project lead shapes a roadmap in chromium: an empty roadmap, its phases
 * added, dated and put in order by keyboard, an indicator with a target and
 * two measurements, departments, tasks put in them from the sidebar and
 * assigned to a colleague and a partner commune's agent, who are offered the
 * roadmap's share there and open it, while the partner, still on the previous
 * release (format 1.0), edits it at the same time; and the board filtered by
 * department.
 */

import type { Locator, Page } from 'playwright-core'
import type { Harness } from './harness.ts'
import type { PreviousRelease } from './previousRelease.ts'

import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { OcsClient } from '../../src/storage/ocs.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { appRoadmapPath, boardCards, openOverviewPhases, startHarness } from './harness.ts'
import { editAsPreviousRelease, previousRelease } from './previousRelease.ts'

const FOLDER = '/Dégooglisation/Petit-Libre'
let harness: Harness
let previous: PreviousRelease

beforeAll(async () => {
	harness = await startHarness({ partner: true })
	previous = await previousRelease()
})
afterAll(async () => {
	await harness?.close()
	await previous?.dispose()
})

/** The settings' row of a phase, found by the name in its field. */
async function phaseRow(page: Page, name: string) {
	const rows = page.locator('.phase-row')
	for (let i = 0; i < await rows.count(); i++) {
		if (await rows.nth(i).getByLabel('Nom de la phase').inputValue() === name) {
			return rows.nth(i)
		}
	}
	throw new Error(`no phase named ${name}`)
}
const phaseNames = (page: Page) => page.locator('.phase-row').evaluateAll((rows) => rows.map((row) => (row.querySelector('input') as HTMLInputElement).value))

async function addPhase(page: Page, name: string, start: string, end: string): Promise<void> {
	const form = page.locator('form', { has: page.getByRole('heading', { name: 'Ajouter une phase' }) })
	await form.getByLabel('Nom de la nouvelle phase').fill(name)
	await form.getByLabel('Début de la nouvelle phase').fill(start)
	await form.getByLabel('Fin de la nouvelle phase').fill(end)
	await form.getByRole('button', { name: 'Ajouter la phase' }).click()
	await page.getByText(`Phase « ${name} » ajoutée`).waitFor({ state: 'attached' })
}

/**
 * Chooses an option of a list by keyboard: focus, type, Enter, until `chosen` shows. A sidebar just
 * shown takes the focus to its header once it has slid in, which may come after the first try.
 */
async function chooseByKeyboard(page: Page, field: Locator, typed: string, chosen: Locator): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await field.focus()
		// What an earlier try typed is typed over.
		await page.keyboard.press('Control+A')
		await page.keyboard.type(typed)
		try {
			await page.locator('.vs__dropdown-menu [role="option"]').filter({ hasText: typed }).first().waitFor({ timeout: 5000 })
			await page.keyboard.press('Enter')
			await chosen.waitFor({ timeout: 5000 })
			return
		} catch (error) {
			if (attempt === 3) {
				throw error
			}
		}
	}
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()

describe('shaping a roadmap', () => {
	it('creates an empty roadmap, shapes it, assigns and shares from the sidebar while a partner on the previous release edits it, and filters the board by department', { timeout: 240_000 }, async () => {
		const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 } })
		const page = await context.newPage()
		await harness.login(page, 'bob', '/index.php/apps/degooglisation/')
		await page.getByRole('button', { name: 'Nouvelle feuille de route' }).first().click()
		const dialog = page.getByRole('dialog', { name: 'Nouvelle feuille de route' })
		await dialog.getByLabel('Nom de votre commune').fill('Petit-Libre')
		await dialog.getByText('Une feuille de route vide').click()
		await dialog.getByLabel('Dossier de la feuille de route').fill(FOLDER)
		await dialog.getByRole('button', { name: 'Créer la feuille de route' }).click()

		// The empty roadmap has one phase and says what to do first.
		await page.getByRole('heading', { name: 'Premiers pas' }).waitFor()
		await page.getByRole('link', { name: 'ouvrir les paramètres de la feuille de route' }).click()
		await page.waitForURL(/view=settings/)
		await expect.poll(() => phaseNames(page)).toEqual(['Première phase'])

		await addPhase(page, 'Inventaire', '2026-01-01', '2026-06-30')
		await addPhase(page, 'Migration', '2026-07-01', '2027-06-30')
		await addPhase(page, 'Généralisation', '2027-07-01', '2028-12-31')

		// A phase cannot end before it starts: it says so and keeps its dates.
		const inventory = await phaseRow(page, 'Inventaire')
		await inventory.getByLabel('Fin', { exact: true }).fill('2025-12-01')
		await inventory.getByLabel('Fin', { exact: true }).press('Enter')
		await inventory.getByRole('alert').filter({ hasText: 'La fin d’une phase ne peut pas précéder son début.' }).waitFor()

		// The starting phase goes; it has no task, so nothing needs to move.
		await (await phaseRow(page, 'Première phase')).getByRole('button', { name: 'Supprimer cette phase' }).click()
		await page.getByRole('dialog', { name: 'Supprimer la phase « Première phase » ?' }).getByRole('button', { name: 'Supprimer la phase' }).click()
		await expect.poll(() => phaseNames(page)).toEqual(['Inventaire', 'Migration', 'Généralisation'])

		// Two phases swapped from the keyboard: Alt+↑ on "Généralisation", said aloud, the focus kept.
		const last = await phaseRow(page, 'Généralisation')
		await last.getByRole('button', { name: 'Monter « Généralisation »' }).focus()
		await page.keyboard.press('Alt+ArrowUp')
		await expect.poll(() => phaseNames(page)).toEqual(['Inventaire', 'Généralisation', 'Migration'])
		await page.getByText('« Généralisation » est maintenant la phase 2 sur 3').waitFor({ state: 'attached' })
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Monter « Généralisation »')
		await page.keyboard.press('Alt+ArrowDown')
		await expect.poll(() => phaseNames(page)).toEqual(['Inventaire', 'Migration', 'Généralisation'])

		const indicatorForm = page.locator('form', { has: page.getByRole('heading', { name: 'Ajouter un indicateur' }) })
		await indicatorForm.getByLabel('Nom du nouvel indicateur').fill('Postes sous Linux')
		await indicatorForm.getByLabel('Unité').fill('postes')
		await indicatorForm.getByLabel('Cible', { exact: true }).fill('40')
		await indicatorForm.getByLabel('Date cible').fill('2028-12-31')
		await indicatorForm.getByLabel('Valeur de départ').fill('0')
		await indicatorForm.getByRole('button', { name: 'Ajouter l’indicateur' }).click()
		await page.getByText('Indicateur « Postes sous Linux » ajouté').waitFor({ state: 'attached' })

		for (const department of ['État civil', 'Urbanisme']) {
			await page.getByLabel('Nouveau service').fill(department)
			await page.getByRole('button', { name: 'Ajouter le service' }).click()
			await page.getByText(`« ${department} » ajouté`).waitFor({ state: 'attached' })
		}
		await saved(page)

		// Two measurements from the overview; the chart shows their values, dates and the target.
		await page.getByRole('link', { name: 'Vue d’ensemble' }).click()
		const indicator = page.locator('.indicator', { hasText: 'Postes sous Linux' })
		for (const [date, value] of [['2026-03-01', '5'], ['2026-06-01', '12']]) {
			await indicator.getByRole('button', { name: /^Ajouter une mesure/ }).click()
			await indicator.getByLabel('Date').fill(date)
			await indicator.getByLabel('Valeur (postes)').fill(value)
			await indicator.getByRole('button', { name: 'Enregistrer la mesure' }).click()
		}
		await indicator.locator('svg[role="img"]').waitFor()
		const chartText = await indicator.locator('svg').evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent))
		expect(chartText).toEqual(expect.arrayContaining(['cible 40', '5', '12', '1 mars', '1 juin']))
		expect(await indicator.locator('.indicator__target').first().innerText()).toBe('Cible : 40 postes d’ici le 31 déc. 2028')
		expect(await page.locator('.timeline__bar').count()).toBe(3)

		// Two tasks, each put in its department from the sidebar, by keyboard.
		const sidebar = page.locator('aside.app-sidebar')
		for (const [title, department] of [['Recenser les postes de l’état civil', 'État civil'], ['Former le service urbanisme', 'Urbanisme']] as const) {
			await page.locator('.overview-tasks__new').getByLabel('Nouvelle tâche').fill(title)
			await page.locator('.overview-tasks__new').getByRole('button', { name: 'Ajouter', exact: true }).click()
			await expect.poll(() => sidebar.getByLabel('Titre', { exact: true }).inputValue()).toBe(title)
			await chooseByKeyboard(page, sidebar.getByLabel('Services', { exact: true }), department, sidebar.locator('.task-departments .vs__selected').filter({ hasText: department }))
			await page.keyboard.press('Tab')
		}

		// The second task goes to Alice, who cannot open the roadmap: the sidebar offers to share it, in one click.
		await sidebar.getByLabel('Assignée à', { exact: true }).click()
		await page.keyboard.type('alice')
		await page.locator('.vs__dropdown-menu [role="option"]').filter({ hasText: 'Alice Martin' }).click()
		await sidebar.getByText('Alice Martin ne peut pas ouvrir cette feuille de route : elle ne lui est pas partagée.').waitFor()
		await sidebar.getByRole('button', { name: 'Partager la feuille de route avec Alice Martin' }).click()
		await sidebar.getByRole('status').filter({ hasText: 'La feuille de route est maintenant partagée avec Alice Martin, avec le droit de la modifier.' }).waitFor()
		expect(await sidebar.getByText('ne peut pas ouvrir cette feuille de route').count()).toBe(0)

		// And to Bastien, of the partner commune, by his cloud id: shared over federation the same way.
		const bastien = `bastien@${harness.partnerUrl}`
		await sidebar.getByLabel('Assignée à', { exact: true }).click()
		await page.keyboard.type(bastien)
		await page.locator('.vs__dropdown-menu [role="option"]').filter({ hasText: bastien }).first().click()
		await sidebar.getByRole('button', { name: `Partager la feuille de route avec ${bastien}` }).click()
		await sidebar.getByRole('status').filter({ hasText: `La feuille de route est maintenant partagée avec ${bastien}` }).waitFor()
		await saved(page)

		// Alice, in her own browser, finds the roadmap shared with her and can edit it.
		const aliceContext = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } })
		const alice = await aliceContext.newPage()
		await harness.login(alice, 'alice', '/index.php/apps/degooglisation/')
		const navigation = alice.getByRole('navigation', { name: 'Feuilles de route' })
		await navigation.getByText('Partagées avec moi').waitFor()
		await navigation.getByRole('link', { name: 'Petit-Libre' }).click()
		await alice.getByRole('heading', { name: /Petit-Libre/ }).first().waitFor()
		await openOverviewPhases(alice)
		await alice.getByText('Former le service urbanisme').first().waitFor()
		expect(await alice.getByText('Lecture seule').count()).toBe(0)
		await aliceContext.close()

		// Bastien accepts on his server, and edits the roadmap with the previous release while the lead edits it too.
		const partnerOcs = new OcsClient({ baseUrl: harness.partnerUrl!, auth: { user: 'bastien', password: 'bastien' } })
		const [pending] = await partnerOcs.pendingRemoteShares()
		expect(pending!.name).toBe('/Petit-Libre')
		await partnerOcs.acceptRemoteShare(pending!.id)
		const partner = new previous.RoadmapFolder({ dav: previous.createNodeDavClient({ url: harness.partnerUrl!, user: 'bastien', password: 'bastien' }), path: '/Petit-Libre', writer: { id: newWriterId(), author: 'bastien' } })
		await partner.load()
		const taskId = (title: string) => partner.currentRoadmap().tasks.find((task) => task.title === title)!.id
		const inventoryTask = taskId('Recenser les postes de l’état civil')
		await Promise.all([
			editAsPreviousRelease(previous, partner, (draft) => {
				draft.tasks.find((task) => task.id === inventoryTask)!.status = 'in_progress'
				draft.indicators[0]!.measurements.push({ id: 'm-partner', date: '2026-09-01', value: 20, note: 'Val-Voisin' })
			}),
			(async () => {
				await chooseByKeyboard(page, sidebar.getByLabel('Services', { exact: true }), 'État civil', sidebar.locator('.task-departments .vs__selected').filter({ hasText: 'État civil' }))
				await page.keyboard.press('Tab')
				await sidebar.getByLabel('Description', { exact: true }).fill('Avec le service formation')
				await sidebar.getByLabel('Description', { exact: true }).blur()
				await saved(page)
			})(),
		])

		// Nothing is lost on either side.
		const folder = new RoadmapFolder({ dav: createNodeDavClient({ url: harness.url, user: 'bob', password: 'bob' }), path: FOLDER, writer: { id: newWriterId(), author: 'bob' } })
		const { roadmap } = await folder.load()
		const training = roadmap.tasks.find((task) => task.title === 'Former le service urbanisme')!
		const departmentOf = new Map(roadmap.departments.map((d) => [d.label, d.id]))
		expect(training.departments.sort()).toEqual([departmentOf.get('État civil'), departmentOf.get('Urbanisme')].sort())
		expect(training.description).toBe('Avec le service formation')
		expect(training.assignees).toEqual(['alice', bastien])
		expect(roadmap.tasks.find((task) => task.id === inventoryTask)!.status).toBe('in_progress')
		expect(roadmap.indicators[0]!.measurements.map((m) => m.value)).toEqual([5, 12, 20])
		const theirs = new previous.RoadmapFolder({ dav: previous.createNodeDavClient({ url: harness.partnerUrl!, user: 'bastien', password: 'bastien' }), path: '/Petit-Libre', writer: { id: newWriterId(), author: 'bastien' } })
		const seenByPartner = (await theirs.load()).roadmap
		expect(seenByPartner.tasks.find((task) => task.id === training.id)!.description).toBe('Avec le service formation')
		expect(seenByPartner.tasks.find((task) => task.id === training.id)!.assignees).toEqual(['alice', bastien])
		expect(seenByPartner.phases.map((phase) => phase.title)).toEqual(['Inventaire', 'Migration', 'Généralisation'])

		await page.goto(`${harness.url}${appRoadmapPath(FOLDER)}?view=board`)
		await boardCards(page, 'todo').first().waitFor()
		expect(await boardCards(page, 'todo').count()).toBe(1)
		expect(await boardCards(page, 'in_progress').count()).toBe(1)
		await page.getByLabel('Services').click()
		await page.getByRole('option', { name: 'Urbanisme' }).click()
		await page.keyboard.press('Escape')
		await expect.poll(() => boardCards(page, 'in_progress').count()).toBe(0)
		expect(await boardCards(page, 'todo').count()).toBe(1)
		expect(await boardCards(page, 'todo').first().innerText()).toContain('Former le service urbanisme')
		await page.getByText('1 tâche affichée sur 2').waitFor()

		// The overview counts each department's tasks.
		await page.getByRole('link', { name: 'Vue d’ensemble' }).click()
		expect(await page.locator('.department').allInnerTexts()).toEqual([expect.stringContaining('État civil'), expect.stringContaining('Urbanisme')])
		await context.close()
	})

	it('does the same from the command line while a partner on the previous release edits the roadmap', { timeout: 180_000 }, async () => {
		const bin = join(import.meta.dirname, '..', '..', 'bin', 'degooglisation.mjs')
		const cli = (...args: string[]) => new Promise<string>((resolve, reject) => {
			execFile('node', [bin, ...args], { env: { ...process.env, NEXTCLOUD_URL: harness.url, NEXTCLOUD_USER: 'bob', NEXTCLOUD_PASSWORD: 'bob' } }, (error, stdout, stderr) => (error ? reject(new Error(`${args.join(' ')}: ${stderr}`)) : resolve(stdout)))
		})
		const structure = async () => JSON.parse(await cli('structure', 'Val-Libre', '--json'))
		const dir = await mkdtemp(join(tmpdir(), 'degooglisation-lead-'))
		try {
			await cli('create', 'Val-Libre', '--commune', 'Val-Libre', '--empty', '--start', '2026-01-05')
			// The starter's phases go; three of the lead's come, dated, and two swap places.
			for (const phase of (await structure()).phases) {
				await cli('remove-phase', 'Val-Libre', phase.id)
			}
			await cli('add-phase', 'Val-Libre', 'Inventaire', '--start', '2026-01-01', '--end', '2026-06-30')
			await cli('add-phase', 'Val-Libre', 'Migration', '--start', '2026-07-01', '--end', '2027-06-30')
			await cli('add-phase', 'Val-Libre', 'Généralisation', '--start', '2027-07-01', '--end', '2028-12-31')
			const phaseId = new Map<string, string>((await structure()).phases.map((phase: { id: string, title: string }) => [phase.title, phase.id]))
			await cli('move-phase', 'Val-Libre', phaseId.get('Généralisation')!, '2')
			expect((await structure()).phases.map((phase: { title: string }) => phase.title)).toEqual(['Inventaire', 'Généralisation', 'Migration'])
			await cli('add-indicator', 'Val-Libre', 'Postes sous Linux', '--id', 'linux', '--unit', 'postes', '--target', '40', '--target-date', '2028-12-31', '--baseline', '0')
			await cli('add-measurement', 'Val-Libre', 'linux', '2026-03-01', '--value', '5')
			await cli('add-measurement', 'Val-Libre', 'linux', '2026-06-01', '--value', '12')
			// Two departments of the lead's own, next to the starter's.
			await cli('add-department', 'Val-Libre', 'Accueil des usagers', '--id', 'pole-usagers')
			await cli('add-department', 'Val-Libre', 'Service numérique', '--id', 'pole-numerique')
			const csv = join(dir, 'taches.csv')
			await writeFile(csv, `id;titre;phase;services\ninventaire-ec;Recenser les postes de l’état civil;${phaseId.get('Inventaire')};pole-usagers\nformation-urba;Former le service urbanisme;${phaseId.get('Migration')};pole-numerique\n`)
			await cli('import-csv', 'Val-Libre', csv)

			// The task goes to Alice, and the roadmap is shared with her; she opens it.
			await cli('assign', 'Val-Libre', 'formation-urba', 'alice')
			expect(await cli('share', 'Val-Libre', 'alice')).toContain('shared with alice (can edit)')
			const alice = new RoadmapFolder({ dav: createNodeDavClient({ url: harness.url, user: 'alice', password: 'alice' }), path: '/Val-Libre', writer: { id: newWriterId(), author: 'alice' } })
			expect((await alice.load()).roadmap.tasks.find((task) => task.id === 'formation-urba')!.assignees).toEqual(['alice'])
			expect(await cli('share', 'Val-Libre', 'alice').catch((error: Error) => error.message)).toContain('alice: already shared with them')

			// Bastien, of the partner commune, accepts it and edits with the previous release while the lead goes on from the terminal.
			expect(await cli('share', 'Val-Libre', `bastien@${harness.partnerUrl}`)).toContain('can edit')
			const partnerOcs = new OcsClient({ baseUrl: harness.partnerUrl!, auth: { user: 'bastien', password: 'bastien' } })
			const pending = (await partnerOcs.pendingRemoteShares()).find((share) => share.name === '/Val-Libre')!
			await partnerOcs.acceptRemoteShare(pending.id)
			const partner = new previous.RoadmapFolder({ dav: previous.createNodeDavClient({ url: harness.partnerUrl!, user: 'bastien', password: 'bastien' }), path: '/Val-Libre', writer: { id: newWriterId(), author: 'bastien' } })
			await partner.load()
			await Promise.all([
				editAsPreviousRelease(previous, partner, (draft) => {
					draft.tasks.find((task) => task.id === 'inventaire-ec')!.status = 'in_progress'
					draft.tasks.find((task) => task.id === 'formation-urba')!.due = '2027-03-31'
				}),
				cli('set-departments', 'Val-Libre', 'formation-urba', 'pole-usagers', '--add').then(() => cli('set-status', 'Val-Libre', 'formation-urba', 'blocked')),
			])
			const after = await structure()
			expect(after.departmentProgress.filter((d: { total: number }) => d.total > 0).map((d: { departmentId: string | null, total: number }) => `${d.departmentId}: ${d.total}`).sort()).toEqual(['pole-numerique: 1', 'pole-usagers: 2'])
			const tasks = JSON.parse(await cli('tasks', 'Val-Libre', '--json')) as Array<{ id: string, status: string, due: string | null, departments: string[], assignees: string[] }>
			const byId = new Map(tasks.map((task) => [task.id, task]))
			expect(byId.get('inventaire-ec')!.status).toBe('in_progress')
			expect(byId.get('formation-urba')).toMatchObject({ status: 'blocked', due: '2027-03-31', assignees: ['alice'] })
			expect(byId.get('formation-urba')!.departments.sort()).toEqual(['pole-numerique', 'pole-usagers'])
			const seenByPartner = (await partner.load()).roadmap.tasks.find((task) => task.id === 'formation-urba')!
			expect(seenByPartner).toMatchObject({ status: 'blocked', due: '2027-03-31', assignees: ['alice'] })
		} finally {
			await rm(dir, { recursive: true, force: true })
		}
	})
})
