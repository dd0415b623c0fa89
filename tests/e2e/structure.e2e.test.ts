/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A project lead shapes a roadmap in chromium: an empty roadmap, its phases
 * added, dated and put in order by keyboard, an indicator with a target and
 * two measurements, departments, and the board filtered by department.
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { appRoadmapPath, boardCards, startHarness } from './harness.ts'

const FOLDER = '/Dégooglisation/Petit-Libre'
let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

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

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()

describe('shaping a roadmap', () => {
	it('creates an empty roadmap, shapes its phases, an indicator and departments, and filters the board by department', async () => {
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
		expect(await phaseNames(page)).toEqual(['Première phase'])

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

		// Two tasks, each in a department (the sidebar's department field is placed with the sidebar; here the change is written as the command line would).
		for (const title of ['Recenser les postes de l’état civil', 'Former le service urbanisme']) {
			await page.locator('.overview-tasks__new').getByLabel('Nouvelle tâche').fill(title)
			await page.locator('.overview-tasks__new').getByRole('button', { name: 'Ajouter', exact: true }).click()
			await expect.poll(() => page.locator('aside.app-sidebar').getByLabel('Titre', { exact: true }).inputValue()).toBe(title)
		}
		await saved(page)
		const folder = new RoadmapFolder({ dav: createNodeDavClient({ url: harness.url, user: 'bob', password: 'bob' }), path: FOLDER, writer: { id: newWriterId(), author: 'bob' } })
		const { roadmap } = await folder.load()
		const departmentOf = new Map(roadmap.departments.map((d) => [d.label, d.id]))
		await folder.save(roadmap.tasks.map((task) => ({ op: 'set', path: `tasks/${task.id}/departments`, value: [departmentOf.get(task.title.includes('urbanisme') ? 'Urbanisme' : 'État civil')!] })))

		await page.goto(`${harness.url}${appRoadmapPath(FOLDER)}?view=board`)
		await boardCards(page, 'todo').first().waitFor()
		expect(await boardCards(page, 'todo').count()).toBe(2)
		await page.getByLabel('Services').click()
		await page.getByRole('option', { name: 'Urbanisme' }).click()
		await page.keyboard.press('Escape')
		await expect.poll(() => boardCards(page, 'todo').count()).toBe(1)
		expect(await boardCards(page, 'todo').first().innerText()).toContain('Former le service urbanisme')
		await page.getByText('1 tâche affichée sur 2').waitFor()

		// The overview counts each department's tasks.
		await page.getByRole('link', { name: 'Vue d’ensemble' }).click()
		expect(await page.locator('.department').allInnerTexts()).toEqual([expect.stringContaining('État civil'), expect.stringContaining('Urbanisme')])
		await context.close()
	})
})
