/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * WebDAV at /remote.php/dav/files/<user>/ (and the legacy /remote.php/webdav/)
 * as Nextcloud 32 answers it: the statuses, headers, XML and messages of the
 * real server, and its precondition race (checked by tests/contract against
 * both).
 */

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HazardConfig, HazardDice } from './hazards.ts'
import type { FilesView, ViewNode } from './views.ts'

import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import { normalise } from './fsStore.ts'
import { DavStatusError, descendants } from './views.ts'

export interface DavContext {
	hazards: HazardConfig
	dice: HazardDice
	/** Instance id appended to file ids in OC-FileId, like Nextcloud's. */
	instanceId: string
}

/** Which endpoint a request came through: its hrefs start with `root`, and it announces `features` in the DAV header. */
export interface DavEndpoint {
	root: string
	features: string
}

export const FILES_ENDPOINT_FEATURES = '1, 3, extended-mkcol, access-control, calendarserver-principal-property-search, nc-paginate, nextcloud-checksum-update, nc-calendar-search, nc-enable-birthday-calendar'
export const LEGACY_ENDPOINT_FEATURES = '1, 3, extended-mkcol, nextcloud-checksum-update'

const NAMESPACES = 'xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns"'

const ALLOWED_METHODS = 'OPTIONS, GET, HEAD, DELETE, PROPFIND, PUT, PROPPATCH, COPY, MOVE, REPORT'

