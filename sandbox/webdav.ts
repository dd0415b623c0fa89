/**
 * WebDAV at /remote.php/dav/files/<user>/ as Nextcloud 32 answers it: the
 * statuses, headers, XML and the precondition race of the real server
 * (checked by tests/contract against both).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { posix } from 'node:path'
import type { FsStore, NodeInfo } from './fsStore'
import { normalise } from './fsStore'
import type { HazardConfig, HazardDice } from './hazards'

export interface DavContext {
	store: FsStore
	hazards: HazardConfig
	dice: HazardDice
	displayName: (user: string) => string
	/** Instance id appended to file ids in OC-FileId, like Nextcloud's. */
	instanceId: string
}

const NAMESPACES = 'xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns"'

const EXCEPTIONS: Record<number, [string, string]> = {
	404: ['Sabre\\DAV\\Exception\\NotFound', 'File not found'],
	405: ['Sabre\\DAV\\Exception\\MethodNotAllowed', 'The resource you tried to create already exists'],
	409: ['Sabre\\DAV\\Exception\\Conflict', 'Parent node does not exist'],
	412: ['Sabre\\DAV\\Exception\\PreconditionFailed', 'An If-Match header was specified, but none of the specified ETags matched.'],
	423: ['OCA\\DAV\\Connector\\Sabre\\Exception\\FileLocked', 'The file is locked'],
	500: ['Sabre\\DAV\\Exception', 'Internal Server Error'],
	503: ['Sabre\\DAV\\Exception\\ServiceUnavailable', 'Service unavailable'],
}

export function sendDavError(res: ServerResponse, status: number, message?: string, header?: string): void {
	const [exception, defaultMessage] = EXCEPTIONS[status] ?? ['Sabre\\DAV\\Exception', 'Error']
	res.writeHead(status, { 'Content-Type': 'application/xml; charset=utf-8' })
	res.end(`<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">\n  <s:exception>${exception}</s:exception>\n  <s:message>${escapeXml(message ?? defaultMessage)}</s:message>\n${header ? `  <s:header>${header}</s:header>\n` : ''}</d:error>\n`)
}

export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => resolve(Buffer.concat(chunks)))
		req.on('error', reject)
	})
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Nextcloud percent-encodes each path segment with lower-case hex (`D%c3%a9googlisation`). */
function hrefOf(user: string, path: string, isFolder: boolean): string {
	const encoded = normalise(path).split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())).join('/')
	return `/remote.php/dav/files/${encodeURIComponent(user)}${encoded === '/' ? '' : encoded}${isFolder ? '/' : ''}`
}

function contentType(name: string): string {
	if (name.endsWith('.json')) return 'application/json'
	if (name.endsWith('.csv')) return 'text/csv'
	if (name.endsWith('.txt') || name.endsWith('.md')) return 'text/plain'
	return 'application/octet-stream'
}

type PropValue = string | null

/** Values of the properties this sandbox knows; null means "not defined for this node" (404 propstat). */
function propValues(user: string, node: NodeInfo, ctx: DavContext): Record<string, PropValue> {
	return {
		'd:getlastmodified': node.mtime.toUTCString(),
		'd:getcontentlength': node.isFolder ? null : String(node.size),
		'd:resourcetype': node.isFolder ? '<d:collection/>' : '',
		'd:getetag': `&quot;${node.etag}&quot;`,
		'd:getcontenttype': node.isFolder ? null : contentType(node.name),
		'oc:fileid': String(node.fileId),
		'oc:permissions': node.isFolder ? 'RGDNVCK' : 'RGDNVW',
		'oc:size': String(node.size),
		'oc:share-types': '',
		'oc:owner-id': escapeXml(user),
		'oc:owner-display-name': escapeXml(ctx.displayName(user)),
	}
}

/** What Nextcloud answers to an empty PROPFIND (allprop). */
const ALLPROP = ['d:getlastmodified', 'd:getcontentlength', 'd:resourcetype', 'd:getetag', 'd:getcontenttype']

