/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The app's key flows in its real page inside a real Nextcloud, in chromium.
 * Runs only when NEXTCLOUD_URL, NEXTCLOUD_USER and NEXTCLOUD_PASSWORD are set;
 * the federation flow also needs NEXTCLOUD_PARTNER_URL, NEXTCLOUD_PARTNER_USER
 * and NEXTCLOUD_PARTNER_PASSWORD (an account on a second server that trusts
 * the first). Labels are matched in French or English, since the user's
 * language is the server's business. Everything created is deleted at the end.
 * Screenshots: tests/e2e/screenshots/nextcloud-<major version>-*.png (not committed).
 */

import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Account } from '../contract/target.ts'

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { sampleRoadmap } from '../../src/domain/testing/sampleRoadmap.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { basicAuth } from '../contract/target.ts'
import { overviewStatus, setOverviewStatus } from './harness.ts'

const env = process.env
const trimmed = (url: string | undefined) => (url ?? '').replace(/\/+$/, '')
const owner: Account = { url: trimmed(env.NEXTCLOUD_URL), user: env.NEXTCLOUD_USER ?? '', password: env.NEXTCLOUD_PASSWORD ?? '' }
const partner: Account = { url: trimmed(env.NEXTCLOUD_PARTNER_URL), user: env.NEXTCLOUD_PARTNER_USER ?? '', password: env.NEXTCLOUD_PARTNER_PASSWORD ?? '' }
const hasOwner = Boolean(owner.url && owner.user && owner.password)
const hasPartner = hasOwner && Boolean(partner.url && partner.user && partner.password)

/** Real servers under load answer in seconds, not milliseconds. */
const STEP_MS = 90_000
const FLOW_MS = 600_000

