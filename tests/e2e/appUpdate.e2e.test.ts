/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The app updated on the server under an open page, in chromium: the entries
 * keep their names (and Nextcloud their URLs), every chunk gets a new one, as
 * when another build is installed. The page's next view then needs a chunk
 * that is gone; it must reload and show that view rather than nothing.
 */

import type { Browser } from 'playwright-core'
import type { Sandbox } from '../../sandbox/server.ts'

import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../sandbox/demo.ts'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { startSandbox } from '../../sandbox/server.ts'
import { appRoadmapPath, DEMO_TEAM, DEMO_USERS } from './harness.ts'

const root = join(import.meta.dirname, '..', '..')
let appDir: string
let dataDir: string
let sandbox: Sandbox
let browser: Browser

/** Renames every chunk of the installed app and the references to it: what installing another build does to js/ and css/. */
async function installAnotherBuild(): Promise<string[]> {
	const folders = ['js', 'css'].map((folder) => join(appDir, folder))
	const chunks = (await Promise.all(folders.map(async (folder) => (await readdir(folder)).filter((f) => /\.chunk\.(mjs|css)$/.test(f)).map((f) => ({ folder, name: f })))))
		.flat()
	const renamed = new Map(chunks.map(({ name }) => [name, name.replace('.chunk.', '-next.chunk.')]))
	for (const folder of folders) {
		for (const name of await readdir(folder)) {
			if (!/\.(mjs|css)$/.test(name)) {
				continue
			}
			const text = await readFile(join(folder, name), 'utf8')
			const next = [...renamed].reduce((content, [from, to]) => content.replaceAll(from, to), text)
			if (next !== text) {
				await writeFile(join(folder, name), next)
			}
		}
	}
	for (const { folder, name } of chunks) {
		await rename(join(folder, name), join(folder, renamed.get(name)!))
	}
	return [...renamed.keys()]
}

beforeAll(async () => {
	appDir = await mkdtemp(join(tmpdir(), 'degooglisation-app-'))
	for (const folder of ['js', 'css', 'img', 'l10n']) {
		await cp(join(root, folder), join(appDir, folder), { recursive: true })
	}
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-e2e-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: DEMO_USERS, appDir })
	await seedDemo(sandbox.url, DEMO_USERS[0], DEMO_TEAM)
	browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
})
afterAll(async () => {
	await browser?.close()
	await sandbox?.close()
	await Promise.all([appDir, dataDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('the app updated on the server under an open page', () => {
	it('reloads when a view\'s chunk is gone, and shows the view', async () => {
		const page = await browser.newPage()
		const missing: string[] = []
		page.on('response', (response) => {
			if (response.status() === 404 && response.url().includes('/apps/degooglisation/')) {
				missing.push(new URL(response.url()).pathname)
			}
		})
		await page.goto(`${sandbox.url}/index.php/login?user=alice&password=alice&redirect_url=${encodeURIComponent(appRoadmapPath(DEMO_ROADMAP_PATH))}`)
		await page.locator('details.overview-phase').first().waitFor()
		const before = await installAnotherBuild()
		expect(before.some((name) => name.startsWith('HistoryView-'))).toBe(true)

		await page.getByRole('link', { name: /^(History|Historique)$/ }).click()
		await page.locator('#history-from').waitFor({ timeout: 30_000 })
		expect(missing.some((path) => /\/HistoryView-[\w-]+\.chunk\.mjs$/.test(path) && !path.includes('-next.'))).toBe(true)
		expect(new URL(page.url()).searchParams.get('view')).toBe('history')
		await page.close()
	})
})