const PREFIX_OF_NAMESPACE: Record<string, string> = { 'DAV:': 'd', 'http://owncloud.org/ns': 'oc', 'http://nextcloud.org/ns': 'nc', 'http://sabredav.org/ns': 's' }

/** The requested properties as `prefix:name`, in the canonical prefixes. Empty for allprop. */
function requestedProps(body: string): string[] {
	const propMatch = /<(?:[\w-]+:)?prop\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?prop>/.exec(body)
	if (!propMatch) return []
	const declared = new Map<string, string>()
	for (const m of body.matchAll(/xmlns:([\w-]+)="([^"]*)"/g)) declared.set(m[1], m[2])
	const defaultNs = /xmlns="([^"]*)"/.exec(body)?.[1]
	const props: string[] = []
	for (const m of propMatch[1].matchAll(/<(?:([\w-]+):)?([\w-]+)\s*\/?>/g)) {
		const ns = m[1] ? declared.get(m[1]) : defaultNs
		const prefix = (ns && PREFIX_OF_NAMESPACE[ns]) ?? m[1] ?? 'd'
		props.push(`${prefix}:${m[2]}`)
	}
	return props
}

function responseXml(user: string, node: NodeInfo, props: string[], ctx: DavContext): string {
	const values = propValues(user, node, ctx)
	const wanted = props.length ? props : ALLPROP
	const found: string[] = []
	const missing: string[] = []
	for (const prop of wanted) {
		const value = Object.hasOwn(values, prop) ? values[prop] : null
		if (value === null) {
			if (props.length) missing.push(`<${prop}/>`)
		} else {
			found.push(value === '' ? `<${prop}/>` : `<${prop}>${value}</${prop}>`)
		}
	}
	let xml = `<d:response><d:href>${hrefOf(user, node.path, node.isFolder)}</d:href>`
	if (found.length) xml += `<d:propstat><d:prop>${found.join('')}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>`
	if (missing.length) xml += `<d:propstat><d:prop>${missing.join('')}</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>`
	return `${xml}</d:response>`
}

function etagMatches(header: string, etag: string): boolean {
	return header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, '')).some((t) => t === '*' || t === etag)
}

