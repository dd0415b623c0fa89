/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What the app relies on from Nextcloud's WebDAV, asserted identically on the
 * sandbox and on a real Nextcloud (see target.ts).
 */

import type { DavClient } from '../../src/storage/dav.ts'
import type { Target } from './target.ts'

import { DOMParser } from '@xmldom/xmldom'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { basicAuth, openTarget } from './target.ts'

let target: Target
let dav: DavClient
let root: string

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const PROPS = '<?xml version="1.0" encoding="UTF-8"?><d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns"><d:prop><d:getetag/><d:getlastmodified/><d:getcontenttype/><d:resourcetype/><oc:fileid/><oc:permissions/><oc:size/><oc:share-types/><oc:owner-id/><nc:no-such-property/></d:prop></d:propfind>'

function url(path: string): string {
	return `${target.url}/remote.php/dav/files/${target.user}${path.split('/').map(encodeURIComponent).join('/')}`
}

function request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Response> {
	return fetch(url(path), { method, headers: { Authorization: basicAuth(target.user, target.password), ...headers }, body })
}

/** POST /remote.php/dav/bulk: the parts, [path relative to the user's folder, content], written in order. */
async function bulkUpload(parts: string[][]): Promise<Record<string, { error: boolean, etag: string, message?: string }>> {
	const boundary = `boundary_${Date.now().toString(36)}`
	const body = parts.map(([path, content]) => `--${boundary}\r\nX-File-Path: ${path}\r\nX-File-MD5: ${createHash('md5').update(content).digest('hex')}\r\nContent-Length: ${Buffer.byteLength(content)}\r\n\r\n${content}\r\n`).join('') + `--${boundary}--\r\n`
	const response = await fetch(`${target.url}/remote.php/dav/bulk`, { method: 'POST', headers: { Authorization: basicAuth(target.user, target.password), 'Content-Type': `multipart/related; boundary=${boundary}` }, body })
	expect(response.status).toBe(200)
	return response.json()
}

beforeAll(async () => {
	target = await openTarget()
	dav = createNodeDavClient({ url: target.url, user: target.user, password: target.password })
	root = `/contract-${Date.now().toString(36)}-Dégooglisation`
	expect((await request('MKCOL', root)).status).toBe(201)
})

afterAll(async () => {
	await request('DELETE', root)
	await target.close()
})

