/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { DOMParser } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { DavClient } from './dav.ts'

/** What Nextcloud 32 answers for PROPFIND /remote.php/dav/versions/alice/versions/4242. */
const VERSIONS = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
<d:response><d:href>/nextcloud/remote.php/dav/versions/alice/versions/4242/</d:href><d:propstat><d:prop><d:getlastmodified/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>
<d:response><d:href>/nextcloud/remote.php/dav/versions/alice/versions/4242/1763800000</d:href><d:propstat><d:prop><d:getlastmodified>Sat, 22 Nov 2025 08:26:40 GMT</d:getlastmodified><d:getcontentlength>812</d:getcontentlength><nc:version-author>bob</nc:version-author><nc:version-label></nc:version-label></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
<d:response><d:href>/nextcloud/remote.php/dav/versions/alice/versions/4242/1763900000</d:href><d:propstat><d:prop><d:getlastmodified>Sun, 23 Nov 2025 12:13:20 GMT</d:getlastmodified><d:getcontentlength>815</d:getcontentlength><nc:version-author>alice</nc:version-author><nc:version-label>Avant le conseil</nc:version-label></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>`

function client(answer: (url: string, init: RequestInit) => Response, seen: Array<{ url: string, method: string }>) {
	return new DavClient({
		baseUrl: 'https://cloud.mairie.fr/nextcloud',
		user: 'alice',
		auth: { user: 'alice', password: 'secret' },
		DOMParser: DOMParser as never,
		fetch: (async (url: string | URL, init: RequestInit) => {
			seen.push({ url: String(url), method: String(init.method) })
			return answer(String(url), init)
		}) as typeof fetch,
	})
}

describe('file versions', () => {
	it('lists Nextcloud\'s versions of a file, newest first, with author and label', async () => {
		const seen: Array<{ url: string, method: string }> = []
		const dav = client(() => new Response(VERSIONS, { status: 207 }), seen)
		const versions = await dav.listVersions(4242)
		expect(seen).toEqual([{ url: 'https://cloud.mairie.fr/nextcloud/remote.php/dav/versions/alice/versions/4242', method: 'PROPFIND' }])
		expect(versions).toEqual([
			{ fileId: 4242, id: '1763900000', lastModified: '2025-11-23T12:13:20.000Z', author: 'alice', label: 'Avant le conseil' },
			{ fileId: 4242, id: '1763800000', lastModified: '2025-11-22T08:26:40.000Z', author: 'bob', label: '' },
		])
		const body = await client(() => new Response('{"a":1}', { status: 200 }), seen).getVersion(versions[1])
		expect(new TextDecoder().decode(body)).toBe('{"a":1}')
		expect(seen.at(-1)).toEqual({ url: 'https://cloud.mairie.fr/nextcloud/remote.php/dav/versions/alice/versions/4242/1763800000', method: 'GET' })
	})

	it('has none to show when the server keeps none for the file', async () => {
		expect(await client(() => new Response('', { status: 404 }), []).listVersions(7)).toEqual([])
	})
})
