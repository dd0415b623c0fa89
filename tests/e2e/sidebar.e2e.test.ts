/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The task sidebar in chromium, in French: a task opened from its URL is
 * edited field by field, everything is found again after a reload; a deleted
 * task comes back with "undo"; no serious accessibility violation.
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { openOverviewPhases, startHarness } from './harness.ts'

const screenshots = join(import.meta.dirname, 'screenshots')
const TASK = 'solutions-mail'
const taskUrl = `/index.php/apps/degooglisation/?roadmap=${encodeURIComponent(DEMO_ROADMAP_PATH)}&task=${TASK}`
let harness: Harness

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	harness = await startHarness()
})
afterAll(() => harness?.close())

const sidebar = (page: Page) => page.locator('aside.app-sidebar')
const selectNamed = (page: Page, label: string) => sidebar(page).locator('.v-select').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) })
const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()

async function choose(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
	await selectNamed(page, label).locator('input').click()
	if (typed) {
		await page.keyboard.type(typed)
	}
	// Long option labels are split in two to be ellipsised in the middle: match the text content.
	await page.locator('.vs__dropdown-menu [role="option"]').filter({ hasText: option }).click()
}

describe('task sidebar', () => {
	it('edits a task opened from its URL; everything is there after a reload', async () => {
		const page = await harness.browser.newPage({ viewport: { width: 1400, height: 1000 } })
		await harness.login(page, 'alice', taskUrl)
		const title = sidebar(page).getByLabel('Titre', { exact: true })
		await title.waitFor()
		expect(await title.inputValue()).toBe('Migrer la messagerie et les agendas')
		await title.fill('Migrer la messagerie et les agendas vers le cloud de la commune')
		await choose(page, 'Statut', '', /^En cours$/)
		await sidebar(page).getByLabel('Échéance').fill('2027-10-15')
		await sidebar(page).getByLabel('Nouvel élément de la liste').fill('Exporter les boîtes des élus')
		await page.keyboard.press('Enter')
		const items = sidebar(page).locator('.task-sidebar__item input[type="text"]')
		await expect.poll(() => items.last().inputValue()).toBe('Exporter les boîtes des élus')
		await choose(page, 'Assignée à', 'alice', /Alice Martin/)
		await choose(page, 'Assignée à', 'agent@cloud.mairie-b.fr', /agent@cloud\.mairie-b\.fr/)
		// A title typed last and the sidebar closed at once with Escape: nothing is lost.
		await sidebar(page).getByLabel('Description').fill('Prévenir les agents une semaine avant.')
		await page.keyboard.press('Escape')
		await sidebar(page).waitFor({ state: 'detached' })
		expect(new URL(page.url()).searchParams.get('task')).toBeNull()
		await saved(page)

		await page.goto(`${harness.url}${taskUrl}`)
		await title.waitFor()
		expect(await title.inputValue()).toBe('Migrer la messagerie et les agendas vers le cloud de la commune')
		expect(await sidebar(page).getByLabel('Description').inputValue()).toBe('Prévenir les agents une semaine avant.')
		expect(await selectNamed(page, 'Statut').locator('.vs__selected').innerText()).toBe('En cours')
		expect(await sidebar(page).getByLabel('Échéance').inputValue()).toBe('2027-10-15')
		expect(await items.last().inputValue()).toBe('Exporter les boîtes des élus')
		expect(await selectNamed(page, 'Assignée à').locator('.vs__selected').allTextContents()).toEqual(['bob', 'alice', 'agent@cloud.mairie-b.fr'].map((id) => expect.stringContaining(id)))
		await page.close()
	})

	it('reaches every field with the Tab key, each one labelled', async () => {
		const page = await harness.browser.newPage({ viewport: { width: 1400, height: 1000 } })
		await harness.login(page, 'alice', taskUrl)
		await sidebar(page).getByLabel('Titre', { exact: true }).focus()
		const reached: string[] = []
		for (let i = 0; i < 80; i++) {
			reached.push(await page.evaluate(() => {
				const element = document.activeElement as HTMLElement
				if (!element.closest('aside.app-sidebar')) {
					return ''
				}
				const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null
				return (label ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim()
			}))
			await page.keyboard.press('Tab')
		}
		for (const label of ['Titre', 'Description', 'Phase', 'Statut', 'Assignée à', 'Début', 'Échéance', 'Catégorie', 'Remplace', 'Remplacé par', 'Nouvel élément de la liste', 'Lier des fichiers…', 'Attend']) {
			expect(reached).toContain(label)
		}
		expect(reached.filter((name) => name.startsWith('Fait : '))).not.toHaveLength(0)
		expect(reached.filter((name) => name.startsWith('Retirer « '))).not.toHaveLength(0)
		await page.close()
	})

	it('keeps text typed just before the page is reloaded', async () => {
		const page = await harness.browser.newPage({ viewport: { width: 1400, height: 1000 } })
		await harness.login(page, 'alice', taskUrl)
		const description = sidebar(page).getByLabel('Description')
		await description.fill('Tapé juste avant de recharger la page')
		await page.reload()
		await expect.poll(() => description.inputValue()).toBe('Tapé juste avant de recharger la page')
		await saved(page)
		await page.close()
	})

	it('opens a task added from the overview in the sidebar', async () => {
		const page = await harness.browser.newPage({ viewport: { width: 1400, height: 1000 } })
		await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
		await page.locator('#roadmap-new-task').fill('Recenser les imprimantes')
		await page.keyboard.press('Enter')
		expect(await sidebar(page).getByLabel('Titre', { exact: true }).inputValue()).toBe('Recenser les imprimantes')
		expect(new URL(page.url()).searchParams.get('task')).toBeTruthy()
		await page.close()
	})

	it('refuses a due date before the start date, saying why', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', taskUrl)
		await sidebar(page).getByLabel('Début').fill('2027-12-01')
		await sidebar(page).getByLabel('Échéance').fill('2027-11-01')
		await sidebar(page).getByText('L’échéance est avant la date de début').waitFor()
		await page.close()
	})

	it('deletes a task, and brings it back with "undo"', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', taskUrl)
		await sidebar(page).getByLabel('Titre', { exact: true }).waitFor()
		await sidebar(page).getByRole('button', { name: 'Actions' }).click()
		await page.getByRole('menuitem', { name: 'Supprimer la tâche' }).click()
		await sidebar(page).waitFor({ state: 'detached' })
		await saved(page)
		await openOverviewPhases(page)
		expect(await page.locator(`[data-overview-task="${TASK}"]`).count()).toBe(0)
		await page.getByRole('button', { name: 'Annuler' }).click()
		await sidebar(page).getByLabel('Titre', { exact: true }).waitFor()
		await saved(page)
		await page.reload()
		await openOverviewPhases(page)
		await page.locator(`[data-overview-task="${TASK}"]`).waitFor()
		await page.close()
	})

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no serious or critical accessibility violation with the sidebar open (${scheme})`, async () => {
			const context = await harness.browser.newContext({ colorScheme: scheme, viewport: { width: 1400, height: 1000 } })
			const page = await context.newPage()
			await harness.login(page, 'alice', taskUrl)
			await sidebar(page).getByLabel('Titre', { exact: true }).waitFor()
			if (scheme === 'light') {
				await page.screenshot({ path: join(screenshots, 'sidebar.png') })
			}
			const { violations } = await new AxeBuilder({ page }).include('#content-vue').analyze()
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
			expect(serious).toEqual([])
			await context.close()
		})
	}
})
