/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A small WebDAV client for Nextcloud, on `fetch`, that runs in the browser
 * (session cookie + request token) and in Node (user + app password). Only
 * what the roadmap storage needs: list a folder, read, create-only and plain
 * writes, folders, deletes. A general client library would weigh more than
 * the dashboard widget's whole budget; this one is a few hundred bytes gzip.
 */

import type { Transport } from './transport.ts'

export interface DavAuth {
	/** Browser: the Nextcloud request token, sent with the session cookie (a function: it is renewed). */
	requestToken?: () => string | null
	/** Node: a user and an app password (or password). */
	user?: string
	password?: string
}

export interface DavEntry {
	/** Name within the listed folder ('' for the folder itself). */
	name: string
	isFolder: boolean
	etag: string
	fileId: number | null
	/** Nextcloud permission letters: R share, G read, D delete, N rename, V move, W write, C/K create. */
	permissions: string
	size: number
	lastModified: string
	shareTypes: number[]
	ownerId: string
	ownerDisplayName: string
}

/** Headers every request to Nextcloud carries: CSRF marker and credentials. */
export function authHeaders(auth: DavAuth): Record<string, string> {
	const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest' }
	const token = auth.requestToken?.()
	if (token) {
		headers.requesttoken = token
	}
	if (auth.user !== undefined && auth.password !== undefined) {
		headers.Authorization = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${auth.user}:${auth.password}`)))}`
	}
	return headers
}

/** One of Nextcloud's older versions of a file. */
export interface FileVersion {
	fileId: number
	/** The version's name in the versions collection (a timestamp). */
	id: string
	/** ISO time the version was written. */
	lastModified: string
	/** Who wrote it, when Nextcloud records it ('' otherwise). */
	author: string
	label: string
}

export class DavError extends Error {
	constructor(readonly status: number, readonly method: string, readonly path: string, message?: string) {
		super(message ?? `${method} ${path}: HTTP ${status}`)
		this.name = 'DavError'
	}
}

type DomParserConstructor = new () => { parseFromString(text: string, type: string): Document }

export interface DavClientOptions {
	/** Server root, e.g. `https://cloud.mairie.fr` (no trailing slash). */
	baseUrl: string
	/** The user whose files are addressed: `/remote.php/dav/files/<user>/`. */
	user: string
	auth: DavAuth
	/** How requests go out: `fetch` unless told (the app page's goes through `@nextcloud/axios`). */
	fetch?: Transport
	/** The browser's DOMParser, or `@xmldom/xmldom`'s in Node. */
	DOMParser: DomParserConstructor
	/** A request that has not answered by then fails (and is retried): a hung server must not hang a save. */
	timeoutMs?: number
}

const PROPFIND_BODY = `<?xml version="1.0" encoding="UTF-8"?>
<d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
<d:prop><d:getetag/><d:getlastmodified/><d:resourcetype/><d:getcontentlength/><oc:fileid/><oc:permissions/><oc:size/><oc:share-types/><oc:owner-id/><oc:owner-display-name/></d:prop>
</d:propfind>`

const DAV_NS = 'DAV:'
const OC_NS = 'http://owncloud.org/ns'
const NC_NS = 'http://nextcloud.org/ns'

const VERSIONS_PROPFIND_BODY = `<?xml version="1.0" encoding="UTF-8"?>
<d:propfind xmlns:d="DAV:" xmlns:nc="http://nextcloud.org/ns">
<d:prop><d:getlastmodified/><d:getcontentlength/><nc:version-author/><nc:version-label/></d:prop>
</d:propfind>`

function encodePath(path: string): string {
	return path.split('/').map((segment) => encodeURIComponent(segment)).join('/')
}

function textOf(parent: Element, ns: string, name: string): string {
	const node = parent.getElementsByTagNameNS(ns, name)[0]
	return node?.textContent ?? ''
}

export class DavClient {
	readonly filesRoot: string
	private readonly fetch: Transport

