/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** File versions (files_versions' WebDAV), on the sandbox and on a real Nextcloud: listed, read, restored. */

import type { Target } from './target.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basicAuth, openTarget } from './target.ts'

let target: Target
const name = `contract-versions-${Date.now().toString(36)}.txt`

beforeAll(async () => {
	target = await openTarget()
})
afterAll(async () => {
	await fetch(`${target.url}/remote.php/dav/files/${target.user}/${name}`, { method: 'DELETE', headers: { Authorization: basicAuth(target.user, target.password) } })
	await target.close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const auth = () => ({ Authorization: basicAuth(target.user, target.password) })
const versionsOf = (fileId: string) => `${target.url}/remote.php/dav/versions/${target.user}/versions/${fileId}`
const PROPS = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:nc="http://nextcloud.org/ns"><d:prop><d:getcontentlength/><d:getlastmodified/><d:getetag/><nc:version-author/><nc:version-label/></d:prop></d:propfind>'

async function listVersions(fileId: string): Promise<Array<{ href: string, size: number, etag: string, lastModified: string, author: string | undefined }>> {
	const response = await fetch(versionsOf(fileId), { method: 'PROPFIND', headers: { ...auth(), Depth: '1' }, body: PROPS })
	expect(response.status).toBe(207)
	const xml = await response.text()
	const blocks = [...xml.matchAll(/<d:response>([\s\S]*?)<\/d:response>/g)].map((m) => m[1])
	// The collection itself first, with nothing but its type.
	expect(blocks[0]).toContain(`<d:href>/remote.php/dav/versions/${target.user}/versions/${fileId}/</d:href>`)
	expect(blocks[0]).toContain('<d:getcontentlength/><d:getlastmodified/><d:getetag/><nc:version-author/><nc:version-label/></d:prop><d:status>HTTP/1.1 404 Not Found')
	return blocks.slice(1).map((block) => ({
		href: /<d:href>([^<]*)<\/d:href>/.exec(block)![1],
		size: Number(/<d:getcontentlength>(\d+)</.exec(block)![1]),
		etag: /<d:getetag>([^<]*)</.exec(block)![1],
		lastModified: /<d:getlastmodified>([^<]*)</.exec(block)![1],
		author: /<nc:version-author>([^<]*)</.exec(block)?.[1],
	}))
}

describe('file versions', () => {
	it('lists every content a file had by its mtime, reads one, and restores it', async () => {
		let fileId = ''
		for (const content of ['one', 'two-two', 'three']) {
			const put = await fetch(`${target.url}/remote.php/dav/files/${target.user}/${name}`, { method: 'PUT', headers: auth(), body: content })
			expect([201, 204]).toContain(put.status)
			fileId = String(Number.parseInt(put.headers.get('OC-FileId')!, 10))
			// Versions are named by the second of their mtime.
			await sleep(1100)
		}
		const versions = await listVersions(fileId)
		expect(versions.map((v) => v.size)).toEqual([3, 7, 5])
		for (const version of versions) {
			const revision = version.href.split('/').pop()!
			expect(version.href).toBe(`/remote.php/dav/versions/${target.user}/versions/${fileId}/${revision}`)
			expect(version.etag).toBe(revision)
			expect(new Date(version.lastModified).getTime()).toBe(Number(revision) * 1000)
			expect(version.author).toBe(target.user)
		}

		const oldest = versions[0].href.split('/').pop()!
		const read = await fetch(`${versionsOf(fileId)}/${oldest}`, { headers: auth() })
		expect(read.status).toBe(200)
		expect(read.headers.get('ETag')).toBe(oldest)
		expect(await read.text()).toBe('one')

		const restore = await fetch(`${versionsOf(fileId)}/${oldest}`, { method: 'MOVE', headers: { ...auth(), Destination: `${target.url}/remote.php/dav/versions/${target.user}/restore/target` } })
		expect(restore.status).toBe(201)
		const current = await fetch(`${target.url}/remote.php/dav/files/${target.user}/${name}`, { headers: auth() })
		expect(await current.text()).toBe('one')
		expect(current.headers.get('Last-Modified')).toBe(versions[0].lastModified)
		// The content replaced stays a version; the restored one is the current one again.
		expect((await listVersions(fileId)).map((v) => v.size)).toEqual([3, 7, 5])
	}, 120_000)

	it('answers an unknown file or version with 404, someone else\'s versions with 403', async () => {
		const missing = await fetch(versionsOf('987654321'), { method: 'PROPFIND', headers: auth() })
		expect(missing.status).toBe(404)
		expect(await missing.text()).toContain('<s:exception>Sabre\\DAV\\Exception\\NotFound</s:exception>\n  <s:message/>')
		const put = await fetch(`${target.url}/remote.php/dav/files/${target.user}/${name}`, { method: 'PUT', headers: auth(), body: 'four' })
		const fileId = String(Number.parseInt(put.headers.get('OC-FileId')!, 10))
		expect((await fetch(`${versionsOf(fileId)}/123`, { headers: auth() })).status).toBe(404)
		const foreign = await fetch(`${target.url}/remote.php/dav/versions/${target.otherUser ?? 'someone-else'}/versions/${fileId}`, { method: 'PROPFIND', headers: auth() })
		expect(foreign.status).toBe(403)
	})
})
