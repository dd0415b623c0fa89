/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Avatars as Nextcloud serves them: initials for a user without a picture, a guest picture for anyone else when asked, else 404. */

import type { Sandbox } from './server.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox } from './server.ts'

let dataDir: string
let sandbox: Sandbox

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-avatars-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice' }] })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

it('draws the initials of a user without a picture, in light and dark', async () => {
	const light = await fetch(`${sandbox.url}/index.php/avatar/alice/64?guestFallback=true`)
	expect(light.status).toBe(200)
	expect(light.headers.get('content-type')).toBe('image/svg+xml')
	expect(light.headers.get('x-nc-iscustomavatar')).toBe('0')
	const svg = await light.text()
	expect(svg).toContain('>AM</text>')
	expect(svg).toContain('width="64"')
	const dark = await (await fetch(`${sandbox.url}/index.php/avatar/alice/100/dark`)).text()
	expect(dark).toContain('width="512"')
	expect(dark).not.toBe(svg)
})

it('gives someone the server does not know a guest picture only when asked, else 404', async () => {
	const guest = await fetch(`${sandbox.url}/index.php/avatar/bastien/64?guestFallback=true`)
	expect(guest.status).toBe(200)
	expect(guest.headers.get('x-nc-iscustomavatar')).toBeNull()
	expect(await guest.text()).toContain('>B</text>')
	const unknown = await fetch(`${sandbox.url}/index.php/avatar/bastien/64`)
	expect(unknown.status).toBe(404)
	expect(await unknown.json()).toEqual([])
	expect((await fetch(`${sandbox.url}/index.php/avatar/guest/agent%40cloud.mairie-b.fr/64`)).status).toBe(200)
})
