/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What the app page does with Nextcloud's answers that are not about the edit
 * itself, reproduced by the sandbox as Nextcloud 32 and 34 give them: a request
 * token changed by a login elsewhere, a session that has ended, maintenance mode.
 * In each case the edit reaches the files, and nothing is lost on the way.
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { newWriterId } from '../../src/domain/ids.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { overviewStatus, setOverviewStatus, startHarness } from './harness.ts'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

async function statusInFiles(taskId: string): Promise<string> {
	const dav = createNodeDavClient({ url: harness.url, user: 'alice', password: 'alice' })
	const { roadmap } = await new RoadmapFolder({ dav, path: DEMO_ROADMAP_PATH, writer: { id: newWriterId(), author: 'test' } }).load()
	return roadmap.tasks.find((t) => t.id === taskId)!.status
}

/** Opens the overview and changes a task's status; resolves to the status chosen. */
async function openAndPickStatus(page: Page, taskId: string, beforeChange: () => void | Promise<void>): Promise<string> {
	await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
	const target = (await overviewStatus(page, taskId)) === 'blocked' ? 'in_progress' : 'blocked'
	await beforeChange()
	await setOverviewStatus(page, taskId, target)
	return target
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor({ timeout: 60_000 })
const outboxKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('degooglisation:outbox:') && localStorage.getItem(k) !== '[]'))

describe('the app page through Nextcloud\'s answers', () => {
	it('saves an edit made after a login elsewhere changed the request token: a new token is fetched, nothing is asked of the user', async () => {
		const page = await harness.browser.newPage()
		const tokenFetched = page.waitForRequest((request) => request.url().endsWith('/index.php/csrftoken'))
		const changeWritten = page.waitForRequest((request) => request.method() === 'PUT' && request.url().includes('/.degooglisation/'))
		const target = await openAndPickStatus(page, 'structuring-inventory', () => harness.sandbox.rotateRequestTokens())
		await tokenFetched
		// Through @nextcloud/axios, whose requests are XMLHttpRequests.
		expect((await changeWritten).resourceType()).toBe('xhr')
		await saved(page)
		expect(await statusInFiles('structuring-inventory')).toBe(target)
		await expect(page.getByRole('alert').filter({ hasText: /session|maintenance/ }).count()).resolves.toBe(0)
		await page.close()
	})

	it('keeps an edit made after the session ended, asks to log in again, and saves it once logged in', { timeout: 120_000 }, async () => {
		const page = await harness.browser.newPage()
		const target = await openAndPickStatus(page, 'structuring-master-plan', () => harness.sandbox.expireSessions())
		const notice = page.getByRole('alert').filter({ hasText: 'Votre session Nextcloud a pris fin' })
		await notice.waitFor({ timeout: 30_000 })
		expect(await statusInFiles('structuring-master-plan')).not.toBe(target)
		expect(await outboxKeys(page)).toHaveLength(1)
		await notice.getByRole('link', { name: 'Se reconnecter' }).click()
		// Nextcloud's login form, which comes back to the page.
		await page.locator('#password').fill('alice')
		await page.getByRole('button', { name: 'Se connecter' }).click()
		await page.waitForURL(/\/apps\/degooglisation\//)
		await saved(page)
		expect(await statusInFiles('structuring-master-plan')).toBe(target)
		expect(await outboxKeys(page)).toEqual([])
		await page.close()
	})

	it('waits maintenance mode out, saying so, then saves the edit without a reload', { timeout: 120_000 }, async () => {
		const page = await harness.browser.newPage()
		const target = await openAndPickStatus(page, 'structuring-announce', () => {
			harness.sandbox.switches.maintenance = true
		})
		const notice = page.getByRole('alert').filter({ hasText: 'Nextcloud est en maintenance' })
		await notice.waitFor({ timeout: 30_000 })
		const navigations: string[] = []
		page.on('framenavigated', (frame) => navigations.push(frame.url()))
		harness.sandbox.switches.maintenance = false
		await saved(page)
		expect(await statusInFiles('structuring-announce')).toBe(target)
		await notice.waitFor({ state: 'detached' })
		expect(navigations).toEqual([])
		await page.close()
	})
})

describe('the dashboard widget through the same answers, on its lighter fetch transport', () => {
	const DASHBOARD = '/index.php/apps/dashboard/'
	const markDone = (page: Page, title: string) => page.getByRole('button', { name: `Marquer « ${title} » comme terminée` })
	/** Tasks of alice's, one per test: each ends done. */
	const TASKS = ['transformation-domain', 'transformation-sso', 'transformation-passwords']
	const titles: Record<string, string> = {}

	beforeAll(async () => {
		const dav = createNodeDavClient({ url: harness.url, user: 'alice', password: 'alice' })
		const folder = new RoadmapFolder({ dav, path: DEMO_ROADMAP_PATH, writer: { id: newWriterId(), author: 'test' } })
		const { roadmap } = await folder.load()
		await folder.save(TASKS.flatMap((id) => [{ op: 'set' as const, path: `tasks/${id}/assignees`, value: ['alice'] }, { op: 'set' as const, path: `tasks/${id}/status`, value: 'todo' }]))
		for (const id of TASKS) {
			titles[id] = roadmap.tasks.find((t) => t.id === id)!.title
		}
	})

	it('asks to log in again once the session has ended, keeps the task marked done, and sends it once logged in', { timeout: 120_000 }, async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', DASHBOARD)
		const title = titles['transformation-domain']!
		await markDone(page, title).waitFor()
		harness.sandbox.expireSessions()
		await markDone(page, title).click()
		const notice = page.getByRole('alert').filter({ hasText: 'Votre session Nextcloud a pris fin.' })
		await notice.getByRole('link', { name: 'Se reconnecter' }).click()
		expect(await statusInFiles('transformation-domain')).toBe('todo')
		await page.locator('#password').fill('alice')
		await page.getByRole('button', { name: 'Se connecter' }).click()
		await page.waitForURL(/\/apps\/dashboard\//)
		await expect.poll(() => statusInFiles('transformation-domain'), { timeout: 30_000 }).toBe('done')
		await page.close()
	})

	it('marks a task done after a login elsewhere changed the request token', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', DASHBOARD)
		const title = titles['transformation-sso']!
		await markDone(page, title).waitFor()
		harness.sandbox.rotateRequestTokens()
		const tokenFetched = page.waitForRequest((request) => request.url().endsWith('/index.php/csrftoken'))
		await markDone(page, title).click()
		await tokenFetched
		await page.getByText(`« ${title} » marquée comme terminée`).waitFor({ state: 'attached' })
		expect(await statusInFiles('transformation-sso')).toBe('done')
		await page.close()
	})

	it('waits maintenance mode out, saying so, then marks the task done', { timeout: 120_000 }, async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', DASHBOARD)
		const title = titles['transformation-passwords']!
		await markDone(page, title).waitFor()
		harness.sandbox.switches.maintenance = true
		await markDone(page, title).click()
		const notice = page.getByRole('alert').filter({ hasText: 'Nextcloud est en maintenance' })
		await notice.waitFor()
		harness.sandbox.switches.maintenance = false
		await page.getByText(`« ${title} » marquée comme terminée`).waitFor({ state: 'attached', timeout: 60_000 })
		await notice.waitFor({ state: 'detached' })
		expect(await statusInFiles('transformation-passwords')).toBe('done')
		await page.close()
	})
})