/** Headers of an answer without a body; the type is PHP's default. */
const NO_BODY = { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': '0' }

const EXCEPTIONS: Record<number, string> = {
	400: 'Sabre\\DAV\\Exception\\BadRequest',
	401: 'Sabre\\DAV\\Exception\\NotAuthenticated',
	403: 'Sabre\\DAV\\Exception\\Forbidden',
	404: 'Sabre\\DAV\\Exception\\NotFound',
	405: 'Sabre\\DAV\\Exception\\MethodNotAllowed',
	409: 'Sabre\\DAV\\Exception\\Conflict',
	412: 'Sabre\\DAV\\Exception\\PreconditionFailed',
	423: 'OCA\\DAV\\Connector\\Sabre\\Exception\\FileLocked',
	501: 'Sabre\\DAV\\Exception\\NotImplemented',
	503: 'Sabre\\DAV\\Exception\\ServiceUnavailable',
}

export interface DavErrorOptions {
	/** The request header a 412 is about (`<s:header>`). */
	header?: string
	headers?: Record<string, string>
	/** The exception class Nextcloud names, when not the status's usual one. */
	exception?: string
}

/** Sabre's error document. */
export function sendDavError(res: ServerResponse, status: number, message: string, options: DavErrorOptions = {}): void {
	res.writeHead(status, { 'Content-Type': 'application/xml; charset=utf-8', ...options.headers })
	res.end(`<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">\n  <s:exception>${options.exception ?? EXCEPTIONS[status] ?? 'Sabre\\DAV\\Exception'}</s:exception>\n${message === '' ? '  <s:message/>\n' : `  <s:message>${escapeXml(message)}</s:message>\n`}${options.header ? `  <s:header>${options.header}</s:header>\n` : ''}</d:error>\n`)
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

/** PHP's rawurlencode: everything but letters, digits and `-_.~`, in upper-case hex. */
export function rawurlencode(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Nextcloud percent-encodes each path segment of an href with lower-case hex (`D%c3%a9googlisation`). */
function encodeSegment(segment: string): string {
	return rawurlencode(segment).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
}

function hrefOf(endpoint: DavEndpoint, path: string, isFolder: boolean): string {
	const encoded = normalise(path).split('/').map(encodeSegment).join('/')
	return `${endpoint.root}${encoded === '/' ? '' : encoded}${isFolder ? '/' : ''}`
}

/** Nextcloud's MIME types by extension: the type, and the harmless one GET answers with instead (no scripts in the browser). */
const MIME_TYPES: Record<string, [string, string?]> = {
	json: ['application/json', 'text/plain'],
	txt: ['text/plain'],
	md: ['text/markdown'],
	csv: ['text/csv'],
	ics: ['text/calendar'],
	vcf: ['text/vcard'],
	html: ['text/html', 'text/plain'],
	js: ['application/javascript', 'text/plain'],
	xml: ['application/xml', 'text/plain'],
	yaml: ['application/yaml', 'text/plain'],
	svg: ['image/svg+xml', 'text/plain'],
	png: ['image/png'],
	jpg: ['image/jpeg'],
	pdf: ['application/pdf'],
	odt: ['application/vnd.oasis.opendocument.text'],
	ods: ['application/vnd.oasis.opendocument.spreadsheet'],
	zip: ['application/zip'],
	bin: ['application/x-bin'],
}

export function mimeType(name: string): { type: string, served: string } {
	const dot = name.lastIndexOf('.')
	const [type, secure] = (dot > 0 && MIME_TYPES[name.slice(dot + 1).toLowerCase()]) || ['application/octet-stream']
	const served = secure ?? type
	// PHP adds its default charset to text types.
	return { type, served: served.startsWith('text/') ? `${served};charset=UTF-8` : served }
}

type PropValue = string | null

/** Values of the properties this sandbox knows; null means "not defined for this node" (404 propstat). */
function propValues(owner: string, node: ViewNode): Record<string, PropValue> {
	return {
		'd:getlastmodified': node.mtime.toUTCString(),
		'd:getcontentlength': node.isFolder ? null : String(node.size),
		'd:resourcetype': node.isFolder ? '<d:collection/>' : '',
		'd:getetag': `&quot;${node.etag}&quot;`,
		'd:getcontenttype': node.isFolder ? null : mimeType(node.name).type,
		'd:displayname': escapeXml(node.path === '/' ? owner : node.name),
		'd:quota-used-bytes': node.isFolder ? String(node.size) : null,
		'd:quota-available-bytes': node.isFolder ? '-3' : null,
		'oc:fileid': String(node.fileId),
		'oc:permissions': node.permissions,
		'oc:size': String(node.size),
		'oc:share-types': node.shareTypes.map((type) => `<oc:share-type>${type}</oc:share-type>`).join(''),
		'oc:owner-id': escapeXml(node.ownerId),
		'oc:owner-display-name': escapeXml(node.ownerDisplayName),
		'nc:has-preview': 'false',
		'nc:mount-type': node.mountType,
	}
}

/** What Nextcloud answers to allprop (an empty body, `<d:allprop/>` and, as measured, `<d:propname/>`), in its order. */
const ALLPROP_FILE = ['d:getlastmodified', 'd:getcontentlength', 'd:resourcetype', 'd:getetag', 'd:getcontenttype']
const ALLPROP_FOLDER = ['d:getlastmodified', 'd:resourcetype', 'd:quota-used-bytes', 'd:quota-available-bytes', 'd:getetag']

const PREFIX_OF_NAMESPACE: Record<string, string> = { 'DAV:': 'd', 'http://owncloud.org/ns': 'oc', 'http://nextcloud.org/ns': 'nc', 'http://sabredav.org/ns': 's' }

/** The requested properties as `prefix:name`, in the canonical prefixes. Empty for allprop. */
export function requestedProps(body: string): string[] {
	const propMatch = /<(?:[\w-]+:)?prop\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?prop>/.exec(body)
	if (!propMatch) {
		return []
	}
	const declared = new Map<string, string>()
	for (const m of body.matchAll(/xmlns:([\w-]+)="([^"]*)"/g)) {
		declared.set(m[1], m[2])
	}
	const defaultNs = /xmlns="([^"]*)"/.exec(body)?.[1]
	const props: string[] = []
	for (const m of propMatch[1].matchAll(/<(?:([\w-]+):)?([\w-]+)\s*\/?>/g)) {
		const ns = m[1] ? declared.get(m[1]) : defaultNs
		const prefix = (ns && PREFIX_OF_NAMESPACE[ns]) ?? m[1] ?? 'd'
		props.push(`${prefix}:${m[2]}`)
	}
	return props
}

