/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The dashboard widget in a real Nextcloud's dashboard page, in chromium, in
 * French: the script Nextcloud adds for it, what it loads (its own build, not
 * the app's catalogue), the user's task with its date as the app writes it,
 * and marking it done. Runs only when NEXTCLOUD_URL, NEXTCLOUD_USER and
 * NEXTCLOUD_PASSWORD are set (the app installed there). Where Nextcloud's own
 * dashboard script cannot run, the widget is mounted through the callback it
 * registered, as the dashboard would. The user's language is put back and the
 * roadmap deleted at the end.
 */

import type { Browser } from 'playwright-core'

import { DOMParser } from '@xmldom/xmldom'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { sampleRoadmap } from '../../src/domain/testing/sampleRoadmap.ts'
import { DavClient } from '../../src/storage/dav.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { basicAuth, logIn } from '../contract/target.ts'

const env = process.env
const owner = { url: (env.NEXTCLOUD_URL ?? '').replace(/\/+$/, ''), user: env.NEXTCLOUD_USER ?? '', password: env.NEXTCLOUD_PASSWORD ?? '' }
const hasOwner = Boolean(owner.url && owner.user && owner.password)
/** Real servers under load answer in seconds, not milliseconds. */
const STEP_MS = 90_000
const SETUP_MS = 300_000

const FOLDER = `/Dégooglisation/E2E-widget-${Date.now().toString(36)}`
const TITLE = `Tâche du widget ${Date.now().toString(36)}`
const YEAR = new Date().getFullYear()

function ocs(path: string, init: RequestInit = {}) {
	return fetch(`${owner.url}/ocs/v2.php${path}`, {
		...init,
		headers: { Authorization: basicAuth(owner.user, owner.password), 'OCS-APIRequest': 'true', Accept: 'application/json', ...init.headers as Record<string, string> },
	})
}
function setLanguage(language: string) {
	return ocs(`/cloud/users/${encodeURIComponent(owner.user)}`, {
		method: 'PUT',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ key: 'language', value: language }),
	})
}

describe.runIf(hasOwner)(`the dashboard widget in a real Nextcloud (${owner.url})`, () => {
	let browser: Browser
	let language = ''
	let taskId = ''
	// A server under load takes longer than the client's usual 30 s for one request.
	const dav = () => new DavClient({
		baseUrl: owner.url,
		user: owner.user,
		auth: owner,
		DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'],
		timeoutMs: STEP_MS,
	})

	beforeAll(async () => {
		const roadmap = sampleRoadmap(3)
		roadmap.title = 'Widget E2E'
		for (const task of roadmap.tasks) {
			task.assignees = []
		}
		Object.assign(roadmap.tasks[0]!, { title: TITLE, assignees: [owner.user], status: 'todo', due: `${YEAR}-11-30` })
		taskId = roadmap.tasks[0]!.id
		await new RoadmapFolder({ dav: dav(), path: FOLDER, writer: { id: newWriterId(), author: owner.user } }).create(roadmap)
		language = (await (await ocs(`/cloud/users/${encodeURIComponent(owner.user)}?format=json`)).json()).ocs.data.language ?? ''
		expect((await setLanguage('fr')).status).toBe(200)
		browser = await chromium.launch({ executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
	}, SETUP_MS)
	afterAll(async () => {
		await browser?.close()
		await setLanguage(language || 'en').catch(() => {})
		await dav().delete(FOLDER).catch((error) => console.warn(`could not delete ${FOLDER}: ${error}`))
	}, SETUP_MS)

	it('loads its own build without the app\'s catalogue, shows the task in French with the app\'s date, and marks it done', { timeout: 900_000 }, async () => {
		const session = await logIn({ kind: 'nextcloud', ...owner, otherUser: null, close: async () => {} })
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
		context.setDefaultTimeout(STEP_MS)
		await context.addCookies(session.cookie.split('; ').map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: owner.url })))
		// Records the widget's registration; Nextcloud's dashboard, where its script runs, replaces this with its own.
		await context.addInitScript(() => {
			const registered: Record<string, unknown> = {}
			Object.assign(window, { degooglisationE2eRegistered: registered, OCA: { Dashboard: { register: (id: string, callback: unknown) => {
				registered[id] = callback
			} } } })
		})
		const appFiles = new Map<string, number>()
		context.on('requestfinished', async (request) => {
			if (!request.url().includes('/apps/degooglisation/')) {
				return
			}
			const body = await (await request.response())?.body().catch(() => null)
			appFiles.set(new URL(request.url()).pathname, body?.length ?? 0)
		})
		const page = await context.newPage()
		const port = new URL(owner.url).port
		onTestFailed(async () => {
			await page.screenshot({ path: `tests/e2e/screenshots/nextcloud-widget-failure-${port}.png` }).catch(() => {})
		})
		const response = await page.goto(`${owner.url}/index.php/apps/dashboard/`)
		expect(response!.status()).toBe(200)
		const html = await response!.text()
		expect(html).toMatch(/<script[^>]* src="[^"]*\/apps\/degooglisation\/js\/degooglisation-dashboard-with-l10n\.mjs/)
		expect(html).not.toMatch(/\/apps\/degooglisation\/l10n\//)
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr')

		const widget = page.locator('.degooglisation-widget')
		// Nextcloud's dashboard draws it when its scripts run; otherwise the registered callback is called as the dashboard would.
		if (!await widget.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
			await page.evaluate(() => {
				// Above the page Nextcloud drew without its scripts, as the dashboard's panel would be.
				const panel = document.createElement('div')
				panel.style.cssText = 'position: fixed; inset: 0; z-index: 10000; overflow: auto; background: #ffffff'
				document.body.append(panel)
				const registered = (window as unknown as { degooglisationE2eRegistered: Record<string, (element: HTMLElement, panel: unknown) => void> }).degooglisationE2eRegistered
				registered.degooglisation!(panel, { widget: { id: 'degooglisation', title: '', url: '/index.php/apps/degooglisation/' } })
			})
		}
		const task = widget.locator('.degooglisation-widget__task').filter({ hasText: TITLE })
		// Every roadmap the user can open is read first: minutes on a loaded server.
		await task.waitFor({ timeout: 400_000 })
		expect(await widget.locator('h3').first().textContent()).toBe('Mes tâches')
		// The app's date format, without the year in the current one: never the file's ISO date.
		expect(await task.locator('.degooglisation-widget__task-meta').textContent()).toMatch(/^(en retard depuis le|échéance le) 30 nov\. · Structuration · Widget E2E$/)
		await page.screenshot({ path: `tests/e2e/screenshots/nextcloud-widget-${port}.png` })

		await task.getByRole('button', { name: `Marquer « ${TITLE} » comme terminée` }).click()
		await expect.poll(() => widget.locator('[aria-live="polite"]').textContent(), { timeout: STEP_MS }).toBe(`« ${TITLE} » marquée comme terminée`)
		expect(await task.count()).toBe(0)
		const { roadmap } = await new RoadmapFolder({ dav: dav(), path: FOLDER, writer: { id: newWriterId(), author: 'e2e' } }).load()
		expect(roadmap.tasks.find((t) => t.id === taskId)!.status).toBe('done')

		const loaded = [...appFiles.keys()]
		expect(loaded.filter((path) => path.includes('/l10n/'))).toEqual([])
		expect(loaded.some((path) => path.includes('/js/dashboardWidget-'))).toBe(true)
		console.log(`widget files on ${owner.url} (bytes, as served): ${[...appFiles].map(([path, bytes]) => `${path.split('/').pop()} ${bytes}`).join(', ')}`)
		await context.close()
	})
})
