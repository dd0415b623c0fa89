/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The app page in chromium: the links the dashboard gives lead somewhere useful. */

import type { Harness } from './harness.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { openOverviewPhases, startHarness } from './harness.ts'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

describe('app page', () => {
	it('opens the roadmap and the task a dashboard link names', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', `/index.php/apps/degooglisation/?roadmap=${encodeURIComponent(DEMO_ROADMAP_PATH)}&task=solutions-mail`)
		await page.waitForSelector('.overview-task--highlighted')
		expect(await page.locator('.overview-task--highlighted .overview-task__title').innerText()).toBe('Migrer la messagerie et les agendas')
		// The task opens in the sidebar, which takes the focus; closing it gives the focus back to the task in the list.
		await page.locator('aside.app-sidebar h2', { hasText: 'Migrer la messagerie et les agendas' }).waitFor()
		await page.waitForFunction(() => document.activeElement?.closest('aside.app-sidebar'))
		await page.keyboard.press('Escape')
		await page.locator('aside.app-sidebar').waitFor({ state: 'detached' })
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('status-solutions-mail')
		await page.close()
	})

	it('starts a new task from the dashboard\'s "new task" link, saved across a reload', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', '/index.php/apps/degooglisation/?new-task=1')
		// A new task opens in the sidebar, its title selected, ready to type over.
		await page.waitForFunction(() => document.activeElement?.closest('aside.app-sidebar') && (document.activeElement as HTMLInputElement).value === 'Nouvelle tâche')
		expect(new URL(page.url()).searchParams.get('new-task')).toBeNull()
		await page.keyboard.type('Former les agents de l’accueil')
		await page.keyboard.press('Escape')
		await page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()
		await page.reload()
		// The overview folds its tasks by phase: the new task is found once they are opened.
		await openOverviewPhases(page)
		await page.getByText('Former les agents de l’accueil').waitFor()
		await page.close()
	})
})
