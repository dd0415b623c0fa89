/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Creating a roadmap in chromium, as someone who has none yet (claire of the demo):
 * the dialog, Nextcloud's file picker, the overview of the new roadmap, an
 * indicator measurement kept across a reload; accessibility scans and French
 * screenshots (tests/e2e/screenshots/) of the dialog and the overview.
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness } from './harness.ts'

const screenshots = join(import.meta.dirname, 'screenshots')
const FOLDER = '/Dégooglisation/Villeneuve-sur-Libre'
let harness: Harness

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	harness = await startHarness()
})
afterAll(() => harness?.close())

async function seriousViolations(page: Page, scope: string): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).include(scope).analyze()
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

describe('creating a roadmap', () => {
	it('creates one from the starter template through the dialog, shows its phases, and keeps a measurement across a reload', async () => {
		const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } })
		const page = await context.newPage()
		await harness.login(page, 'claire', '/index.php/apps/degooglisation/')
		await page.getByText('Pas encore de feuille de route').waitFor()
		await page.getByRole('button', { name: 'Nouvelle feuille de route' }).click()
		const dialog = page.getByRole('dialog', { name: 'Nouvelle feuille de route' })
		await dialog.waitFor()

		// Nothing typed: the dialog says what is missing and creates nothing.
		await dialog.getByRole('button', { name: 'Créer la feuille de route' }).click()
		await dialog.getByText('Saisissez le nom de votre commune.').waitFor()
		await dialog.getByLabel('Nom de votre commune').fill('Villeneuve-sur-Libre')
		expect(await dialog.getByLabel('Dossier de la feuille de route').inputValue()).toBe(FOLDER)
		await page.screenshot({ path: join(screenshots, 'new-roadmap-dialog-light-fr.png') })
		expect(await seriousViolations(page, '[role="dialog"]')).toEqual([])

		// Nextcloud's file picker chooses where the commune's folder goes: here, the root of claire's files.
		await dialog.getByRole('button', { name: 'Choisir l’emplacement…' }).click()
		const picker = page.getByRole('dialog', { name: 'Où créer le dossier de la feuille de route' })
		await picker.waitFor()
		await picker.getByRole('button', { name: 'La créer ici' }).click()
		await picker.waitFor({ state: 'detached' })
		expect(await dialog.getByLabel('Dossier de la feuille de route').inputValue()).toBe('/Villeneuve-sur-Libre')
		// A typed path works as well.
		await dialog.getByLabel('Dossier de la feuille de route').fill(FOLDER)
		await expect(dialog.getByLabel('Le modèle de départ').isChecked()).resolves.toBe(true)
		await dialog.getByRole('button', { name: 'Créer la feuille de route' }).click()

		await page.waitForURL(/\/roadmap\/D%C3%A9googlisation\/Villeneuve-sur-Libre$/)
		await page.locator('.timeline__bar').first().waitFor()
		expect(await page.locator('.timeline__bar').count()).toBe(6)
		// The today line is drawn in each phase's track, clear of the names and dates.
		expect(await page.locator('.timeline__today').count()).toBe(6)
		expect(await page.locator('.timeline__today-label').count()).toBe(1)
		expect(await page.locator('.overview-phase__title').first().innerText()).toBe('Structuration — 0 %')
		expect(await page.getByRole('navigation').getByText('Villeneuve-sur-Libre').count()).toBe(1)

		const trained = page.locator('[data-indicator="agents-trained"]')
		await trained.getByRole('button', { name: /^Ajouter une mesure/ }).click()
		await trained.getByLabel('Valeur (agents)').fill('douze')
		await trained.getByRole('button', { name: 'Enregistrer la mesure' }).click()
		await trained.getByRole('alert').filter({ hasText: 'Saisissez un nombre' }).waitFor()
		await trained.getByLabel('Valeur (agents)').fill('12')
		await trained.getByRole('button', { name: 'Enregistrer la mesure' }).click()
		await page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()
		await page.reload()
		await page.locator('[data-indicator="agents-trained"] svg[role="img"]').waitFor()
		expect(await page.locator('[data-indicator="agents-trained"] .indicator__latest').innerText()).toMatch(/^Dernière mesure : 12 agents le /)
		await context.close()
	})

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no serious or critical violation on the overview of the new roadmap (${scheme})`, async () => {
			const context = await harness.browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } })
			const page = await context.newPage()
			// Percent-encoded: the login's redirect would otherwise carry the é as a raw byte.
			await harness.login(page, 'claire', `/index.php/apps/degooglisation/roadmap${encodeURI(FOLDER)}`)
			await page.locator('[data-indicator="agents-trained"] svg[role="img"]').waitFor()
			await page.screenshot({ path: join(screenshots, `roadmap-overview-${scheme}-fr.png`), fullPage: true })
			expect(await seriousViolations(page, '#content-vue')).toEqual([])
			await context.close()
		})
	}

	it('refuses a folder that already holds a roadmap, keeping what was typed', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'claire', '/index.php/apps/degooglisation/')
		await page.locator('.timeline__bar').first().waitFor()
		await page.getByRole('button', { name: 'Nouvelle feuille de route' }).click()
		const dialog = page.getByRole('dialog', { name: 'Nouvelle feuille de route' })
		await dialog.getByLabel('Nom de votre commune').fill('Villeneuve-sur-Libre')
		await dialog.getByRole('button', { name: 'Créer la feuille de route' }).click()
		await dialog.getByRole('alert').filter({ hasText: `Le dossier ${FOLDER} contient déjà une feuille de route.` }).waitFor()
		expect(await dialog.getByLabel('Nom de votre commune').inputValue()).toBe('Villeneuve-sur-Libre')
		await page.close()
	})

	it('opens a roadmap folder chosen in the file picker, and says so when a folder holds none', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'claire', '/index.php/apps/degooglisation/')
		await page.locator('.timeline__bar').first().waitFor()
		const picker = page.getByRole('dialog', { name: 'Ouvrir le dossier d’une feuille de route' })

		await page.getByText('Ouvrir un dossier existant…').click()
		// Chosen once the picker shows the folder's content, as a person would.
		await picker.getByText('Dégooglisation').first().waitFor()
		await picker.getByRole('button', { name: 'Ouvrir ce dossier' }).click()
		await page.getByRole('alert').filter({ hasText: 'Le dossier / ne contient pas de feuille de route Dégooglisation.' }).waitFor()

		await page.getByText('Ouvrir un dossier existant…').click()
		await picker.getByText('Dégooglisation').first().click()
		await picker.getByText('Villeneuve-sur-Libre').first().click()
		await picker.getByRole('button', { name: 'Ouvrir ce dossier' }).click()
		await page.waitForURL(/\/roadmap\/D%C3%A9googlisation\/Villeneuve-sur-Libre$/)
		await page.locator('.timeline__bar').first().waitFor()
		await page.close()
	})
})
