/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The partner communes page: reached from the navigation, shows the user's roadmap with its phases' progress. */

import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setOverviewStatus, startHarness } from './harness.ts'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

describe('partner communes page', () => {
	it('shows the own roadmap\'s phases and what was finished lately, and keeps its state for when the server is down', async () => {
		const context = await harness.browser.newContext()
		const page = await context.newPage()
		await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
		await setOverviewStatus(page, 'solutions-mail', 'done')
		await page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()
		await page.getByRole('link', { name: 'Communes partenaires' }).click()
		const card = page.locator('.partners__card').first()
		await card.locator('.partners__phases').waitFor()
		expect(await card.locator('h3').innerText()).toBe('Saint-Exemple')
		expect(await card.locator('.partners__phases li').count()).toBeGreaterThanOrEqual(4)
		expect(await card.locator('.partners__recent li').allInnerTexts()).toEqual([expect.stringMatching(/^Migrer la messagerie et les agendas /)])
		expect((await new AxeBuilder({ page }).include('.partners').analyze()).violations.map((v) => v.id)).toEqual([])

		// The server stops answering file requests: the page still shows what it knew, and says so.
		await page.route('**/remote.php/dav/**', (route) => route.abort())
		await page.reload()
		await card.locator('.partners__stale').waitFor()
		expect(await card.locator('.partners__stale p').innerText()).toMatch(/^Introuvable pour l’instant .* Dernier état connu du /)
		expect(await card.locator('.partners__recent li').count()).toBe(1)
		await context.close()
	})
})
