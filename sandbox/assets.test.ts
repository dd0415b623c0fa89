/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The app's scripts and styles as Nextcloud serves them: linked with `?v=`,
 * which changes with each release, and kept by browsers (its .htaccess):
 * for good when versioned, six months otherwise.
 */

import type { Sandbox } from './server.ts'

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox } from './server.ts'

let dataDir: string
let appDir: string
let sandbox: Sandbox

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-assets-'))
	appDir = await mkdtemp(join(tmpdir(), 'degooglisation-assets-app-'))
	await mkdir(join(appDir, 'js'))
	await mkdir(join(appDir, 'css'))
	await writeFile(join(appDir, 'js', 'degooglisation-main.mjs'), 'import "./main-abc.chunk.mjs"\n')
	await writeFile(join(appDir, 'js', 'main-abc.chunk.mjs'), 'export {}\n')
	await writeFile(join(appDir, 'css', 'degooglisation-main.css'), 'body {}\n')
	sandbox = await startSandbox({ port: 0, dataDir, appDir, users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice' }] })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
	await rm(appDir, { recursive: true, force: true, maxRetries: 5 })
})

async function appPage(): Promise<string> {
	const login = await fetch(`${sandbox.url}/index.php/login?user=alice&password=alice`, { redirect: 'manual' })
	const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
	const page = await fetch(`${sandbox.url}/index.php/apps/degooglisation/`, { headers: { Cookie: cookies } })
	expect(page.status).toBe(200)
	return page.text()
}

it('links the app\'s entry and styles with a version, which a new build changes', async () => {
	const before = await appPage()
	const script = /src="(\/apps\/degooglisation\/js\/degooglisation-main\.mjs\?v=[^"]+)"/.exec(before)
	const style = /href="(\/apps\/degooglisation\/css\/degooglisation-main\.css\?v=[^"]+)"/.exec(before)
	expect(script).not.toBeNull()
	expect(style).not.toBeNull()

	// A build empties js/ and writes it again.
	await new Promise((resolve) => setTimeout(resolve, 20))
	await rm(join(appDir, 'js', 'main-abc.chunk.mjs'))
	await writeFile(join(appDir, 'js', 'main-def.chunk.mjs'), 'export {}\n')
	const after = await appPage()
	expect(/degooglisation-main\.mjs\?v=([^"]+)"/.exec(after)![1]).not.toBe(/degooglisation-main\.mjs\?v=([^"]+)"/.exec(before)![1])
})

it('lets browsers keep a versioned script for good, a chunk for six months, and nothing else', async () => {
	const versioned = await fetch(`${sandbox.url}/apps/degooglisation/js/degooglisation-main.mjs?v=1`)
	expect(versioned.headers.get('cache-control')).toBe('max-age=15778463, immutable')
	const chunk = await fetch(`${sandbox.url}/apps/degooglisation/js/main-def.chunk.mjs`)
	expect(chunk.status).toBe(200)
	expect(chunk.headers.get('cache-control')).toBe('max-age=15778463')
	await writeFile(join(appDir, 'js', 'main-def.chunk.mjs.map'), '{}')
	const sourceMap = await fetch(`${sandbox.url}/apps/degooglisation/js/main-def.chunk.mjs.map`)
	expect(sourceMap.headers.get('cache-control')).toBe('no-cache')
})