function responseXml(owner: string, node: ViewNode, props: string[], endpoint: DavEndpoint): string {
	const values = propValues(owner, node)
	const wanted = props.length ? props : node.isFolder ? ALLPROP_FOLDER : ALLPROP_FILE
	const found: string[] = []
	const missing: string[] = []
	for (const prop of wanted) {
		const value = Object.hasOwn(values, prop) ? values[prop] : null
		if (value === null) {
			missing.push(`<${prop}/>`)
		} else {
			found.push(value === '' ? `<${prop}/>` : `<${prop}>${value}</${prop}>`)
		}
	}
	let xml = `<d:response><d:href>${hrefOf(endpoint, node.path, node.isFolder)}</d:href>`
	if (found.length) {
		xml += `<d:propstat><d:prop>${found.join('')}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>`
	}
	if (missing.length) {
		xml += `<d:propstat><d:prop>${missing.join('')}</d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>`
	}
	return `${xml}</d:response>`
}

export function sendMultistatus(res: ServerResponse, responses: string[], headers: Record<string, string> = {}): void {
	res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8', ...headers })
	res.end(`<?xml version="1.0"?>\n<d:multistatus ${NAMESPACES}>${responses.join('')}</d:multistatus>\n`)
}

/** Sabre reads Depth as 0, a number or infinity; Nextcloud 32 allows infinity, and defaults to 1. */
export function depthOf(req: IncomingMessage): number {
	const header = String(req.headers.depth ?? '1').trim().toLowerCase()
	if (header === 'infinity') {
		return Number.POSITIVE_INFINITY
	}
	return /^\d+$/.test(header) ? Number(header) : 1
}

function etagMatches(header: string, etag: string): boolean {
	return header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, '')).some((t) => t === '*' || t === etag)
}

function notFound(res: ServerResponse, path: string, headers?: Record<string, string>): void {
	sendDavError(res, 404, `File with name ${path} could not be located`, { headers })
}

function fileIdHeader(node: ViewNode, ctx: DavContext): string {
	return `${String(node.fileId).padStart(8, '0')}${ctx.instanceId}`
}

/** X-OC-MTime in seconds, as MtimeSanitizer reads it (a number, not hexadecimal); undefined without one. */
function mtimeHeader(req: IncomingMessage): number | undefined {
	const header = req.headers['x-oc-mtime']
	if (typeof header !== 'string' || header === '' || /^\s*0x/i.test(header) || !Number.isFinite(Number(header)) || Number(header) <= 24 * 3600) {
		return undefined
	}
	return Math.trunc(Number(header))
}

/** Headers of a created or moved node: a file's ETag, and its id. */
function nodeHeaders(node: ViewNode, ctx: DavContext): Record<string, string> {
	const id = { 'OC-FileId': fileIdHeader(node, ctx), ...NO_BODY }
	return node.isFolder ? id : { 'OC-ETag': `"${node.etag}"`, ETag: `"${node.etag}"`, ...id }
}

/** `"files/<hash>"("alice/files/…") is locked`, as Nextcloud's lock provider words it. */
function lockedMessage(owner: string, path: string): string {
	return `"files/${createHash('md5').update(path).digest('hex')}"("${owner}/files${path}") is locked, existing lock on file: exclusive`
}

function sendHazard(res: ServerResponse, status: number, owner: string, path: string): void {
	if (status === 423) {
		return sendDavError(res, 423, lockedMessage(owner, path))
	}
	sendDavError(res, status, status === 503 ? 'Service unavailable' : 'Internal Server Error')
}

/**
 * A WebDAV request on `view`, the files of `owner` (a user, or the token of a
 * public share). Refusals of a share's permissions are Sabre's bare 403s.
 */