describe('WebDAV files', () => {
	it('creates a file with 201 and the ETag, OC-ETag and OC-FileId headers', async () => {
		const response = await request('PUT', `${root}/a.json`, {}, '{"a":1}')
		expect(response.status).toBe(201)
		expect(response.headers.get('ETag')).toMatch(/^"[^"]+"$/)
		expect(response.headers.get('OC-ETag')).toBe(response.headers.get('ETag'))
		expect(response.headers.get('OC-FileId')).toMatch(/^\d{8}oc[a-z0-9]+$/)
	})

	it('overwrites with 204 and a new ETag; GET returns the body and that ETag', async () => {
		await request('PUT', `${root}/b.json`, {}, 'one')
		const first = (await request('GET', `${root}/b.json`)).headers.get('ETag')
		// A second later: within the same second Nextcloud keeps the ETag (see below).
		await sleep(1100)
		const overwrite = await request('PUT', `${root}/b.json`, {}, 'two, longer')
		expect(overwrite.status).toBe(204)
		expect(overwrite.headers.get('ETag')).not.toBe(first)
		const read = await request('GET', `${root}/b.json`)
		expect(read.status).toBe(200)
		expect(await read.text()).toBe('two, longer')
		expect(read.headers.get('ETag')).toBe(overwrite.headers.get('ETag'))
		expect(read.headers.get('OC-ETag')).toBe(overwrite.headers.get('ETag'))
	})

	it('answers 412 to a stale If-Match, to If-Match on a missing file and to If-None-Match: * on an existing one', async () => {
		const created = await request('PUT', `${root}/c.json`, {}, 'v1')
		const etag = created.headers.get('ETag')!
		await sleep(1100)
		expect((await request('PUT', `${root}/c.json`, { 'If-Match': etag }, 'v2')).status).toBe(204)
		const stale = await request('PUT', `${root}/c.json`, { 'If-Match': etag }, 'v3')
		expect(stale.status).toBe(412)
		expect(await stale.text()).toContain('<s:exception>Sabre\\DAV\\Exception\\PreconditionFailed</s:exception>\n  <s:message>An If-Match header was specified, but none of the specified ETags matched.</s:message>\n  <s:header>If-Match</s:header>')
		// The refusal tells the file's current ETag.
		expect(stale.headers.get('ETag')).toBe((await request('HEAD', `${root}/c.json`)).headers.get('ETag'))
		const missing = await request('PUT', `${root}/missing.json`, { 'If-Match': '"abc"' }, 'x')
		expect(missing.status).toBe(412)
		expect(await missing.text()).toContain('<s:message>An If-Match header was specified and the resource did not exist</s:message>')
		const exists = await request('PUT', `${root}/c.json`, { 'If-None-Match': '*' }, 'v4')
		expect(exists.status).toBe(412)
		expect(await exists.text()).toContain('An If-None-Match header was specified')
		expect((await request('PUT', `${root}/new.json`, { 'If-None-Match': '*' }, 'v1')).status).toBe(201)
		expect(await (await request('GET', `${root}/c.json`)).text()).toBe('v2')
	})

	it('honours X-OC-MTime on PUT, after the write: the file takes that mtime and a new ETag', async () => {
		// Connector\Sabre\File::put writes a part file, renames it over the file and scans it, and
		// only then touches it with X-OC-MTime, which scans it again. Measured on 32.0.1 and 34.0.1:
		// `X-OC-MTime: accepted`, and two PUTs carrying the same X-OC-MTime answer two ETags.
		const name = `${root}/mtime.json`
		const mtime = 1700000000
		const created = await request('PUT', name, { 'X-OC-MTime': String(mtime) }, 'v1')
		expect(created.status).toBe(201)
		expect(created.headers.get('X-OC-MTime')).toBe('accepted')
		const again = await request('PUT', name, { 'X-OC-MTime': String(mtime) }, 'v2, longer')
		expect(again.status).toBe(204)
		expect(again.headers.get('X-OC-MTime')).toBe('accepted')
		expect(again.headers.get('ETag')).not.toBe(created.headers.get('ETag'))
		const read = await request('HEAD', name)
		expect(read.headers.get('Last-Modified')).toBe(new Date(mtime * 1000).toUTCString())
		expect(read.headers.get('ETag')).toBe(again.headers.get('ETag'))
	})

	it('keeps the ETag of a file overwritten within the same second, so a stale If-Match gets through', async () => {
		// Nextcloud's scanner reuses the cached ETag of a file whose mtime, in seconds, has not
		// changed, whatever the size (Cache\Scanner::scanFile). A writer holding the ETag from before
		// such an overwrite then overwrites it without a 412: one more reason why the storage never
		// relies on If-Match.
		// The condition is produced rather than waited for. X-OC-MTime cannot produce it: a PUT is
		// scanned with the second its part file was written in, and only then touched with the
		// header's time (previous test). Separate PUTs on a loaded server take seconds each, so they
		// seldom share a second. Bulk upload (the `bulkupload` capability, POST /remote.php/dav/bulk)
		// writes its parts one after the other in one request and answers each part's ETag: a file sent twice in a row, under two spellings of its path,
		// gives the ETag after each write. Three such files per request; a request whose writes all
		// straddled a second boundary (seen only on an overloaded server) is sent again.
		const misses: string[] = []
		const started = Date.now()
		for (let round = 0; Date.now() - started < 150_000; round++) {
			const names = [0, 1, 2].map((n) => `${root}/same-second-${round}-${n}.json`.slice(1))
			const parts = names.flatMap((name) => [[`/${name}`, 'v1'], [name, 'overwritten, longer']])
			const written = await bulkUpload(parts)
			const kept = names.find((name) => written[`/${name}`]?.etag === written[name]?.etag)
			if (kept === undefined) {
				expect(parts.map(([path]) => written[path]?.error)).toEqual(parts.map(() => false))
				misses.push(names.map((name) => `${written[`/${name}`].etag.slice(0, 6)}→${written[name].etag.slice(0, 6)}`).join(' '))
				continue
			}
			const etag = `"${written[`/${kept}`].etag}"`
			expect(await (await request('GET', `/${kept}`)).text()).toBe('overwritten, longer')
			expect((await request('HEAD', `/${kept}`)).headers.get('ETag')).toBe(etag)
			// The writer of v1 still holds that ETag: its next write goes through.
			const stale = await request('PUT', `/${kept}`, { 'If-Match': etag }, 'stale writer')
			expect(stale.status).toBe(204)
			expect(await (await request('GET', `/${kept}`)).text()).toBe('stale writer')
			if (misses.length > 0) {
				console.log(`same-second overwrite produced by bulk upload ${round + 1} (before: ${misses.join('; ')})`)
			}
			return
		}
		throw new Error(`no two writes in one bulk upload landed within one second in 150 s, so this server's ETag behaviour is unknown: ${misses.join('; ')}`)
	}, 240_000)

	it('refuses a file in a missing folder with 404, a folder in a missing folder with 409', async () => {
		const file = await request('PUT', `${root}/nope/a.json`, {}, 'x')
		expect(file.status).toBe(404)
		expect(await file.text()).toContain(`<s:message>File with name ${root}/nope could not be located</s:message>`)
		const folder = await request('MKCOL', `${root}/nope/sub`)
		expect(folder.status).toBe(409)
		expect(await folder.text()).toContain('<s:message>Parent node does not exist</s:message>')
	})

	it('creates folders with 201 and their id, and refuses an existing one with 405', async () => {
		const created = await request('MKCOL', `${root}/folder`)
		expect(created.status).toBe(201)
		expect(created.headers.get('OC-FileId')).toMatch(/^\d{8}oc[a-z0-9]+$/)
		const again = await request('MKCOL', `${root}/folder`)
		expect(again.status).toBe(405)
		expect(again.headers.get('Allow')).toMatch(/^OPTIONS, GET, HEAD, DELETE, PROPFIND, PUT, PROPPATCH, COPY, MOVE, REPORT/)
		expect(await again.text()).toContain('<s:message>The resource you tried to create already exists</s:message>')
		const fileOverFolder = await request('PUT', `${root}/folder`, {}, 'x')
		expect(fileOverFolder.status).toBe(409)
		expect(await fileOverFolder.text()).toContain('<s:message>PUT is not allowed on non-files.</s:message>')
	})

	it('serves a JSON file as text/plain, to download', async () => {
		await request('PUT', `${root}/Été.json`, {}, '{}')
		const read = await request('GET', `${root}/Été.json`)
		expect(read.headers.get('Content-Type')).toBe('text/plain;charset=UTF-8')
		expect(read.headers.get('Content-Disposition')).toBe('attachment; filename*=UTF-8\'\'%C3%89t%C3%A9.json; filename="%C3%89t%C3%A9.json"')
		expect(read.headers.get('Last-Modified')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
		const missing = await request('GET', `${root}/nothing.json`)
		expect(await missing.text()).toContain(`<s:message>File with name ${root}/nothing.json could not be located</s:message>`)
	})

	it('deletes with 204, then 404; reads a missing file with 404', async () => {
		await request('PUT', `${root}/d.json`, {}, 'x')
		expect((await request('DELETE', `${root}/d.json`)).status).toBe(204)
		expect((await request('DELETE', `${root}/d.json`)).status).toBe(404)
		expect((await request('GET', `${root}/d.json`)).status).toBe(404)
	})

	it('moves a file, which keeps its id and ETag, refusing to overwrite when told not to', async () => {
		await request('PUT', `${root}/e.json`, {}, 'e')
		await request('PUT', `${root}/f.json`, {}, 'f')
		const before = await dav.stat(`${root}/e.json`)
		expect((await request('MOVE', `${root}/e.json`, { Destination: url(`${root}/f.json`), Overwrite: 'F' })).status).toBe(412)
		const moved = await request('MOVE', `${root}/e.json`, { Destination: url(`${root}/g.json`) })
		expect(moved.status).toBe(201)
		expect(moved.headers.get('ETag')).toBe(`"${before.etag}"`)
		expect(moved.headers.get('OC-ETag')).toBe(`"${before.etag}"`)
		expect(Number(moved.headers.get('OC-FileId')!.slice(0, 8))).toBe(before.fileId)
		expect(await (await request('GET', `${root}/g.json`)).text()).toBe('e')
		expect((await request('GET', `${root}/e.json`)).status).toBe(404)
		expect((await request('MOVE', `${root}/f.json`, { Destination: url(`${root}/g.json`) })).status).toBe(204)
		const nowhere = await request('MOVE', `${root}/g.json`, { Destination: url(`${root}/nope/g.json`) })
		expect(nowhere.status).toBe(409)
		expect(await nowhere.text()).toContain('<s:message>The destination node is not found</s:message>')
	})

	it('copies a file under a new id with the same ETag, and a folder with what is inside', async () => {
		await request('MKCOL', `${root}/to-copy`)
		await request('PUT', `${root}/to-copy/h.json`, {}, 'h')
		const original = await dav.stat(`${root}/to-copy/h.json`)
		const copy = await request('COPY', `${root}/to-copy/h.json`, { Destination: url(`${root}/to-copy/i.json`) })
		expect(copy.status).toBe(201)
		const copied = await dav.stat(`${root}/to-copy/i.json`)
		expect(copied.fileId).not.toBe(original.fileId)
		expect(Number(copy.headers.get('OC-FileId')!.slice(0, 8))).toBe(copied.fileId)
		expect(copied.etag).toBe(original.etag)
		expect((await request('COPY', `${root}/to-copy`, { Destination: url(`${root}/copied`) })).status).toBe(201)
		expect((await dav.list(`${root}/copied`)).map((e) => e.name)).toEqual(['', 'h.json', 'i.json'])
	})
})

describe('WebDAV listings', () => {
	it('lists a folder at depth 1 with the properties the app reads, unknown ones in a 404 propstat', async () => {
		await request('MKCOL', `${root}/listing`)
		await request('PUT', `${root}/listing/x.json`, {}, '{"x":true}')
		const response = await request('PROPFIND', `${root}/listing`, { Depth: '1', 'Content-Type': 'application/xml' }, PROPS)
		expect(response.status).toBe(207)
		const xml = await response.text()
		const document = new DOMParser().parseFromString(xml, 'application/xml')
		const responses = document.getElementsByTagNameNS('DAV:', 'response')
		expect(responses.length).toBe(2)
		expect(xml).toContain('<d:status>HTTP/1.1 404 Not Found</d:status>')
		expect(xml).toMatch(/<nc:no-such-property\/>/)
		// hrefs: each segment percent-encoded with lower-case hex, folders end with a slash
		expect(xml).toContain(`/remote.php/dav/files/${target.user}${root.replace('é', '%c3%a9')}/listing/</d:href>`)
		const entries = await dav.list(`${root}/listing`)
		expect(entries.map((e) => [e.name, e.isFolder, e.permissions])).toEqual([['', true, 'RGDNVCK'], ['x.json', false, 'RGDNVW']])
		for (const entry of entries) {
			expect(entry.etag).toMatch(/^[a-z0-9]+$/)
			expect(entry.fileId).toBeGreaterThan(0)
			expect(entry.ownerId).toBe(target.user)
			expect(entry.shareTypes).toEqual([])
			expect(new Date(entry.lastModified).getTime()).toBeGreaterThan(0)
		}
		expect(entries[1].size).toBe(10)
		expect(xml).toContain('<d:getcontenttype>application/json</d:getcontenttype>')
	})

	it('answers depth 0 with the folder alone, and a changed folder ETag after a write inside', async () => {
		await request('MKCOL', `${root}/etags`)
		const before = await dav.stat(`${root}/etags`)
		await request('PUT', `${root}/etags/y.json`, {}, 'y')
		const after = await dav.stat(`${root}/etags`)
		expect(after.name).toBe('')
		expect(after.etag).not.toBe(before.etag)
		expect(after.fileId).toBe(before.fileId)
	})

	it('answers 404 for a missing folder', async () => {
		const response = await request('PROPFIND', `${root}/nothing`, { Depth: '0' })
		expect(response.status).toBe(404)
		expect(await response.text()).toContain(`<s:message>File with name ${root}/nothing could not be located</s:message>`)
	})

	it('goes as deep as Depth says: infinity for the whole tree, 1 without the header', async () => {
		await request('MKCOL', `${root}/tree`)
		await request('MKCOL', `${root}/tree/sub`)
		await request('MKCOL', `${root}/tree/sub/deeper`)
		await request('PUT', `${root}/tree/sub/deeper/leaf.json`, {}, '{}')
		await request('PUT', `${root}/tree/top.json`, {}, '{}')
		const hrefs = async (depth?: string) => {
			const xml = await (await request('PROPFIND', `${root}/tree`, depth ? { Depth: depth } : {}, PROPS)).text()
			return [...xml.matchAll(/<d:href>[^<]*\/tree\/([^<]*)<\/d:href>/g)].map((m) => m[1])
		}
		// Nextcloud 32 lists by name, 34 in creation order.
		expect((await hrefs('infinity')).sort()).toEqual(['', 'sub/', 'sub/deeper/', 'sub/deeper/leaf.json', 'top.json'])
		expect((await hrefs('2')).sort()).toEqual(['', 'sub/', 'sub/deeper/', 'top.json'])
		expect((await hrefs()).sort()).toEqual(['', 'sub/', 'top.json'])
	})

	it('answers an empty PROPFIND with Nextcloud\'s default properties', async () => {
		await request('MKCOL', `${root}/allprop`)
		await request('PUT', `${root}/allprop/x.json`, {}, '{"x":1}')
		const xml = await (await request('PROPFIND', `${root}/allprop`, { Depth: '1' })).text()
		const [folder, file] = xml.split('</d:response>')
		expect([...folder.matchAll(/<d:([\w-]+)[ />]/g)].map((m) => m[1]).filter((n) => !['multistatus', 'response', 'href', 'propstat', 'prop', 'status', 'collection'].includes(n)))
			.toEqual(['getlastmodified', 'resourcetype', 'quota-used-bytes', 'quota-available-bytes', 'getetag'])
		expect(folder).toContain('<d:quota-used-bytes>7</d:quota-used-bytes><d:quota-available-bytes>-3</d:quota-available-bytes>')
		expect([...file.matchAll(/<d:([\w-]+)[ />]/g)].map((m) => m[1]).filter((n) => !['response', 'href', 'propstat', 'prop', 'status'].includes(n)))
			.toEqual(['getlastmodified', 'getcontentlength', 'resourcetype', 'getetag', 'getcontenttype'])
	})

	it('lists the same files through the legacy /remote.php/webdav endpoint', async () => {
		const response = await fetch(`${target.url}/remote.php/webdav${root.split('/').map(encodeURIComponent).join('/')}`, { method: 'PROPFIND', headers: { Authorization: basicAuth(target.user, target.password), Depth: '0' } })
		expect(response.status).toBe(207)
		expect(await response.text()).toContain(`<d:href>/remote.php/webdav${root.replace('é', '%c3%a9')}/</d:href>`)
	})
})

describe('someone else\'s files', () => {
	const theirs = (path: string) => `${target.url}/remote.php/dav/files/${target.otherUser}${path}`
	const asMe = (method: string, href: string, body?: string) => fetch(href, { method, headers: { Authorization: basicAuth(target.user, target.password), Depth: '0' }, body })

	it('shows another user\'s home as an empty folder one cannot write to', async (context) => {
		if (!target.otherUser) {
			context.skip()
		}
		const home = await asMe('PROPFIND', theirs('/'))
		expect(home.status).toBe(207)
		expect(await home.text()).toContain(`<d:href>/remote.php/dav/files/${target.otherUser}/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop>`)
		const put = await asMe('PUT', theirs('/intrusion.txt'), 'x')
		expect(put.status).toBe(403)
		expect(await put.text()).toContain('<s:message>Permission denied to create file (filename intrusion.txt)</s:message>')
		const read = await asMe('GET', theirs('/intrusion.txt'))
		expect(read.status).toBe(404)
		expect(await read.text()).toContain(`<s:message>File not found: intrusion.txt in '${target.otherUser}'</s:message>`)
	})

	it('answers 404 for the files of nobody', async () => {
		const response = await asMe('PROPFIND', `${target.url}/remote.php/dav/files/nobody-${Date.now().toString(36)}/`)
		expect(response.status).toBe(404)
		expect(await response.text()).toMatch(/<s:message>Principal with name nobody-\w+ not found<\/s:message>/)
	})
})

describe('WebDAV authentication', () => {
	it('refuses a wrong password with 401, offering Basic only to non-XHR clients', async () => {
		const plain = await fetch(url('/'), { method: 'PROPFIND', headers: { Authorization: basicAuth(target.user, 'wrong-password') } })
		expect(plain.status).toBe(401)
		expect(plain.headers.get('WWW-Authenticate')).toMatch(/^Basic realm="Nextcloud"/)
		const xhr = await fetch(url('/'), { method: 'PROPFIND', headers: { Authorization: basicAuth(target.user, 'wrong-password'), 'X-Requested-With': 'XMLHttpRequest' } })
		expect(xhr.status).toBe(401)
		expect(xhr.headers.get('WWW-Authenticate')).toMatch(/^DummyBasic realm="Nextcloud"/)
		expect(await xhr.text()).toContain('<s:message>Cannot authenticate over ajax calls</s:message>')
	})
})
