/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Sharing from inside the app: the share panel opens from the roadmap header,
 * finds colleagues through Nextcloud's sharee search, shares read only, then
 * "can edit", then revokes; the colleague sees each step in his own browser.
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

async function openPanel(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Partager', exact: true }).click()
	await panel(page).getByRole('heading', { name: 'Partagée avec' }).waitFor()
}

describe('share panel', () => {
	it('opens from the header, lists nobody yet, and offers a colleague and a typed partner cloud id', async () => {
		const context = await harness.browser.newContext()
		const page = await context.newPage()
		await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
		const share = page.getByRole('button', { name: 'Partager', exact: true })
		await share.click()
		expect(await share.getAttribute('aria-expanded')).toBe('true')
		await page.getByText('Personne d’autre pour l’instant.').waitFor()
		await page.getByLabel('Partager avec').fill('bru')
		await page.getByRole('button', { name: 'Partager avec Bruno Petit (Collègue)' }).waitFor()
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
		expect(await panel(page).getByText('Personne d’autre pour l’instant.').isVisible()).toBe(true)
		await context.close()
	})

	it('shares read only with a colleague, then lets him edit, then revokes; he sees each step', async () => {
		const aliceContext = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 } })
		const alice = await aliceContext.newPage()
		await harness.login(alice, 'alice', roadmapPath)
		await openPanel(alice)
		const search = panel(alice).getByLabel('Partager avec')
		await search.fill('bob')
		await panel(alice).getByRole('button', { name: 'Partager avec Bruno Petit (Collègue)' }).waitFor()
		await search.fill('Bruno')
		await panel(alice).getByRole('radio', { name: 'Lecture seule' }).check()
		await panel(alice).getByRole('button', { name: 'Partager avec Bruno Petit (Collègue)' }).click()
		await panel(alice).getByText('Partagée avec Bruno Petit (lecture seule).').waitFor()
		const permission = panel(alice).getByLabel('Droit de Bruno Petit')
		await permission.waitFor()
		expect(await permission.inputValue()).toBe('read')
		expect(await search.inputValue()).toBe('')
		await alice.screenshot({ path: join(screenshots, 'share-panel.png') })

		// Bruno, in his own browser, finds the roadmap shared with him, read only.
		const bobContext = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 } })
		const bob = await bobContext.newPage()
		await harness.login(bob, 'bob', '/index.php/apps/degooglisation/')
		const navigation = bob.getByRole('navigation', { name: 'Feuilles de route' })
		await navigation.getByText('Partagées avec moi').waitFor()
		await navigation.getByRole('link', { name: 'Saint-Exemple' }).click()
		await bob.getByText(READ_ONLY_BADGE).waitFor()
		await openOverviewPhases(bob)
		await bob.locator('.overview-task').first().waitFor()
		expect(await bob.locator('.overview-task input').count()).toBe(0)
		await bob.getByRole('link', { name: 'Tableau', exact: true }).click()
		await boardCards(bob, 'todo').first().waitFor()
		expect(await bob.getByRole('button', { name: /^Déplacer « / }).count()).toBe(0)
		const firstTodo = (await boardTaskIds(bob, 'todo'))[0]!
		await bob.locator(`[data-task-id="${firstTodo}"]`).focus()
		await bob.keyboard.press('Alt+ArrowRight')
		expect(await boardTaskIds(bob, 'todo')).toContain(firstTodo)

		// Alice lets him edit: after a reload he moves a card by keyboard.
		await permission.selectOption({ label: 'Peut modifier' })
		await panel(alice).getByText('Bruno Petit peut maintenant modifier cette feuille de route.').waitFor()
		expect(await permission.inputValue()).toBe('edit')
		await bob.reload()
		await boardCards(bob, 'todo').first().waitFor()
		expect(await bob.getByText(READ_ONLY_BADGE).count()).toBe(0)
		const moved = (await boardTaskIds(bob, 'todo'))[0]!
		await bob.locator(`[data-task-id="${moved}"]`).focus()
		await bob.keyboard.press('Alt+ArrowRight')
		await expect.poll(() => boardTaskIds(bob, 'in_progress')).toContain(moved)
		await bob.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()

		await alice.goto(`${harness.url}${roadmapPath}?view=board`)
		await boardCards(alice, 'todo').first().waitFor()
		expect(await boardTaskIds(alice, 'in_progress')).toContain(moved)
		expect(await boardTaskIds(alice, 'todo')).not.toContain(moved)

		// Revoking asks first; cancelling keeps the share.
		await openPanel(alice)
		await panel(alice).getByRole('button', { name: 'Retirer l’accès de Bruno Petit' }).click()
		await panel(alice).getByText('Retirer l’accès de Bruno Petit ?').waitFor()
		await panel(alice).getByRole('button', { name: 'Annuler' }).click()
		expect(await panel(alice).getByLabel('Droit de Bruno Petit').isVisible()).toBe(true)
		await panel(alice).getByRole('button', { name: 'Retirer l’accès de Bruno Petit' }).click()
		await panel(alice).getByRole('button', { name: 'Oui, retirer' }).click()
		await panel(alice).getByText('Bruno Petit n’a plus accès à cette feuille de route.').waitFor()
		await panel(alice).getByText('Personne d’autre pour l’instant.').waitFor()

		await bob.goto(`${harness.url}/index.php/apps/degooglisation/`)
		// Bruno has no roadmap of his own: without the share, he is offered to create one.
		await bob.getByText(NO_ROADMAP).waitFor()
		expect(await bob.getByText('Partagées avec moi').count()).toBe(0)
		await aliceContext.close()
		await bobContext.close()
	})
})