export async function handleDav(req: IncomingMessage, res: ServerResponse, owner: string, view: FilesView, rawPath: string, endpoint: DavEndpoint, ctx: DavContext): Promise<void> {
	try {
		await answerDav(req, res, owner, view, rawPath, endpoint, ctx)
	} catch (error) {
		if (!(error instanceof DavStatusError)) {
			throw error
		}
		if (!req.readableEnded) {
			await readBody(req)
		}
		sendDavError(res, error.status, error.message, { headers: error.headers })
	}
}

const forbidden = () => new DavStatusError(403, '')

async function answerDav(req: IncomingMessage, res: ServerResponse, owner: string, view: FilesView, rawPath: string, endpoint: DavEndpoint, ctx: DavContext): Promise<void> {
	const path = normalise(decodeURIComponent(rawPath))
	const { dice, hazards } = ctx
	const method = req.method ?? 'GET'
	const davHeader = { DAV: endpoint.features }

	if (method !== 'PROPFIND' && dice.applies(path) && dice.roll(hazards.unavailableRate)) {
		await readBody(req)
		return sendHazard(res, 503, owner, path)
	}

	switch (method) {
		case 'OPTIONS': {
			res.writeHead(200, { Allow: ALLOWED_METHODS, ...davHeader, 'MS-Author-Via': 'DAV', 'Accept-Ranges': 'bytes', ...NO_BODY })
			res.end()
			return
		}
		case 'PROPFIND': {
			const body = (await readBody(req)).toString('utf8')
			if (body.trim() !== '' && !body.trimStart().startsWith('<')) {
				return sendDavError(res, 400, 'Document is empty\n on line 1, column 1')
			}
			const node = await view.info(path)
			if (!node) {
				return notFound(res, path, davHeader)
			}
			const props = requestedProps(body)
			const nodes = [node, ...await descendants(view, node, depthOf(req))]
			sendMultistatus(res, nodes.map((n) => responseXml(owner, n, props, endpoint)), davHeader)
			return
		}
		case 'GET':
		case 'HEAD': {
			const node = await view.info(path)
			if (!node) {
				return notFound(res, path)
			}
			if (node.isFolder) {
				res.writeHead(200, NO_BODY)
				res.end()
				return
			}
			let body = await view.read(path)
			if (method === 'GET' && dice.applies(path) && dice.roll(hazards.tornReadRate) && body.length > 1) {
				body = body.subarray(0, Math.floor(body.length / 2))
			}
			res.writeHead(200, {
				'Content-Type': mimeType(node.name).served,
				'Last-Modified': node.mtime.toUTCString(),
				ETag: `"${node.etag}"`,
				'Content-Length': String(body.length),
				'OC-ETag': `"${node.etag}"`,
				'Content-Disposition': `attachment; filename*=UTF-8''${rawurlencode(node.name)}; filename="${rawurlencode(node.name)}"`,
			})
			res.end(method === 'HEAD' ? undefined : body)
			return
		}
		case 'PUT': {
			// Preconditions first, then the body, then the write: the window Nextcloud has too.
			const existing = await view.info(path)
			const ifMatch = req.headers['if-match']
			const ifNoneMatch = req.headers['if-none-match']
			if (ifMatch && !existing) {
				await readBody(req)
				return sendDavError(res, 412, 'An If-Match header was specified and the resource did not exist', { header: 'If-Match' })
			}
			if (ifMatch && existing && !etagMatches(ifMatch, existing.etag)) {
				await readBody(req)
				return sendDavError(res, 412, 'An If-Match header was specified, but none of the specified ETags matched.', { header: 'If-Match', headers: { ETag: `"${existing.etag}"` } })
			}
			if (ifNoneMatch && existing && etagMatches(ifNoneMatch, existing.etag)) {
				await readBody(req)
				return sendDavError(res, 412, 'An If-None-Match header was specified, but the ETag matched (or * was specified).', { header: 'If-None-Match' })
			}
			if (existing?.isFolder) {
				await readBody(req)
				return sendDavError(res, 409, 'PUT is not allowed on non-files.')
			}
			if (existing && !existing.permissions.includes('W')) {
				throw forbidden()
			}
			const body = await readBody(req)
			if (hazards.preconditionGapMs > 0) {
				await sleep(hazards.preconditionGapMs)
			}
			const failure = dice.writeFailure(path)
			if (failure) {
				return sendHazard(res, failure, owner, path)
			}
			const parent = await view.info(posix.dirname(path))
			if (!parent || !parent.isFolder) {
				return notFound(res, posix.dirname(path))
			}
			if (!existing && !parent.permissions.includes('C')) {
				throw forbidden()
			}
			// Nextcloud applies X-OC-MTime once the file is written (Connector\Sabre\File::put).
			const mtime = mtimeHeader(req)
			await view.write(path, body, mtime)
			const written = (await view.info(path))!
			res.writeHead(existing ? 204 : 201, { ...nodeHeaders(written, ctx), ...(mtime === undefined ? {} : { 'X-OC-MTime': 'accepted' }) })
			res.end()
			return
		}
		case 'MKCOL': {
			await readBody(req)
			if (await view.info(path)) {
				return sendDavError(res, 405, 'The resource you tried to create already exists', { headers: { Allow: ALLOWED_METHODS } })
			}
			const parent = await view.info(posix.dirname(path))
			if (!parent) {
				return sendDavError(res, 409, 'Parent node does not exist')
			}
			if (!parent.permissions.includes('C')) {
				throw forbidden()
			}
			await view.makeFolder(path)
			res.writeHead(201, { 'OC-FileId': fileIdHeader((await view.info(path))!, ctx), ...NO_BODY })
			res.end()
			return
		}
		case 'DELETE': {
			const failure = dice.writeFailure(path)
			if (failure) {
				return sendHazard(res, failure, owner, path)
			}
			const node = await view.info(path)
			if (!node) {
				return notFound(res, path)
			}
			if (!node.permissions.includes('D')) {
				throw forbidden()
			}
			await view.remove(path)
			res.writeHead(204, NO_BODY)
			res.end()
			return
		}
		case 'MOVE':
		case 'COPY': {
			await readBody(req)
			const destination = req.headers.destination
			if (typeof destination !== 'string') {
				return sendDavError(res, 400, 'The destination header was not supplied')
			}
			const source = await view.info(path)
			if (!source) {
				return notFound(res, path)
			}
			if (method === 'MOVE' && !source.permissions.includes('D')) {
				throw new DavStatusError(403, `files/${owner}${path} cannot be deleted`)
			}
			// Nextcloud ignores the destination's host and reads its path against the same endpoint.
			const destinationPath = decodeURIComponent(new URL(destination, 'http://sandbox').pathname)
			const rootPath = decodeURIComponent(endpoint.root)
			if (destinationPath !== rootPath && !destinationPath.startsWith(`${rootPath}/`)) {
				return sendDavError(res, 403, `Permission denied to create file (filename ${posix.basename(destinationPath)})`)
			}
			const target = normalise(destinationPath.slice(rootPath.length))
			const existing = await view.info(target)
			if (existing && req.headers.overwrite === 'F') {
				return sendDavError(res, 412, 'The destination node already exists, and the overwrite header is set to false', { header: 'Overwrite' })
			}
			const targetParent = await view.info(posix.dirname(target))
			if (!targetParent) {
				return sendDavError(res, 409, 'The destination node is not found')
			}
			if (!targetParent.permissions.includes('C') || (existing && !existing.permissions.includes('D'))) {
				throw forbidden()
			}
			if (existing) {
				await view.remove(target)
			}
			if (method === 'MOVE') {
				await view.move(path, target)
			} else {
				await view.copy(source, target)
			}
			const result = (await view.info(target))!
			res.writeHead(existing ? 204 : 201, method === 'MOVE' ? nodeHeaders(result, ctx) : { 'OC-FileId': fileIdHeader(result, ctx), ...NO_BODY })
			res.end()
			return
		}
		default:
			await readBody(req)
			sendDavError(res, 501, `There was no plugin in the system that was willing to handle this ${method} method.`)
	}
}

