/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The task board in chromium: cards moved by dragging and by keyboard are
 * saved across a reload; no serious accessibility violation; a French
 * screenshot for review (tests/e2e/screenshots/board.png, not committed).
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { appRoadmapPath, boardCards, boardTaskIds, startHarness } from './harness.ts'

const screenshots = join(import.meta.dirname, 'screenshots')
const boardPath = `${appRoadmapPath(DEMO_ROADMAP_PATH)}?view=board`
let harness: Harness

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	harness = await startHarness()
})
afterAll(() => harness?.close())

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()

describe('task board', () => {
	it('moves a card by dragging and one with Alt+ArrowRight, both saved across a reload', async () => {
		const page = await harness.browser.newPage({ viewport: { width: 1600, height: 1000 } })
		await harness.login(page, 'alice', boardPath)
		await boardCards(page, 'todo').first().waitFor()
		const dragged = (await boardTaskIds(page, 'todo'))[0]!
		const firstInProgress = (await boardTaskIds(page, 'in_progress'))[0]!

		// Dropped above the middle of the first "in progress" card: it goes on top.
		await page.locator(`[data-task-id="${dragged}"]`).dragTo(page.locator('.board-column__scroller[data-status="in_progress"]'), { targetPosition: { x: 60, y: 10 } })
		await expect.poll(() => boardTaskIds(page, 'in_progress')).toContain(dragged)
		expect((await boardTaskIds(page, 'in_progress')).slice(0, 2)).toEqual([dragged, firstInProgress])
		await saved(page)

		const card = page.locator('[data-task-id="structuring-master-plan"]')
		const title = await card.locator('h4').innerText()
		await card.focus()
		await page.keyboard.press('Alt+ArrowRight')
		await expect.poll(() => boardTaskIds(page, 'blocked')).toContain('structuring-master-plan')
		expect(await page.locator('.board__announcement').innerText()).toMatch(new RegExp(`^« ${title} » déplacée vers Bloquée, position 1 sur \\d+$`))
		expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.taskId)).toBe('structuring-master-plan')
		await saved(page)

		await page.reload()
		await boardCards(page, 'todo').first().waitFor()
		expect((await boardTaskIds(page, 'in_progress')).slice(0, 2)).toEqual([dragged, firstInProgress])
		expect((await boardTaskIds(page, 'blocked'))[0]).toBe('structuring-master-plan')
		expect(await boardTaskIds(page, 'todo')).not.toContain(dragged)
		await page.close()
	})

	it('filters as one types, without accents', async () => {
		const page = await harness.browser.newPage({ viewport: { width: 1600, height: 1000 } })
		await harness.login(page, 'alice', boardPath)
		await boardCards(page, 'todo').first().waitFor()
		await page.getByLabel('Rechercher dans les tâches').fill('MESSAGERIE')
		await expect.poll(() => boardTaskIds(page, 'todo')).toContain('solutions-mail')
		const titles = await page.locator('.task-card h4').allInnerTexts()
		expect(titles.length).toBeGreaterThan(0)
		await page.close()
	})

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no serious or critical accessibility violation (${scheme})`, async () => {
			const context = await harness.browser.newContext({ colorScheme: scheme, viewport: { width: 1600, height: 1000 } })
			const page = await context.newPage()
			await harness.login(page, 'alice', boardPath)
			await boardCards(page, 'todo').first().waitFor()
			await page.locator('.task-card__overdue').first().waitFor()
			if (scheme === 'light') {
				await page.screenshot({ path: join(screenshots, 'board.png') })
			}
			const { violations } = await new AxeBuilder({ page }).include('.board').analyze()
			const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
			expect(serious).toEqual([])
			await context.close()
		})
	}
})
