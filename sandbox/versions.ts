/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * File versions at /remote.php/dav/versions/<user>/, as Nextcloud 32's
 * files_versions answers (measured): `versions/<fileId>/` lists every content
 * the file had, the current one included, each named by its mtime in seconds;
 * GET reads one; MOVE of one to `restore/target` puts it back. Recipients
 * of an internal share reach the versions of its files too.
 */

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FsStore } from './fsStore.ts'
import type { Sharing } from './sharing.ts'

import { depthOf, escapeXml, FILES_ENDPOINT_FEATURES, mimeType, rawurlencode, readBody, requestedProps, sendDavError, sendMultistatus } from './webdav.ts'

const ALLPROP = ['d:getlastmodified', 'd:getcontentlength', 'd:resourcetype', 'd:getetag', 'd:getcontenttype']

/** Types Nextcloud's default preview providers draw. */
const hasPreview = (type: string) => type === 'text/plain' || type === 'text/markdown' || type.startsWith('image/')

function propstats(found: string[], missing: string[]): string {
	let xml = ''
	if (found.length) {
		xml += `<d:propstat><d:prop>${found.join('')}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>`
	}
	if (missing.length) {
		xml += `<d:propstat><d:prop>${missing.map((p) => `<${p}/>`).join('')}</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>`
	}
	return xml
}

/**
 * `rest` is what follows /remote.php/dav/versions/<owner>. Someone else's
 * versions: 403; an unknown file or version: 404, both with Sabre's empty message.
 */
export async function handleVersions(req: IncomingMessage, res: ServerResponse, user: string, principal: string, rest: string, store: FsStore, sharing: Sharing): Promise<void> {
	const body = (await readBody(req)).toString('utf8')
	if (principal !== user) {
		return sendDavError(res, 403, '')
	}
	const match = /^\/versions\/(\d+)\/?(?:(\d+)\/?)?$/.exec(rest)
	const found = match ? sharing.locateFileId(user, Number(match[1])) : null
	const file = found ? await store.info(found.owner, found.path) : null
	if (!match || !found || !file || file.isFolder) {
		return sendDavError(res, 404, '')
	}
	const { owner, path } = found
	const fileId = Number(match[1])
	const versions = await store.versions(owner, fileId)
	const root = `/remote.php/dav/versions/${encodeURIComponent(user)}/versions/${fileId}`
	const { type, served } = mimeType(file.name)
	const version = match[2] === undefined ? null : versions.find((v) => v.revision === Number(match[2]))
	if (match[2] !== undefined && !version) {
		return sendDavError(res, 404, '')
	}

	switch (req.method) {
		case 'PROPFIND': {
			const props = requestedProps(body)
			const collection = props.length ? props : ['d:resourcetype']
			const responses = []
			if (!version) {
				responses.push(`<d:response><d:href>${root}/</d:href>${propstats(collection.includes('d:resourcetype') ? ['<d:resourcetype><d:collection/></d:resourcetype>'] : [], collection.filter((p) => p !== 'd:resourcetype'))}</d:response>`)
			}
			const listed = version ? [version] : depthOf(req) > 0 ? versions : []
			for (const v of listed) {
				const values: Record<string, string> = {
					'd:getlastmodified': new Date(v.revision * 1000).toUTCString(),
					'd:getcontentlength': String(v.size),
					'd:resourcetype': '',
					'd:getetag': String(v.revision),
					'd:getcontenttype': type,
					'nc:version-author': escapeXml(v.author),
					'nc:has-preview': String(hasPreview(type)),
				}
				const wanted = props.length ? props : ALLPROP
				const found = wanted.filter((p) => Object.hasOwn(values, p)).map((p) => (values[p] === '' ? `<${p}/>` : `<${p}>${values[p]}</${p}>`))
				responses.push(`<d:response><d:href>${root}/${v.revision}</d:href>${propstats(found, wanted.filter((p) => !Object.hasOwn(values, p)))}</d:response>`)
			}
			return sendMultistatus(res, responses, { DAV: FILES_ENDPOINT_FEATURES })
		}
		case 'GET':
		case 'HEAD': {
			if (!version) {
				res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' })
				res.end('This is the WebDAV interface. It can only be accessed by WebDAV clients such as the Nextcloud desktop sync client.')
				return
			}
			const content = await store.readVersion(owner, fileId, version.revision)
			res.writeHead(200, {
				'Content-Type': served,
				'Last-Modified': new Date(version.revision * 1000).toUTCString(),
				ETag: String(version.revision),
				'Content-Length': String(content.length),
				'OC-ETag': String(version.revision),
				'Content-Disposition': `attachment; filename*=UTF-8''${rawurlencode(file.name)}; filename="${rawurlencode(file.name)}"`,
			})
			res.end(req.method === 'HEAD' ? undefined : content)
			return
		}
		case 'MOVE': {
			const destination = decodeURIComponent(new URL(String(req.headers.destination ?? ''), 'http://sandbox').pathname)
			if (!version || destination !== `/remote.php/dav/versions/${user}/restore/target`) {
				return sendDavError(res, 403, '')
			}
			await store.restoreVersion(owner, path, fileId, version.revision)
			res.writeHead(201, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': '0' })
			res.end()
			return
		}
		default:
			sendDavError(res, 501, `There was no plugin in the system that was willing to handle this ${req.method} method.`)
	}
}
