/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Sharing from inside the app: the share panel opens from the roadmap header
 * (the demo roadmap is shared with Bruno, who has tasks in it), finds
 * colleagues through Nextcloud's sharee search, shares read only with Claire,
 * who has no roadmap, then "can edit", then revokes; she sees each step in her
 * own browser.
 * A partner server that does not answer gets a clear message and keeps what
 * was typed. A French screenshot of the panel for review
 * (tests/e2e/screenshots/share-panel.png, not committed).
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { appRoadmapPath, boardCards, boardTaskIds, openOverviewPhases, startHarness } from './harness.ts'

const screenshots = join(import.meta.dirname, 'screenshots')
const roadmapPath = appRoadmapPath(DEMO_ROADMAP_PATH)
const READ_ONLY_BADGE = 'Lecture seule : vous pouvez consulter cette feuille de route mais pas la modifier'
const NO_ROADMAP = 'Pas encore de feuille de route'
let harness: Harness

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	harness = await startHarness()
})
afterAll(() => harness?.close())

const panel = (page: Page) => page.getByRole('region', { name: 'Partager cette feuille de route' })

/** The names the panel lists the roadmap as shared with. */
const sharedWith = (page: Page) => panel(page).locator('.share-panel__name').allInnerTexts()

async function openPanel(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Partager', exact: true }).click()
	await panel(page).getByRole('heading', { name: 'Partagée avec' }).waitFor()
}