export async function handleDav(req: IncomingMessage, res: ServerResponse, user: string, rawPath: string, ctx: DavContext): Promise<void> {
	const path = normalise(decodeURIComponent(rawPath))
	const { store, dice, hazards } = ctx
	const method = req.method ?? 'GET'

	if (dice.applies(path) && dice.roll(hazards.unavailableRate) && method !== 'PROPFIND') return sendDavError(res, 503)

	switch (method) {
		case 'PROPFIND': {
			const body = (await readBody(req)).toString('utf8')
			const node = await store.info(user, path)
			if (!node) return sendDavError(res, 404, `File with name ${path.slice(1)} could not be located`)
			const depth = (req.headers.depth ?? 'infinity').toString().toLowerCase()
			const props = requestedProps(body)
			const nodes = [node]
			if (node.isFolder && depth !== '0') nodes.push(...await store.children(user, path))
			res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' })
			res.end(`<?xml version="1.0"?>\n<d:multistatus ${NAMESPACES}>${nodes.map((n) => responseXml(user, n, props, ctx)).join('')}</d:multistatus>`)
			return
		}
		case 'GET':
		case 'HEAD': {
			const node = await store.info(user, path)
			if (!node) return sendDavError(res, 404, `File with name ${path.slice(1)} could not be located`)
			if (node.isFolder) {
				res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
				res.end(method === 'HEAD' ? undefined : 'This is the WebDAV interface. It can only be accessed by WebDAV clients such as the Nextcloud desktop sync client.')
				return
			}
			let body = await store.read(user, path)
			if (method === 'GET' && dice.applies(path) && dice.roll(hazards.tornReadRate) && body.length > 1) {
				body = body.subarray(0, Math.floor(body.length / 2))
			}
			res.writeHead(200, {
				'Content-Type': contentType(node.name),
				'Content-Length': String(body.length),
				'Last-Modified': node.mtime.toUTCString(),
				ETag: `"${node.etag}"`,
				'OC-ETag': `"${node.etag}"`,
			})
			res.end(method === 'HEAD' ? undefined : body)
			return
		}
		case 'PUT': {
			// Preconditions first, then the body, then the write: the window Nextcloud has too.
			const existing = await store.info(user, path)
			const ifMatch = req.headers['if-match']
			const ifNoneMatch = req.headers['if-none-match']
			if (ifMatch && (!existing || !etagMatches(ifMatch, existing.etag))) {
				await readBody(req)
				return sendDavError(res, 412, 'An If-Match header was specified, but none of the specified ETags matched.', 'If-Match')
			}
			if (ifNoneMatch && existing && etagMatches(ifNoneMatch, existing.etag)) {
				await readBody(req)
				return sendDavError(res, 412, 'An If-None-Match header was specified, but the ETag matched (or * was specified).', 'If-None-Match')
			}
			const body = await readBody(req)
			if (hazards.preconditionGapMs > 0) await sleep(hazards.preconditionGapMs)
			const failure = dice.writeFailure(path)
			if (failure) return sendDavError(res, failure)
			const parent = await store.info(user, posix.dirname(path))
			if (!parent || !parent.isFolder) return sendDavError(res, 404, `File with name ${posix.dirname(path).slice(1)} could not be located`)
			if (existing?.isFolder) return sendDavError(res, 405)
			await store.write(user, path, body, Boolean(ifMatch || ifNoneMatch))
			const written = (await store.info(user, path))!
			res.writeHead(existing ? 204 : 201, {
				'Content-Length': '0',
				ETag: `"${written.etag}"`,
				'OC-ETag': `"${written.etag}"`,
				'OC-FileId': `${String(written.fileId).padStart(8, '0')}${ctx.instanceId}`,
			})
			res.end()
			return
		}
		case 'MKCOL': {
			if (await store.info(user, path)) return sendDavError(res, 405)
			const parent = await store.info(user, posix.dirname(path))
			if (!parent) return sendDavError(res, 409)
			await store.makeFolder(user, path)
			res.writeHead(201, { 'Content-Length': '0' })
			res.end()
			return
		}
		case 'DELETE': {
			const failure = dice.writeFailure(path)
			if (failure) return sendDavError(res, failure)
			if (!(await store.info(user, path))) return sendDavError(res, 404, `File with name ${path.slice(1)} could not be located`)
			await store.remove(user, path)
			res.writeHead(204)
			res.end()
			return
		}
		case 'MOVE':
		case 'COPY': {
			const destination = req.headers.destination
			const match = typeof destination === 'string' ? /\/remote\.php\/dav\/files\/([^/]+)(\/.*)?$/.exec(new URL(destination, 'http://x').pathname) : null
			if (!match || decodeURIComponent(match[1]) !== user) return sendDavError(res, 409, 'The destination is not in this user\'s files')
			const target = normalise(decodeURIComponent(match[2] ?? '/'))
			if (!(await store.info(user, path))) return sendDavError(res, 404)
			const exists = await store.info(user, target)
			if (exists && req.headers.overwrite === 'F') return sendDavError(res, 412, 'The destination node already exists, and the overwrite header is set to false', 'Overwrite')
			if (!(await store.info(user, posix.dirname(target)))) return sendDavError(res, 409)
			if (exists) await store.remove(user, target)
			if (method === 'MOVE') {
				await store.move(user, path, target)
			} else {
				await store.write(user, target, await store.read(user, path))
			}
			res.writeHead(exists ? 204 : 201, { 'Content-Length': '0' })
			res.end()
			return
		}
		default:
			sendDavError(res, 405, `${method} is not allowed here`)
	}
}
