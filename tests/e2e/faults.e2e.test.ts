/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The server failing mid-save: the edit stays in the browser, survives a
 * reload, is retried, and ends up in the files once the server recovers.
 */

import type { Page, Route } from 'playwright-core'
import type { Harness } from './harness.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { newWriterId } from '../../src/domain/ids.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { overviewStatus, setOverviewStatus, startHarness } from './harness.ts'

let harness: Harness
const calm = { tornReadRate: 0, lockedRate: 0, serverErrorRate: 0, unavailableRate: 0 }

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

async function statusInFiles(taskId: string): Promise<string> {
	const dav = createNodeDavClient({ url: harness.url, user: 'alice', password: 'alice' })
	const { roadmap } = await new RoadmapFolder({ dav, path: DEMO_ROADMAP_PATH, writer: { id: newWriterId(), author: 'test' } }).load()
	return roadmap.tasks.find((t) => t.id === taskId)!.status
}

describe('saving through server faults', () => {
	for (const [fault, hazards] of [['500 on every write', { serverErrorRate: 1 }], ['423 Locked on every write', { lockedRate: 1 }]] as const) {
		it(`keeps the edit through ${fault} and a reload, then saves it`, async () => {
			const page = await harness.browser.newPage()
			await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
			const target = (await overviewStatus(page, 'solutions-video')) === 'blocked' ? 'in_progress' : 'blocked'
			Object.assign(harness.hazards, hazards)
			await setOverviewStatus(page, 'solutions-video', target)
			await page.getByText(/Serveur injoignable|Pas encore enregistré/).waitFor({ timeout: 30000 })
			await page.reload()
			expect(await overviewStatus(page, 'solutions-video')).toBe(target)
			expect(await statusInFiles('solutions-video')).not.toBe(target)
			Object.assign(harness.hazards, calm)
			await page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor({ timeout: 30000 })
			expect(await statusInFiles('solutions-video')).toBe(target)
			expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('degooglisation:outbox:')))).toEqual([])
			await page.close()
		})
	}

	/** Writes of change files fail at the network level until released. */
	async function failWrites(page: Page, fail: (route: Route) => Promise<void>): Promise<() => Promise<void>> {
		const pattern = '**/remote.php/dav/files/**/.degooglisation/change.*'
		const handler = async (route: Route) => (route.request().method() === 'PUT' ? fail(route) : route.continue())
		await page.route(pattern, handler)
		return () => page.unroute(pattern, handler)
	}

	for (const [fault, fail, noticeWithinMs] of [
		['a refused connection', (route: Route) => route.abort('connectionrefused'), 30_000],
		['503 Service Unavailable', (route: Route) => route.fulfill({ status: 503, body: '' }), 30_000],
		['a storm of 412 answers', (route: Route) => route.fulfill({ status: 412, body: '' }), 30_000],
		// The browser gives up after its 30-second timeout; the user must hear of it then, not minutes later.
		['a server that never answers', () => new Promise<void>(() => {}), 45_000],
	] as const) {
		it(`keeps the edit through ${fault}, then saves it`, { timeout: 150_000 }, async () => {
			const page = await harness.browser.newPage()
			await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
			const target = (await overviewStatus(page, 'communication-maps')) === 'blocked' ? 'in_progress' : 'blocked'
			const release = await failWrites(page, fail)
			await setOverviewStatus(page, 'communication-maps', target)
			await page.getByText(/Serveur injoignable|Pas encore enregistré/).waitFor({ timeout: noticeWithinMs })
			expect(await statusInFiles('communication-maps')).not.toBe(target)
			await release()
			await page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor({ timeout: 60000 })
			expect(await statusInFiles('communication-maps')).toBe(target)
			await page.close()
		})
	}
})