describe('share panel', () => {
	it('opens from the header, lists the colleague the demo gave tasks to, and offers a colleague and a typed partner cloud id', async () => {
		const context = await harness.browser.newContext()
		const page = await context.newPage()
		await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
		const share = page.getByRole('button', { name: 'Partager', exact: true })
		await share.click()
		expect(await share.getAttribute('aria-expanded')).toBe('true')
		await panel(page).getByLabel('Droit de Bruno Petit').waitFor()
		expect(await sharedWith(page)).toEqual(['Bruno Petit'])
		await page.getByLabel('Partager avec').fill('cla')
		await page.getByRole('button', { name: 'Partager avec Claire Dubois (Collègue)' }).waitFor()
		await page.getByLabel('Partager avec').fill('agent@cloud.mairie-b.fr')
		await page.getByRole('button', { name: 'Partager avec agent@cloud.mairie-b.fr (Commune partenaire)' }).waitFor()
		const results = await new AxeBuilder({ page }).include('.share-panel').analyze()
		expect(results.violations.map((v) => v.id)).toEqual([])
		await context.close()
	})

	it('says plainly when a partner server does not take the share, and keeps what was typed', async () => {
		const context = await harness.browser.newContext()
		const page = await context.newPage()
		await harness.login(page, 'alice', roadmapPath)
		await openPanel(page)
		const search = panel(page).getByLabel('Partager avec')
		// Port 9 (discard) is closed: the sandbox, like Nextcloud 32, answers 403 "Failed to create share.".
		await search.fill('agent@http://127.0.0.1:9')
		await panel(page).getByRole('radio', { name: 'Peut modifier' }).check()
		await panel(page).getByRole('button', { name: /^Partager avec agent.*\(Commune partenaire\)$/ }).click()
		const error = panel(page).locator('.notecard')
		await error.waitFor()
		expect(await error.innerText()).toContain('Le serveur de la commune partenaire de agent@http://127.0.0.1:9 est injoignable')
		expect(await search.inputValue()).toBe('agent@http://127.0.0.1:9')
		expect(await panel(page).getByRole('radio', { name: 'Peut modifier' }).isChecked()).toBe(true)
		await expect.poll(() => sharedWith(page)).toEqual(['Bruno Petit'])
		await context.close()
	})

	it('shares read only with a colleague, then lets her edit, then revokes; she sees each step', async () => {
		const aliceContext = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 } })
		const alice = await aliceContext.newPage()
		await harness.login(alice, 'alice', roadmapPath)
		await openPanel(alice)
		const search = panel(alice).getByLabel('Partager avec')
		await search.fill('claire')
		await panel(alice).getByRole('button', { name: 'Partager avec Claire Dubois (Collègue)' }).waitFor()
		await search.fill('Claire')
		await panel(alice).getByRole('radio', { name: 'Lecture seule' }).check()
		await panel(alice).getByRole('button', { name: 'Partager avec Claire Dubois (Collègue)' }).click()
		await panel(alice).getByText('Partagée avec Claire Dubois (lecture seule).').waitFor()
		const permission = panel(alice).getByLabel('Droit de Claire Dubois')
		await permission.waitFor()
		expect(await permission.inputValue()).toBe('read')
		expect(await search.inputValue()).toBe('')
		await alice.screenshot({ path: join(screenshots, 'share-panel.png') })

		// Claire, in her own browser, finds the roadmap shared with her, read only.
		const claireContext = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 } })
		const claire = await claireContext.newPage()
		await harness.login(claire, 'claire', '/index.php/apps/degooglisation/')
		const navigation = claire.getByRole('navigation', { name: 'Feuilles de route' })
		await navigation.getByText('Partagées avec moi').waitFor()
		await navigation.getByRole('link', { name: 'Saint-Exemple' }).click()
		await claire.getByText(READ_ONLY_BADGE).waitFor()
		await openOverviewPhases(claire)
		await claire.locator('.overview-task').first().waitFor()
		expect(await claire.locator('.overview-task input').count()).toBe(0)
		await claire.getByRole('link', { name: 'Tableau', exact: true }).click()
		await boardCards(claire, 'todo').first().waitFor()
		expect(await claire.getByRole('button', { name: /^Déplacer « / }).count()).toBe(0)
		const firstTodo = (await boardTaskIds(claire, 'todo'))[0]!
		await claire.locator(`[data-task-id="${firstTodo}"]`).focus()
		await claire.keyboard.press('Alt+ArrowRight')
		expect(await boardTaskIds(claire, 'todo')).toContain(firstTodo)

		// Alice lets her edit: after a reload she moves a card by keyboard.
		await permission.selectOption({ label: 'Peut modifier' })
		await panel(alice).getByText('Claire Dubois peut maintenant modifier cette feuille de route.').waitFor()
		expect(await permission.inputValue()).toBe('edit')
		await claire.reload()
		await boardCards(claire, 'todo').first().waitFor()
		expect(await claire.getByText(READ_ONLY_BADGE).count()).toBe(0)
		const moved = (await boardTaskIds(claire, 'todo'))[0]!
		await claire.locator(`[data-task-id="${moved}"]`).focus()
		await claire.keyboard.press('Alt+ArrowRight')
		await expect.poll(() => boardTaskIds(claire, 'in_progress')).toContain(moved)
		await claire.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()

		await alice.goto(`${harness.url}${roadmapPath}?view=board`)
		await boardCards(alice, 'todo').first().waitFor()
		expect(await boardTaskIds(alice, 'in_progress')).toContain(moved)
		expect(await boardTaskIds(alice, 'todo')).not.toContain(moved)

		// Revoking asks first; cancelling keeps the share.
		await openPanel(alice)
		await panel(alice).getByRole('button', { name: 'Retirer l’accès de Claire Dubois' }).click()
		await panel(alice).getByText('Retirer l’accès de Claire Dubois ?').waitFor()
		await panel(alice).getByRole('button', { name: 'Annuler' }).click()
		expect(await panel(alice).getByLabel('Droit de Claire Dubois').isVisible()).toBe(true)
		await panel(alice).getByRole('button', { name: 'Retirer l’accès de Claire Dubois' }).click()
		await panel(alice).getByRole('button', { name: 'Oui, retirer' }).click()
		await panel(alice).getByText('Claire Dubois n’a plus accès à cette feuille de route.').waitFor()
		await expect.poll(() => sharedWith(alice)).toEqual(['Bruno Petit'])

		await claire.goto(`${harness.url}/index.php/apps/degooglisation/`)
		// Claire has no roadmap of her own: without the share, she is offered to create one.
		await claire.getByText(NO_ROADMAP).waitFor()
		expect(await claire.getByText('Partagées avec moi').count()).toBe(0)
		await aliceContext.close()
		await claireContext.close()
	})
})