	constructor(private readonly options: DavClientOptions) {
		this.filesRoot = `/remote.php/dav/files/${encodeURIComponent(options.user)}`
		this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis)
	}

	get user(): string {
		return this.options.user
	}

	private url(path: string): string {
		const clean = path.replace(/^\/+/, '')
		return `${this.options.baseUrl}${this.filesRoot}/${encodePath(clean)}`
	}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		return { ...authHeaders(this.options.auth), ...extra }
	}

	private async request(method: string, path: string, init: { headers?: Record<string, string>, body?: string } = {}): Promise<Response> {
		return this.requestUrl(method, this.url(path), init)
	}

	private async requestUrl(method: string, url: string, init: { headers?: Record<string, string>, body?: string } = {}): Promise<Response> {
		return this.fetch(url, {
			method,
			headers: this.headers(init.headers),
			body: init.body,
			credentials: 'same-origin',
			cache: 'no-store',
			signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
		})
	}

	/** PROPFIND depth 1: the folder itself (name '') and its children. */
	async list(path: string): Promise<DavEntry[]> {
		const response = await this.request('PROPFIND', path, { headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body: PROPFIND_BODY })
		if (response.status !== 207) {
			throw new DavError(response.status, 'PROPFIND', path)
		}
		return this.parseMultistatus(await response.text(), path)
	}

	/** PROPFIND depth 0. */
	async stat(path: string): Promise<DavEntry> {
		const response = await this.request('PROPFIND', path, { headers: { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' }, body: PROPFIND_BODY })
		if (response.status !== 207) {
			throw new DavError(response.status, 'PROPFIND', path)
		}
		return this.parseMultistatus(await response.text(), path)[0]
	}

	private parseMultistatus(xml: string, folder: string): DavEntry[] {
		const document = new this.options.DOMParser().parseFromString(xml, 'application/xml')
		// Compared by suffix: a Nextcloud installed under a sub-path prefixes every href.
		const folderHref = decodeURIComponent(`${this.filesRoot}/${folder.replace(/^\/+|\/+$/g, '')}`).replace(/\/+$/, '')
		const entries: DavEntry[] = []
		const responses = document.getElementsByTagNameNS(DAV_NS, 'response')
		for (let i = 0; i < responses.length; i++) {
			const response = responses[i]
			const href = decodeURIComponent(textOf(response, DAV_NS, 'href')).replace(/\/+$/, '')
			const name = href.endsWith(folderHref) ? '' : href.slice(href.lastIndexOf('/') + 1)
			// Only the 200 propstat holds values; the 404 one lists props the server lacks.
			const propstats = response.getElementsByTagNameNS(DAV_NS, 'propstat')
			let prop: Element | null = null
			for (let j = 0; j < propstats.length; j++) {
				if (/\s200\s/.test(textOf(propstats[j], DAV_NS, 'status'))) {
					prop = propstats[j].getElementsByTagNameNS(DAV_NS, 'prop')[0] ?? null
				}
			}
			if (!prop) {
				continue
			}
			const shareTypes: number[] = []
			const shareTypeNodes = prop.getElementsByTagNameNS(OC_NS, 'share-type')
			for (let j = 0; j < shareTypeNodes.length; j++) {
				shareTypes.push(Number(shareTypeNodes[j].textContent))
			}
			const fileId = textOf(prop, OC_NS, 'fileid')
			entries.push({
				name,
				isFolder: prop.getElementsByTagNameNS(DAV_NS, 'collection').length > 0,
				etag: textOf(prop, DAV_NS, 'getetag').replace(/^"|"$/g, ''),
				fileId: fileId ? Number(fileId) : null,
				permissions: textOf(prop, OC_NS, 'permissions'),
				size: Number(textOf(prop, OC_NS, 'size') || textOf(prop, DAV_NS, 'getcontentlength') || 0),
				lastModified: textOf(prop, DAV_NS, 'getlastmodified'),
				shareTypes,
				ownerId: textOf(prop, OC_NS, 'owner-id'),
				ownerDisplayName: textOf(prop, OC_NS, 'owner-display-name'),
			})
		}
		// The folder itself first, whatever order the server used.
		return entries.sort((a, b) => (a.name === '' ? -1 : b.name === '' ? 1 : 0))
	}

	/** GET as bytes (parsers check the encoding themselves). */
	async get(path: string): Promise<{ body: Uint8Array, etag: string }> {
		const response = await this.request('GET', path)
		if (response.status !== 200) {
			throw new DavError(response.status, 'GET', path)
		}
		const body = new Uint8Array(await response.arrayBuffer())
		return { body, etag: (response.headers.get('ETag') ?? '').replace(/^"|"$/g, '') }
	}

	/**
	 * PUT. `createOnly` sends `If-None-Match: *`; `ifMatch` sends `If-Match`.
	 * Returns the status (201 or 204) and the new ETag; a refused precondition
	 * comes back as status 412 rather than an exception, since callers decide.
	 */
	async put(path: string, body: string, conditions: { createOnly?: boolean, ifMatch?: string } = {}): Promise<{ status: number, etag: string }> {
		const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' }
		if (conditions.createOnly) {
			headers['If-None-Match'] = '*'
		}
		if (conditions.ifMatch) {
			headers['If-Match'] = `"${conditions.ifMatch}"`
		}
		const response = await this.request('PUT', path, { headers, body })
		if (response.status !== 201 && response.status !== 204 && response.status !== 412) {
			throw new DavError(response.status, 'PUT', path)
		}
		await response.body?.cancel()
		const etag = (response.headers.get('OC-ETag') ?? response.headers.get('ETag') ?? '').replace(/^"|"$/g, '')
		return { status: response.status, etag }
	}

	/** MKCOL; an existing folder (405) counts as success. */
	async createFolder(path: string): Promise<void> {
		const response = await this.request('MKCOL', path)
		await response.body?.cancel()
		if (response.status !== 201 && response.status !== 405) {
			throw new DavError(response.status, 'MKCOL', path)
		}
	}

	private versionsUrl(fileId: number, version?: string): string {
		return `${this.options.baseUrl}/remote.php/dav/versions/${encodeURIComponent(this.options.user)}/versions/${fileId}${version ? `/${encodeURIComponent(version)}` : ''}`
	}

	/**
	 * Nextcloud's older versions of a file (files_versions), newest first;
	 * none when the server keeps none for it (a federated mount, say).
	 */
	async listVersions(fileId: number): Promise<FileVersion[]> {
		const response = await this.requestUrl('PROPFIND', this.versionsUrl(fileId), { headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body: VERSIONS_PROPFIND_BODY })
		if (response.status === 404) {
			await response.body?.cancel()
			return []
		}
		if (response.status !== 207) {
			throw new DavError(response.status, 'PROPFIND', `versions/${fileId}`)
		}
		const document = new this.options.DOMParser().parseFromString(await response.text(), 'application/xml')
		const versions: FileVersion[] = []
		const responses = document.getElementsByTagNameNS(DAV_NS, 'response')
		for (let i = 0; i < responses.length; i++) {
			const href = decodeURIComponent(textOf(responses[i], DAV_NS, 'href')).replace(/\/+$/, '')
			const id = href.slice(href.lastIndexOf('/') + 1)
			if (href.endsWith(`/versions/${fileId}`) || !id) {
				continue
			}
			const modified = textOf(responses[i], DAV_NS, 'getlastmodified')
			versions.push({ fileId, id, lastModified: modified ? new Date(modified).toISOString() : '', author: textOf(responses[i], NC_NS, 'version-author'), label: textOf(responses[i], NC_NS, 'version-label') })
		}
		return versions.sort((a, b) => (a.lastModified < b.lastModified ? 1 : a.lastModified > b.lastModified ? -1 : 0))
	}

	/** The content of one version listed by listVersions(). */
	async getVersion(version: FileVersion): Promise<Uint8Array> {
		const response = await this.requestUrl('GET', this.versionsUrl(version.fileId, version.id))
		if (response.status !== 200) {
			throw new DavError(response.status, 'GET', `versions/${version.fileId}/${version.id}`)
		}
		return new Uint8Array(await response.arrayBuffer())
	}

	/** DELETE; a file already gone (404) counts as success. */
	async delete(path: string): Promise<void> {
		const response = await this.request('DELETE', path)
		await response.body?.cancel()
		if (response.status !== 204 && response.status !== 404) {
			throw new DavError(response.status, 'DELETE', path)
		}
	}
}