const screenshots = join(import.meta.dirname, 'screenshots')
const COMMUNE = `E2E-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const FOLDER = `/Dégooglisation/${COMMUNE}`
const APP = '/index.php/apps/degooglisation/'
const roadmapPath = `${APP}roadmap${encodeURI(FOLDER)}`

const SAVED = /^\s*(Saved|Enregistré)\s*$/
const BOARD = /^(Board|Tableau)$/
const label = (english: string, french: string) => new RegExp(`^(${english}|${french})$`)

let browser: Browser
/** The server's major version, to tell the screenshots apart ("nextcloud-32-board.png"). */
let version = ''

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	if (!hasOwner) {
		return
	}
	version = String((await (await fetch(`${owner.url}/status.php`)).json()).version).split('.')[0]!
	browser = await chromium.launch({
		executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	})
})
afterAll(async () => {
	await browser?.close()
})

/**
 * Pages of a failed flow are saved as screenshots, to see what the server showed.
 * The app's files the server no longer had are named: the app was installed
 * again during the run (another build renames every chunk), not a failure of the app.
 */
async function newContext(): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
	const missing = new Set<string>()
	context.on('response', (response) => {
		if (response.status() === 404 && response.url().includes('/apps/degooglisation/')) {
			missing.add(new URL(response.url()).pathname)
		}
	})
	onTestFailed(async () => {
		if (missing.size > 0) {
			console.error(`app files missing on the server during this flow (was the app installed again meanwhile?): ${[...missing].join(', ')}`)
		}
		for (const [index, page] of context.pages().entries()) {
			await page.screenshot({ path: join(screenshots, `nextcloud-failure-${new URL(page.url()).port || 'page'}-${index}.png`) }).catch(() => {})
		}
	})
	context.setDefaultTimeout(STEP_MS)
	context.setDefaultNavigationTimeout(STEP_MS)
	return context
}

/**
 * Logs in through Nextcloud's login form. The form is drawn by Nextcloud's
 * scripts; where they cannot run, the same form fields are posted as the
 * form would post them, with the page's request token.
 */
async function logIn(page: Page, account: Account, path: string): Promise<void> {
	await page.goto(`${account.url}/index.php/login?redirect_url=${encodeURIComponent(path)}`)
	const user = page.locator('input[name="user"]')
	const formShown = await user.waitFor({ state: 'visible', timeout: 20_000 }).then(() => true, () => false)
	if (formShown) {
		await user.fill(account.user)
		await page.locator('input[name="password"]').fill(account.password)
		await page.locator('input[name="password"]').press('Enter')
		await page.waitForURL((url) => !url.pathname.endsWith('/login'))
	} else {
		const requesttoken = await page.evaluate(() => document.head.dataset.requesttoken ?? '')
		const post = () => page.request.post(`${account.url}/index.php/login`, {
			form: { user: account.user, password: account.password, requesttoken, redirect_url: path },
			headers: { Origin: account.url },
			maxRedirects: 0,
		})
		let response = await post()
		// A server under load may fail one request (SQLite's "database is locked"): once more, not in a loop.
		if (response.status() >= 500) {
			response = await new Promise((resolve) => setTimeout(resolve, 5000)).then(post)
		}
		expect(response.status(), 'login refused').toBe(303)
		expect(response.headers().location).not.toMatch(/\/login\b/)
	}
	if (!page.url().startsWith(`${account.url}${path}`)) {
		await page.goto(`${account.url}${path}`)
	}
}

const cards = (page: Page, status: string) => page.locator(`.board-column__scroller[data-status="${status}"] [data-task-id]`)
const idsIn = (page: Page, status: string) => cards(page, status).evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.taskId!))
const columnOf = (page: Page, taskId: string) => page.locator(`[data-task-id="${taskId}"]`).evaluate((card) => (card.closest('.board-column__scroller') as HTMLElement).dataset.status!)
const saved = (page: Page) => page.getByRole('status').filter({ hasText: SAVED }).waitFor()
const sidebar = (page: Page) => page.locator('aside.app-sidebar')
const titleField = (page: Page) => sidebar(page).getByLabel(label('Title', 'Titre'), { exact: true })

/** The roadmap as its files hold it, read through WebDAV as the command line does. */
async function roadmapInFiles(account: Account = owner) {
	const dav = createNodeDavClient(account)
	return (await new RoadmapFolder({ dav, path: FOLDER, writer: { id: newWriterId(), author: 'e2e' } }).load()).roadmap
}

/** Moves a card one column right with the keyboard; resolves to the column it left and the one it reached. */
async function moveRightByKeyboard(page: Page, taskId: string): Promise<{ from: string, to: string }> {
	const from = await columnOf(page, taskId)
	await page.locator(`[data-task-id="${taskId}"]`).focus()
	await page.keyboard.press('Alt+ArrowRight')
	await expect.poll(() => columnOf(page, taskId), { timeout: STEP_MS }).not.toBe(from)
	return { from, to: await columnOf(page, taskId) }
}

async function openBoard(page: Page): Promise<void> {
	await page.getByRole('link', { name: BOARD }).click()
	await cards(page, 'todo').first().waitFor()
}

describe.runIf(hasOwner)(`the app in a real Nextcloud (${owner.url})`, () => {
	/** Filled by the first flow, used by the next ones. */
	const known = { keyboardMoved: '', dragged: '', edited: '', title: '' }

	afterAll(async () => {
		if (!hasOwner) {
			return
		}
		await createNodeDavClient(owner).delete(FOLDER).catch((error) => console.warn(`could not delete ${FOLDER}: ${error}`))
	})

	it('creates a roadmap from the starter template, moves and edits tasks on the board, and keeps it all across a reload', { timeout: FLOW_MS }, async () => {
		const started = Date.now()
		const context = await newContext()
		const page = await context.newPage()
		await logIn(page, owner, APP)

		await page.getByRole('button', { name: label('New roadmap', 'Nouvelle feuille de route') }).first().click()
		const dialog = page.getByRole('dialog', { name: label('New roadmap', 'Nouvelle feuille de route') })
		await dialog.getByLabel(label('Name of your commune', 'Nom de votre commune')).fill(COMMUNE)
		expect(await dialog.getByLabel(label('Folder of the roadmap', 'Dossier de la feuille de route')).inputValue()).toBe(FOLDER)
		await dialog.getByRole('button', { name: label('Create the roadmap', 'Créer la feuille de route') }).click()
		await page.waitForURL((url) => decodeURIComponent(url.pathname).endsWith(`/roadmap${FOLDER}`))

		// The overview: the starter template's six phases, each with its progress.
		await page.locator('.overview-phase__title').first().waitFor()
		const phases = await page.locator('.overview-phase__title').allInnerTexts()
		expect(phases.filter((title) => /\d+\s*%$/.test(title))).toHaveLength(6)
		await page.screenshot({ path: join(screenshots, `nextcloud-${version}-overview.png`), fullPage: true })

		await openBoard(page)
		const [dragged, second] = await idsIn(page, 'todo')
		const firstInProgress = (await idsIn(page, 'in_progress'))[0]
		// Dropped above the middle of the column's first card: it goes on top.
		await page.locator(`[data-task-id="${dragged}"]`).dragTo(page.locator('.board-column__scroller[data-status="in_progress"]'), { targetPosition: { x: 60, y: 10 } })
		await expect.poll(() => columnOf(page, dragged!), { timeout: STEP_MS }).toBe('in_progress')
		if (firstInProgress) {
			expect((await idsIn(page, 'in_progress')).slice(0, 2)).toEqual([dragged, firstInProgress])
		}
		await saved(page)
		const keyboard = await moveRightByKeyboard(page, second!)
		expect(keyboard).toEqual({ from: 'todo', to: 'in_progress' })
		await saved(page)
		await page.screenshot({ path: join(screenshots, `nextcloud-${version}-board.png`) })

		// The sidebar, opened by clicking a card: a new title, a checklist item, and the user assigned.
		const edited = (await idsIn(page, 'todo'))[0]!
		await page.locator(`[data-task-id="${edited}"] h4`).click()
		await titleField(page).waitFor()
		// Once slid in, the sidebar focuses its header: type only after that, as a person would.
		await expect.poll(() => sidebar(page).getAttribute('class'), { timeout: STEP_MS }).not.toMatch(/-enter-/)
		expect(new URL(page.url()).searchParams.get('task')).toBe(edited)
		const title = `${await titleField(page).inputValue()} (${COMMUNE})`
		await titleField(page).fill(title)
		await sidebar(page).getByLabel(label('New checklist item', 'Nouvel élément de la liste')).fill('Vérifier sur le vrai serveur')
		await page.keyboard.press('Enter')
		const items = sidebar(page).locator('.task-sidebar__item input[type="text"]')
		await expect.poll(() => items.last().inputValue()).toBe('Vérifier sur le vrai serveur')
		const assignees = sidebar(page).locator('.v-select').filter({ has: page.locator('label', { hasText: label('Assigned to', 'Assignée à') }) })
		await assignees.locator('input').click()
		await page.keyboard.type(owner.user)
		await page.locator('.vs__dropdown-menu [role="option"]').filter({ hasText: new RegExp(`\\(${owner.user}\\)`) }).click()
		await expect.poll(() => assignees.locator('.vs__selected').allTextContents()).toEqual([expect.stringContaining(owner.user)])
		await saved(page)
		await page.screenshot({ path: join(screenshots, `nextcloud-${version}-sidebar.png`) })

		await page.reload()
		await titleField(page).waitFor()
		expect(await titleField(page).inputValue()).toBe(title)
		expect(await items.last().inputValue()).toBe('Vérifier sur le vrai serveur')
		expect(await columnOf(page, dragged!)).toBe('in_progress')
		expect(await columnOf(page, second!)).toBe('in_progress')

		const inFiles = await roadmapInFiles()
		const task = (id: string) => inFiles.tasks.find((t) => t.id === id)!
		expect([task(dragged!).status, task(second!).status]).toEqual(['in_progress', 'in_progress'])
		expect(task(edited)).toMatchObject({ title, assignees: [owner.user] })
		expect(task(edited).checklist.map((item) => item.text)).toContain('Vérifier sur le vrai serveur')
		Object.assign(known, { keyboardMoved: second!, dragged: dragged!, edited, title })
		await context.close()
		console.log(`flow 1 (create, board, sidebar) on ${owner.url}: ${Math.round((Date.now() - started) / 1000)} s`)
	})

	it('keeps an edit made after the session ended, asks to log in again, and saves it once logged in', { timeout: FLOW_MS }, async () => {
		const folder = `${FOLDER}-session`
		const path = `${APP}roadmap${encodeURI(folder)}`
		const dav = createNodeDavClient(owner)
		const inFiles = async () => (await new RoadmapFolder({ dav, path: folder, writer: { id: newWriterId(), author: 'e2e' } }).load()).roadmap.tasks.find((t) => t.id === 't00000')!.status
		await dav.createFolder('/Dégooglisation')
		await new RoadmapFolder({ dav, path: folder, writer: { id: newWriterId(), author: 'e2e' } }).create(sampleRoadmap(3))
		const context = await newContext()
		try {
			const page = await context.newPage()
			await logIn(page, owner, path)
			const target = (await overviewStatus(page, 't00000')) === 'blocked' ? 'in_progress' : 'blocked'
			// The session ends on the server while the browser keeps its cookies: Nextcloud's logout, then the old cookies put back.
			const cookies = await context.cookies()
			const token = await page.evaluate(() => document.head.dataset.requesttoken ?? '')
			await page.request.get(`${owner.url}/index.php/logout?requesttoken=${encodeURIComponent(token)}`, { maxRedirects: 0 })
			await context.addCookies(cookies)
			await setOverviewStatus(page, 't00000', target)
			const notice = page.getByRole('alert').filter({ hasText: /session has ended|session Nextcloud a pris fin/ })
			await notice.waitFor()
			expect(await inFiles()).not.toBe(target)
			await notice.getByRole('link', { name: label('Log in again', 'Se reconnecter') }).click()
			await page.waitForURL(/\/login\?.*redirect_url=/)
			await logIn(page, owner, path)
			await saved(page)
			expect(await inFiles()).toBe(target)
			expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('degooglisation:outbox:') && localStorage.getItem(k) !== '[]'))).toEqual([])
		} finally {
			await context.close()
			await dav.delete(folder).catch((error) => console.warn(`could not delete ${folder}: ${error}`))
		}
	})

	it('shows the task assigned to the user in the dashboard widget\'s items', { timeout: FLOW_MS }, async () => {
		expect(known.edited).not.toBe('')
		const started = Date.now()
		const response = await fetch(`${owner.url}/ocs/v2.php/apps/dashboard/api/v1/widget-items?widgets[]=degooglisation&limit=30`, {
			headers: { Authorization: basicAuth(owner.user, owner.password), 'OCS-APIRequest': 'true', Accept: 'application/json' },
		})
		expect(response.status).toBe(200)
		const items = (await response.json()).ocs.data.degooglisation as Array<{ title: string, link: string }>
		const ours = items.filter((item) => item.link.includes(`task=${known.edited}`) && decodeURIComponent(item.link).includes(FOLDER))
		expect(ours.map((item) => item.title)).toEqual([known.title])
		console.log(`dashboard items on ${owner.url}: ${Math.round((Date.now() - started) / 1000)} s`)
	})

	describe.runIf(hasPartner)(`with a partner on ${partner.url}`, () => {
		afterAll(async () => {
			// The partner's mount of the share: removing it declines the share on their side.
			const mounts = await createNodeDavClient(partner).list('/').catch(() => [])
			for (const entry of mounts.filter((e) => e.name.startsWith(COMMUNE))) {
				await createNodeDavClient(partner).delete(`/${entry.name}`).catch(() => {})
			}
		})

		it('shares the roadmap with the partner, who moves a task the owner then sees; both edit at once; the owner restores the moment before', { timeout: FLOW_MS }, async () => {
			expect(known.edited).not.toBe('')
			const started = Date.now()
			const ownerContext = await newContext()
			const ownerPage = await ownerContext.newPage()
			await logIn(ownerPage, owner, roadmapPath)
			await ownerPage.locator('.overview-phase__title').first().waitFor()

			const cloudId = `${partner.user}@${partner.url}`
			await ownerPage.getByRole('button', { name: label('Share', 'Partager') }).click()
			await ownerPage.locator('.share-panel__permission').getByRole('radio', { name: /Can edit|Peut modifier/ }).check()
			await ownerPage.getByLabel(label('Share with', 'Partager avec')).fill(cloudId)
			await ownerPage.locator('.share-panel__offers').getByRole('button', { name: /Partner commune|Commune partenaire/ }).first().click()
			await ownerPage.locator('.share-panel').getByText(/can edit|peut modifier/).first().waitFor()
			console.log(`shared in ${Math.round((Date.now() - started) / 1000)} s`)

			const partnerContext = await newContext()
			const partnerPage = await partnerContext.newPage()
			await logIn(partnerPage, partner, APP)
			// The partner's server may hold other shares waiting for an answer: this one is accepted.
			const accept = partnerPage.locator('.pending-share', { hasText: COMMUNE }).getByRole('button', { name: label('Accept', 'Accepter') })
			const listed = partnerPage.getByRole('navigation').getByRole('link', { name: new RegExp(COMMUNE) })
			await accept.or(listed).first().waitFor()
			if (await accept.isVisible()) {
				await accept.click()
			}
			await listed.first().click()
			await partnerPage.locator('.overview-phase__title').first().waitFor()
			await openBoard(partnerPage)
			const partnerMoved = (await idsIn(partnerPage, 'todo'))[0]!
			const partnerMove = await moveRightByKeyboard(partnerPage, partnerMoved)
			await saved(partnerPage)
			console.log(`partner moved a task after ${Math.round((Date.now() - started) / 1000)} s`)

			await ownerPage.goto(`${owner.url}${roadmapPath}?view=board`)
			await cards(ownerPage, 'todo').first().waitFor()
			expect(await columnOf(ownerPage, partnerMoved)).toBe(partnerMove.to)

			// Both at the same moment, on different tasks, neither page reloaded in between.
			const [ownerTask, partnerTask] = (await idsIn(ownerPage, 'todo')).slice(0, 2) as [string, string]
			await cards(partnerPage, 'todo').first().waitFor()
			const [ownerMove, partnerSecondMove] = await Promise.all([moveRightByKeyboard(ownerPage, ownerTask), moveRightByKeyboard(partnerPage, partnerTask)])
			await Promise.all([saved(ownerPage), saved(partnerPage)])
			for (const page of [ownerPage, partnerPage]) {
				await page.reload()
				await cards(page, 'todo').first().waitFor()
				expect(await columnOf(page, ownerTask)).toBe(ownerMove.to)
				expect(await columnOf(page, partnerTask)).toBe(partnerSecondMove.to)
				expect(await columnOf(page, partnerMoved)).toBe(partnerMove.to)
			}
			console.log(`concurrent edits kept after ${Math.round((Date.now() - started) / 1000)} s`)

			// The history: back to the last moment before the partner's first change, as a new change.
			await ownerPage.getByRole('link', { name: label('History', 'Historique') }).click()
			await ownerPage.locator('.history__group').first().waitFor()
			await ownerPage.locator('#history-from').click()
			const moments = ownerPage.getByRole('option')
			const first = (await moments.allInnerTexts()).findIndex((text) => new RegExp(`\\b${partner.user}\\b`).test(text))
			expect(first).toBeGreaterThan(0)
			await moments.nth(first - 1).click()
			await ownerPage.locator('#history-restore').click()
			await ownerPage.getByRole('button', { name: label('Yes, restore', 'Oui, restaurer') }).click()
			await expect.poll(() => ownerPage.locator('.history__status').innerText(), { timeout: STEP_MS }).not.toBe('')
			await saved(ownerPage)
			await ownerPage.reload()
			await openBoard(ownerPage)
			expect(await columnOf(ownerPage, partnerMoved)).toBe(partnerMove.from)
			expect((await roadmapInFiles()).tasks.find((t) => t.id === partnerMoved)!.status).toBe(partnerMove.from)
			await Promise.all([ownerContext.close(), partnerContext.close()])
			console.log(`flow 2 (federation, concurrent edits, history) between ${owner.url} and ${partner.url}: ${Math.round((Date.now() - started) / 1000)} s`)
		})
	})
})
