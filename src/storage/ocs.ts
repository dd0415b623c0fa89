/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Nextcloud's OCS API (v2, JSON), with the same authentication as DavClient.
 * Sharing goes through Nextcloud's own share API: nothing of it is reimplemented.
 */

import type { DavAuth } from './dav.ts'
import type { Transport } from './transport.ts'

import { authHeaders } from './dav.ts'

export class OcsError extends Error {
	constructor(readonly status: number, readonly statusCode: number, message: string) {
		super(message)
		this.name = 'OcsError'
	}
}

export interface OcsClientOptions {
	baseUrl: string
	auth: DavAuth
	fetch?: Transport
}

/** Share types of Nextcloud's IShare. */
export const SHARE_TYPE = { user: 0, group: 1, link: 3, email: 4, federated: 6, team: 7 } as const
/** A federated cloud id as typed: `agent@cloud.mairie-b.fr`, with a port, a path or `http://` for a server without TLS. */
export const FEDERATED_CLOUD_ID = /^[^\s@]+@(?:https?:\/\/)?[^\s@/.:]+[.:][^\s@]*$/
/** Permission bits of a share. */
export const SHARE_PERMISSION = { read: 1, update: 2, create: 4, delete: 8, share: 16, all: 31 } as const

export interface Share {
	id: string
	share_type: number
	share_with: string
	share_with_displayname: string
	permissions: number
	path: string
	uid_owner: string
	displayname_owner?: string
	item_type: 'file' | 'folder'
	file_target: string
	uid_file_owner?: string
	/** Seconds since 1970. */
	stime?: number
	/** The shared node's file id. */
	item_source?: number | string
	mimetype?: string
	/** Federated shares: the secret the partner's server reads with. */
	token?: string | null
	can_edit?: boolean
	can_delete?: boolean
	/** 'shared' on the recipient's side. */
	'mount-type'?: string
	'is-mount-root'?: boolean
}

export interface RemoteShare {
	/** A number, or text when too large for one (Nextcloud 34). */
	id: number | string
	remote: string
	owner: string
	name: string
	mountpoint: string
	accepted: number | boolean
	permissions?: number
	file_id?: number | string
	/** 'dir' or 'file' once accepted; null on Nextcloud 34 until the share's folder has been read once in that session. */
	type?: string | null
}

/** One result of Nextcloud's sharee search: who a folder can be shared with, or a task assigned to. */
export interface Sharee {
	label: string
	shareType: number
	/** User id, group id, or federated cloud id. */
	shareWith: string
	/** Server of a federated cloud id. */
	server?: string
}

interface ShareeEntry {
	label: string
	value: { shareType: number, shareWith: string, server?: string }
}

type ShareeResult = Record<string, ShareeEntry[] | boolean> & { exact?: Record<string, ShareeEntry[]> }

export class OcsClient {
	private readonly fetch: Transport

