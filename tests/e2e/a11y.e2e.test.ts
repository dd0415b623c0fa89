/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Accessibility scan (axe-core) of the app page and the dashboard widget, and
 * screenshots of each view in French for review (tests/e2e/screenshots/, not committed).
 */

import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { appRoadmapPath, startHarness } from './harness.ts'

const screenshots = join(import.meta.dirname, 'screenshots')
let harness: Harness

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	harness = await startHarness()
})
afterAll(() => harness?.close())

describe('accessibility', () => {
	for (const [name, path, ready, scope] of [
		['app page', '/index.php/apps/degooglisation/', '.overview-phase', '#content-vue'],
		['history', `${appRoadmapPath(DEMO_ROADMAP_PATH)}?view=history`, '.history__reach', '#content-vue'],
		['partners page', '/index.php/apps/degooglisation/partners', '.partners__phases', '#content-vue'],
		['dashboard widget', '/index.php/apps/dashboard/', '.degooglisation-widget__task', '.degooglisation-widget'],
	] as const) {
		for (const scheme of ['light', 'dark'] as const) {
			it(`has no serious or critical violation on the ${name} (${scheme})`, async () => {
				const context = await harness.browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } })
				const page = await context.newPage()
				await harness.login(page, 'alice', path)
				await page.waitForSelector(ready)
				await page.screenshot({ path: join(screenshots, `${name.replace(/ /g, '-')}-${scheme}-fr.png`), fullPage: true })
				const { violations } = await new AxeBuilder({ page }).include(scope).analyze()
				const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
				expect(serious).toEqual([])
				await context.close()
			})
		}
	}
})
