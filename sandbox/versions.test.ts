/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Versions of a shared file reach its recipient, through their own versions endpoint, nobody else's; each names who wrote it. */

import type { Sandbox } from './server.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox } from './server.ts'

let dataDir: string
let sandbox: Sandbox
const auth = (user: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`, 'OCS-APIRequest': 'true' })

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-versions-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: ['alice', 'bob', 'claire'].map((id) => ({ id, displayName: id, password: id })), hazards: { preconditionGapMs: 0 } })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

it('lists the versions of a shared file to its recipient, not to others, with their authors', async () => {
	await fetch(`${sandbox.url}/remote.php/dav/files/alice/Plan`, { method: 'MKCOL', headers: auth('alice') })
	let fileId = ''
	for (const content of ['one', 'two']) {
		const put = await fetch(`${sandbox.url}/remote.php/dav/files/alice/Plan/plan.txt`, { method: 'PUT', headers: auth('alice'), body: content })
		fileId = String(Number.parseInt(put.headers.get('OC-FileId')!, 10))
		await new Promise((resolve) => setTimeout(resolve, 1100))
	}
	const share = await fetch(`${sandbox.url}/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json`, { method: 'POST', headers: { ...auth('alice'), 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/Plan', shareType: 0, shareWith: 'bob', permissions: 15 }) })
	expect(share.status).toBe(200)
	expect((await fetch(`${sandbox.url}/remote.php/dav/files/bob/Plan/plan.txt`, { method: 'PUT', headers: auth('bob'), body: 'three' })).status).toBe(204)
	const listed = await fetch(`${sandbox.url}/remote.php/dav/versions/bob/versions/${fileId}`, { method: 'PROPFIND', headers: { ...auth('bob'), Depth: '1' }, body: '<d:propfind xmlns:d="DAV:" xmlns:nc="http://nextcloud.org/ns"><d:prop><d:getcontentlength/><nc:version-author/></d:prop></d:propfind>' })
	expect(listed.status).toBe(207)
	const xml = await listed.text()
	expect(xml.match(/<d:getcontentlength>\d+</g)).toEqual(['<d:getcontentlength>3<', '<d:getcontentlength>3<', '<d:getcontentlength>5<'])
	expect([...xml.matchAll(/<nc:version-author>([^<]*)</g)].map((m) => m[1])).toEqual(['alice', 'alice', 'bob'])
	expect((await fetch(`${sandbox.url}/remote.php/dav/versions/claire/versions/${fileId}`, { method: 'PROPFIND', headers: auth('claire') })).status).toBe(404)
	expect((await fetch(`${sandbox.url}/remote.php/dav/versions/alice/versions/${fileId}`, { method: 'PROPFIND', headers: auth('bob') })).status).toBe(403)
})