	constructor(private readonly options: OcsClientOptions) {
		this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis)
	}

	async request<T>(method: string, path: string, params: Record<string, string | number> = {}): Promise<T> {
		const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}/ocs/v2.php/${path.replace(/^\/+/, '')}`)
		url.searchParams.set('format', 'json')
		const headers: Record<string, string> = { ...authHeaders(this.options.auth), 'OCS-APIRequest': 'true', Accept: 'application/json' }
		let body: string | undefined
		if (method === 'GET' || method === 'DELETE') {
			for (const [key, value] of Object.entries(params)) {
				url.searchParams.set(key, String(value))
			}
		} else {
			headers['Content-Type'] = 'application/json'
			body = JSON.stringify(params)
		}
		const response = await this.fetch(url, { method, headers, body, credentials: 'same-origin' })
		const text = await response.text()
		let payload: { ocs?: { meta?: { statuscode?: number, message?: string }, data?: T } }
		try {
			// Nextcloud 34 numbers shares beyond 2^53: keep such ids as text, exact.
			payload = JSON.parse(text.replace(/"(id|remote_id|parent|file_id|item_source|file_source|file_parent)":\s*(\d{16,})/g, '"$1":"$2"'))
		} catch {
			throw new OcsError(response.status, 0, `${method} ${path}: HTTP ${response.status}`)
		}
		const meta = payload.ocs?.meta
		if (!response.ok || (meta?.statuscode !== undefined && meta.statuscode >= 300)) {
			throw new OcsError(response.status, meta?.statuscode ?? 0, meta?.message || `${method} ${path}: HTTP ${response.status}`)
		}
		return payload.ocs?.data as T
	}

	createShare(path: string, shareType: number, shareWith: string, permissions: number): Promise<Share> {
		return this.request('POST', 'apps/files_sharing/api/v1/shares', { path, shareType, shareWith, permissions })
	}

	/** The shares of a path made by the user (and reshares). */
	sharesOf(path: string): Promise<Share[]> {
		return this.request('GET', 'apps/files_sharing/api/v1/shares', { path, reshares: 'true' })
	}

	/** Changes a share's permissions (read-only ↔ edit). */
	updateShare(id: string, permissions: number): Promise<Share> {
		return this.request('PUT', `apps/files_sharing/api/v1/shares/${id}`, { permissions })
	}

	/**
	 * Nextcloud's sharee search (`files_sharing/api/v1/sharees`): local users and
	 * groups, and a typed federated cloud id as a remote result. Exact matches first.
	 */
	async searchSharees(search: string, shareTypes: number[] = [SHARE_TYPE.user, SHARE_TYPE.group, SHARE_TYPE.federated], limit = 25): Promise<Sharee[]> {
		const url = `apps/files_sharing/api/v1/sharees?${shareTypes.map((type) => `shareType[]=${type}`).join('&')}`
		const data = await this.request<ShareeResult>('GET', url, { search, itemType: 'folder', perPage: limit, lookup: 'false' })
		const kinds = ['users', 'groups', 'remotes', 'remote_groups']
		const entries = [...kinds.flatMap((kind) => data.exact?.[kind] ?? []), ...kinds.flatMap((kind) => (Array.isArray(data[kind]) ? data[kind] : []))]
		const seen = new Set<string>()
		return entries
			.map((entry) => ({ label: entry.label, shareType: entry.value.shareType, shareWith: entry.value.shareWith, ...(entry.value.server ? { server: entry.value.server } : {}) }))
			.filter((sharee) => shareTypes.includes(sharee.shareType) && !seen.has(`${sharee.shareType}:${sharee.shareWith}`) && seen.add(`${sharee.shareType}:${sharee.shareWith}`))
	}

	/** One share, by id, as its owner or a recipient sees it. */
	async getShare(id: string): Promise<Share> {
		const [share] = await this.request<Share[]>('GET', `apps/files_sharing/api/v1/shares/${id}`)
		return share
	}

	deleteShare(id: string): Promise<unknown> {
		return this.request('DELETE', `apps/files_sharing/api/v1/shares/${id}`)
	}

	/** Internal shares with the user (users, groups, teams); federated ones come from remoteShares(). */
	sharedWithMe(): Promise<Share[]> {
		return this.request('GET', 'apps/files_sharing/api/v1/shares', { shared_with_me: 'true' })
	}

	pendingRemoteShares(): Promise<RemoteShare[]> {
		return this.request('GET', 'apps/files_sharing/api/v1/remote_shares/pending')
	}

	acceptRemoteShare(id: number | string): Promise<unknown> {
		return this.request('POST', `apps/files_sharing/api/v1/remote_shares/pending/${id}`)
	}

	declineRemoteShare(id: number | string): Promise<unknown> {
		return this.request('DELETE', `apps/files_sharing/api/v1/remote_shares/pending/${id}`)
	}

	remoteShares(): Promise<RemoteShare[]> {
		return this.request('GET', 'apps/files_sharing/api/v1/remote_shares')
	}
}
