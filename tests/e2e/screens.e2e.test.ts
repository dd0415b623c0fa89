/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Every view of the app on a 390 px phone and a 1440 px laptop, in French,
 * light and dark: a screenshot of each for review (tests/e2e/screenshots/,
 * not committed), no sideways scrolling of the page, and axe finding no
 * serious or critical issue.
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { appRoadmapPath, startHarness } from './harness.ts'

const screenshots = join(import.meta.dirname, 'screenshots')
const roadmap = appRoadmapPath(DEMO_ROADMAP_PATH)
let harness: Harness

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	harness = await startHarness()
})
afterAll(() => harness?.close())

interface Screen {
	name: string
	path: string
	ready: string
	/** Grown to show the whole content (the app's content box scrolls inside the page). */
	full: boolean
	/** Something to do once the page is there (open a dialog…). */
	prepare?: (page: Page) => Promise<void>
	scope?: string
}

const SCREENS: Screen[] = [
	{ name: 'overview', path: roadmap, ready: '.indicator svg[role="img"]', full: true },
	{ name: 'board', path: `${roadmap}?view=board`, ready: '[data-task-id]', full: false },
	{ name: 'history', path: `${roadmap}?view=history`, ready: '.history__reach', full: true },
	{ name: 'settings', path: `${roadmap}?view=settings`, ready: '.phase-row', full: true },
	{ name: 'sidebar', path: `${roadmap}?view=board&task=solutions-mail`, ready: 'aside.app-sidebar input', full: false },
	{ name: 'partners', path: '/index.php/apps/degooglisation/partners', ready: '.partners__phases', full: true },
	{
		name: 'new-roadmap-dialog',
		path: roadmap,
		ready: '.timeline__bar',
		full: false,
		scope: '[role="dialog"]',
		prepare: async (page) => {
			const create = page.getByRole('button', { name: 'Nouvelle feuille de route' }).first()
			// On a phone the navigation is folded: it is opened first.
			if (!await create.isVisible()) {
				await page.locator('.app-navigation-toggle').first().click()
			}
			await create.click()
			await page.getByRole('dialog', { name: 'Nouvelle feuille de route' }).waitFor()
		},
	},
]

/**
 * The app's elements that stick out of the screen sideways, those inside a box
 * that scrolls sideways on purpose (the board's columns) aside. The page
 * shell's own header is the sandbox's, not the app's: it is left out.
 */
function sticksOut(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth
		const scrolls = (element: Element | null): boolean => {
			for (let e = element; e && e.id !== 'content-vue'; e = e.parentElement) {
				if (/auto|scroll/.test(getComputedStyle(e).overflowX) && e.getBoundingClientRect().right <= width + 1) {
					return true
				}
			}
			return false
		}
		return [...document.querySelectorAll('#content-vue *, [role="dialog"] *')]
			.filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > width + 1 && !scrolls(e.parentElement))
			.map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute('class') ?? '').split(' ')[0]}`)
			.slice(0, 5)
	})
}

/** The height of the app's content, wherever it scrolls. */
function contentHeight(page: Page): Promise<number> {
	return page.evaluate(() => Math.max(document.documentElement.scrollHeight, ...[...document.querySelectorAll('#app-content-vue, .app-content, main')].map((e) => e.scrollHeight)))
}

describe('every view at 390 and 1440 px', () => {
	for (const width of [390, 1440]) {
		for (const scheme of ['light', 'dark'] as const) {
			for (const screen of SCREENS) {
				it(`${screen.name}, ${width} px, ${scheme}`, async () => {
					const height = width === 390 ? 844 : 900
					const context = await harness.browser.newContext({ colorScheme: scheme, viewport: { width, height }, locale: 'fr-FR' })
					const page = await context.newPage()
					await harness.login(page, 'alice', screen.path)
					await page.locator(screen.ready).first().waitFor()
					await screen.prepare?.(page)
					// Fonts, the chart's loading and transitions settle.
					await page.waitForTimeout(400)
					const outside = await sticksOut(page)
					if (screen.full) {
						await page.setViewportSize({ width, height: Math.min(8000, Math.max(height, await contentHeight(page) + 80)) })
					}
					await page.screenshot({ path: join(screenshots, `${screen.name}-${width}-${scheme}-fr.png`) })
					expect(outside).toEqual([])
					const { violations } = await new AxeBuilder({ page }).include(screen.scope ?? '#content-vue').analyze()
					const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
						.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
					expect(serious).toEqual([])
					await context.close()
				})
			}
		}
	}

	it('the board shows its five columns side by side at 1440 px, the navigation open', async () => {
		const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 } })
		const page = await context.newPage()
		await harness.login(page, 'alice', `${roadmap}?view=board`)
		await page.locator('[data-task-id]').first().waitFor()
		const columns = await page.locator('.board-column').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().right))
		expect(columns).toHaveLength(5)
		expect(Math.max(...columns)).toBeLessThanOrEqual(1440)
		await context.close()
	})
})
