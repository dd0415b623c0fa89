/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The reporting view in its real page inside a real Nextcloud, in chromium
 * (runs only when NEXTCLOUD_URL, NEXTCLOUD_USER and NEXTCLOUD_PASSWORD are
 * set): the report is saved into Nextcloud as .odt with its period record and
 * read back; the roadmap is published for residents from the app, the public
 * page answers without login and names no assignee, and unpublishing ends it.
 * Labels are matched in French or English, the server's choice.
 */

import type { Browser, Page } from 'playwright-core'

import { strFromU8, unzipSync } from 'fflate'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { emptyRoadmap, makeTask } from '../../src/domain/model.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'

const env = process.env
const account = { url: (env.NEXTCLOUD_URL ?? '').replace(/\/+$/, ''), user: env.NEXTCLOUD_USER ?? '', password: env.NEXTCLOUD_PASSWORD ?? '' }
const colleague = env.NEXTCLOUD_COLLEAGUE_USER ?? 'bob'
const FOLDER = `/Dégooglisation/e2e-report-${Date.now().toString(36)}`
const STEP_MS = 90_000
const label = (english: string, french: string) => new RegExp(`^\\s*(${english}|${french})\\s*$`)
let browser: Browser

/** Nextcloud's login form, posted with the page's request token (the servers' own scripts may not run). */
async function logIn(page: Page, path: string): Promise<void> {
	await page.goto(`${account.url}/index.php/login`)
	const requesttoken = await page.evaluate(() => document.head.dataset.requesttoken ?? '')
	const response = await page.request.post(`${account.url}/index.php/login`, { form: { user: account.user, password: account.password, requesttoken, redirect_url: path }, headers: { Origin: account.url }, maxRedirects: 0 })
	expect(response.status(), 'login refused').toBe(303)
	await page.goto(`${account.url}${path}`)
}

describe.runIf(account.url && account.user && account.password)(`reporting in a real Nextcloud (${account.url})`, () => {
	const dav = () => createNodeDavClient(account)

	beforeAll(async () => {
		browser = await chromium.launch({ executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
		await dav().createFolder('/Dégooglisation')
		const roadmap = emptyRoadmap('Feuille de route du rapport', 'Saint-Rapport')
		roadmap.phases = [{ id: 'p1', order: 1, title: 'Solutions', description: '', start: '2026-01-01', end: '2027-06-30' }]
		roadmap.tasks = [
			makeTask({ id: 'mail', title: 'Migrer la messagerie', phase: 'p1', assignees: [colleague], replaces: ['Microsoft Exchange'], replacements: ['SOGo'] }),
			makeTask({ id: 'office', title: 'Déployer LibreOffice', phase: 'p1', assignees: [colleague] }),
		]
		const folder = new RoadmapFolder({ dav: dav(), path: FOLDER, writer: { id: newWriterId(), author: account.user } })
		await folder.create(roadmap)
		const change = folder.prepareChange([{ op: 'set', path: 'tasks/mail/status', value: 'done' }])
		await folder.send(change)
		folder.addLocal(change)
		await folder.writeReadableFile(folder.currentRoadmap())
	}, 180_000)
	afterAll(async () => {
		await browser?.close()
		await dav().delete(FOLDER).catch(() => {})
	}, 60_000)

	it('saves the report into Nextcloud, publishes the roadmap for residents and withdraws it', async () => {
		const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
		context.setDefaultTimeout(STEP_MS)
		const page = await context.newPage()
		await logIn(page, `/index.php/apps/degooglisation/roadmap${encodeURI(FOLDER)}?view=report`)
		await page.locator('.report__counts').waitFor()
		expect(await page.locator('.report__activity--finished li').innerText()).toContain('Migrer la messagerie')

		await page.getByRole('button', { name: label('Save into Nextcloud next to the roadmap', 'Enregistrer dans Nextcloud à côté de la feuille de route') }).click()
		await page.locator('.report__controls').getByText(/The next report will start on|Le prochain rapport commencera le/).waitFor()
		const saved = (await dav().list(FOLDER)).map((entry) => entry.name).find((name) => name.endsWith('.odt'))!
		const odt = unzipSync((await dav().get(`${FOLDER}/${saved}`)).body)
		expect(strFromU8(odt['content.xml'])).toContain('Migrer la messagerie')
		expect((await dav().list(`${FOLDER}/.degooglisation`)).some((entry) => /^report\.[a-z0-9]+\.000001\.json$/.test(entry.name))).toBe(true)

		await page.getByRole('button', { name: label('Publish for residents…', 'Publier pour les habitants…') }).click()
		await page.getByRole('button', { name: label('Publish for residents', 'Publier pour les habitants') }).click()
		const address = page.getByLabel(label('Public address', 'Adresse publique'))
		await address.waitFor()
		const url = await address.inputValue()
		const publicPage = await fetch(url)
		expect(publicPage.status).toBe(200)
		const html = await publicPage.text()
		expect(html).toContain('Saint-Rapport')
		expect(html).not.toMatch(new RegExp(`\\b${colleague}\\b`))

		await page.getByRole('button', { name: label('Unpublish', 'Dépublier') }).click()
		await address.waitFor({ state: 'detached' })
		expect((await fetch(url)).status).toBe(404)
		await context.close()
	}, 600_000)
})