/** `/remote.php/dav/files/` itself: a collection whose members nobody lists. */
export async function handleFilesRoot(req: IncomingMessage, res: ServerResponse): Promise<void> {
	await readBody(req)
	if (req.method !== 'PROPFIND') {
		return sendDavError(res, 501, `There was no plugin in the system that was willing to handle this ${req.method} method.`)
	}
	sendMultistatus(res, ['<d:response><d:href>/remote.php/dav/files/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>'], { DAV: FILES_ENDPOINT_FEATURES })
}

/**
 * Another user's files, as Nextcloud shows them: the home folder exists but
 * holds nothing one can see, and nothing can be written there.
 */
export async function handleForeignHome(req: IncomingMessage, res: ServerResponse, owner: string, rawPath: string, endpoint: DavEndpoint): Promise<void> {
	await readBody(req)
	const path = normalise(decodeURIComponent(rawPath))
	const method = req.method ?? 'GET'
	const firstSegment = path.split('/')[1]
	if (path === '/' && method === 'PROPFIND') {
		return sendMultistatus(res, [`<d:response><d:href>${endpoint.root}/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`], { DAV: endpoint.features })
	}
	const isChild = path !== '/' && posix.dirname(path) === '/'
	if (method === 'PUT' && isChild) {
		return sendDavError(res, 403, `Permission denied to create file (filename ${firstSegment})`)
	}
	if (method === 'MKCOL' && isChild) {
		return sendDavError(res, 403, 'Permission denied to create directory')
	}
	if (method === 'DELETE' && path === '/') {
		return sendDavError(res, 403, 'Permission denied to delete node')
	}
	sendDavError(res, 404, `File not found: ${firstSegment} in '${owner}'`)
}

