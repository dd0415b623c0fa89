/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Two browsers editing the same roadmap at the same moment both keep their edits. */

import type { Harness } from './harness.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openOverviewPhases, overviewStatus, setOverviewStatus, startHarness } from './harness.ts'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

describe('two people editing at once', () => {
	it('keeps both edits, and each sees the other\'s after saving', async () => {
		const [a, b] = await Promise.all([harness.browser.newContext(), harness.browser.newContext()])
		const [pageA, pageB] = await Promise.all([a.newPage(), b.newPage()])
		await Promise.all([
			harness.login(pageA, 'alice', '/index.php/apps/degooglisation/'),
			harness.login(pageB, 'alice', '/index.php/apps/degooglisation/'),
		])
		await Promise.all([openOverviewPhases(pageA), openOverviewPhases(pageB)])
		Object.assign(harness.hazards, { preconditionGapMs: 50 })
		await Promise.all([
			setOverviewStatus(pageA, 'solutions-chat', 'blocked'),
			setOverviewStatus(pageB, 'solutions-scheduling-forms', 'done'),
		])
		await Promise.all([pageA, pageB].map((p) => p.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()))
		Object.assign(harness.hazards, { preconditionGapMs: 5 })
		for (const page of [pageA, pageB]) {
			await page.reload()
			expect(await overviewStatus(page, 'solutions-chat')).toBe('blocked')
			expect(await overviewStatus(page, 'solutions-scheduling-forms')).toBe('done')
		}
		await Promise.all([a.close(), b.close()])
	})
})