/**
 * Bulk upload (POST /remote.php/dav/bulk, the `bulkupload` capability): a
 * multipart/related body whose parts are files, each with X-File-Path,
 * Content-Length and X-File-MD5, written one after the other as
 * BulkUploadPlugin does, then touched with the part's X-OC-MTime when it has
 * one. Answers a JSON object keyed by each part's X-File-Path as sent.
 */
export async function handleBulk(req: IncomingMessage, res: ServerResponse, view: FilesView, ctx: DavContext): Promise<void> {
	const body = await readBody(req)
	const contentType = req.headers['content-type'] ?? ''
	const boundary = /^\s*multipart\/related\s*;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1]
	if (req.method !== 'POST' || !boundary) {
		return sendDavError(res, 400, 'Content-Type must be multipart/related')
	}
	const written: Record<string, Record<string, unknown>> = {}
	const delimiter = Buffer.from(`--${boundary}`)
	let at = body.indexOf(delimiter)
	while (at >= 0 && body.subarray(at + delimiter.length, at + delimiter.length + 2).toString() !== '--') {
		const headersEnd = body.indexOf('\r\n\r\n', at)
		if (headersEnd < 0) {
			break
		}
		const headers = new Map(body.subarray(at + delimiter.length, headersEnd).toString('utf8').split('\r\n').filter((line) => line.includes(':'))
			.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
		const length = Number(headers.get('content-length'))
		const content = body.subarray(headersEnd + 4, headersEnd + 4 + length)
		at = body.indexOf(delimiter, headersEnd + 4 + length)
		const path = headers.get('x-file-path') ?? ''
		if (!Number.isInteger(length) || (!headers.has('x-file-md5') && !headers.has('oc-checksum'))) {
			res.writeHead(400, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify(written))
			return
		}
		try {
			const mtime = headers.get('x-oc-mtime')
			await view.write(normalise(path), content, mtime === undefined ? undefined : Math.trunc(Number(mtime)))
			const node = (await view.info(normalise(path)))!
			written[path] = { error: false, etag: node.etag, fileid: fileIdHeader(node, ctx), permissions: node.permissions }
		} catch (error) {
			written[path] = { error: true, message: error instanceof Error ? error.message : String(error) }
		}
	}
	res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
	res.end(JSON.stringify(written))
}
