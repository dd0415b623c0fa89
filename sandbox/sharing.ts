/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Sharing as Nextcloud 32 does it: the OCS share API (files_sharing
 * `shares`, `remote_shares`), shares mounted in the recipients' files, and
 * federation between two servers over OCM (`/index.php/ocm/shares`,
 * `/index.php/ocm/notifications`) with the owner's public WebDAV
 * (`/public.php/webdav`, the share token as login) serving the partner's reads
 * and writes. Shares live in `<dataDir>/.shares.json`.
 */

import type { SandboxUser } from './auth.ts'
import type { FsStore } from './fsStore.ts'
import type { FilesView, Mount, Owner } from './views.ts'

import { createHash, randomInt } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { PERMISSION, RemoteView, SubtreeView, UserFilesView } from './views.ts'

export const SHARE_TYPE = { user: 0, group: 1, federated: 6 } as const

/** A share made on this server. */
interface StoredShare {
	id: number
	shareType: number
	owner: string
	fileId: number
	itemType: 'file' | 'folder'
	shareWith: string
	permissions: number
	stime: number
	/** Federated shares: the secret the partner's server logs in with. */
	token: string | null
	/** Where each recipient finds it (`file_target`). */
	targets: Record<string, string>
}

/** A federated share received from another server (Nextcloud's oc_share_external). */
interface ExternalShare {
	id: number
	remote: string
	remoteId: string
	token: string
	/** `/Name` as the owner named it. */
	name: string
	owner: string
	ownerDisplayName: string
	user: string
	mountpoint: string | null
	accepted: boolean
}

interface SharesFile {
	nextId: number
	shares: StoredShare[]
	external: ExternalShare[]
}

/** An OCS failure: the status (404, 403, 400…) and Nextcloud's message. */
export class OcsFailure extends Error {
	constructor(readonly status: number, message: string) {
		super(message)
	}
}

/** Nextcloud's share tokens: 15 letters and digits. */
function newToken(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
	return Array.from({ length: 15 }, () => alphabet[randomInt(alphabet.length)]).join('')
}

/** `user@server` → the user and the server's URL (https unless the cloud id says otherwise), as Nextcloud's CloudIdManager reads it. */
export function parseCloudId(cloudId: string): { user: string, remote: string } | null {
	const at = cloudId.lastIndexOf('@')
	if (at <= 0 || at === cloudId.length - 1) {
		return null
	}
	const server = cloudId.slice(at + 1).replace(/\/+$/, '')
	return { user: cloudId.slice(0, at), remote: /^https?:\/\//.test(server) ? server : `https://${server}` }
}

/** A cloud id as Nextcloud writes it: the scheme only when it is not https. */
export function cloudIdOf(user: string, url: string): string {
	return `${user}@${url.replace(/^https:\/\//, '').replace(/\/+$/, '')}`
}

export interface SharingOptions {
	store: FsStore
	dataDir: string
	users: SandboxUser[]
	group: string
	/** This server's address, known once it listens. */
	selfUrl: () => string
}

/**
 * Nextcloud lets a user ask for 20 shares in 10 minutes, refused ones included
 * (ShareAPIController::createShare, #[UserRateLimit(limit: 20, period: 600)]), then answers 429.
 */
const SHARE_RATE_LIMIT = { limit: 20, periodMs: 600_000 }

export class Sharing {
	private readonly file: string
	private readonly data: SharesFile
	/** When each user last asked for shares, for the rate limit. */
	private readonly shareRequests = new Map<string, number[]>()

	constructor(private readonly options: SharingOptions) {
		this.file = join(options.dataDir, '.shares.json')
		this.data = existsSync(this.file) ? JSON.parse(readFileSync(this.file, 'utf8')) : { nextId: 1, shares: [], external: [] }
	}

	private save(): void {
		writeFileSync(this.file, JSON.stringify(this.data))
	}

	private user(id: string): Owner {
		return { id, displayName: this.options.users.find((u) => u.id === id)?.displayName ?? id }
	}

	private isMember(user: string): boolean {
		return this.options.users.some((u) => u.id === user)
	}

	shareTypesOf = (owner: string, fileId: number): number[] => {
		const types = this.data.shares.filter((s) => s.owner === owner && s.fileId === fileId).map((s) => s.shareType)
		return [...new Set(types)].sort((a, b) => a - b)
	}

	private ownerPath(share: StoredShare): string | null {
		return this.options.store.pathOfFileId(share.owner, share.fileId)
	}

	private home(user: string): FilesView {
		return new SubtreeView(this.options.store, this.user(user), '/', null, this.shareTypesOf, user)
	}

	private receivedBy(user: string): StoredShare[] {
		return this.data.shares.filter((s) => s.owner !== user && s.targets[user] !== undefined && this.ownerPath(s) !== null)
	}

	private mountsOf(user: string): Mount[] {
		const internal = this.receivedBy(user).map((share): Mount => ({
			mountpoint: share.targets[user],
			view: new SubtreeView(this.options.store, this.user(share.owner), this.ownerPath(share)!, share.permissions, this.shareTypesOf, user),
			unmount: async () => this.leave(share, user),
		}))
		const federated = this.data.external.filter((e) => e.user === user && e.accepted && e.mountpoint).map((external): Mount => ({
			mountpoint: external.mountpoint!,
			view: this.remoteView(external),
			unmount: () => this.removeExternal(external),
		}))
		return [...internal, ...federated]
	}

	private remoteView(external: ExternalShare): RemoteView {
		// Nextcloud 32 names the owner of federated files by display name and host, as measured: `Alice Martin@127.0.0.1:8090`.
		const owner = `${external.ownerDisplayName}@${external.remote.replace(/^https?:\/\//, '')}`
		return new RemoteView(this.options.store, external.remote, external.token, { id: owner, displayName: owner }, `.federated-${external.id}`)
	}

	/** What `user` sees in their files. */
	viewOf(user: string): FilesView {
		return new UserFilesView(this.home(user), () => this.mountsOf(user), () => this.dropOrphans())
	}

	/** Shares whose folder its owner deleted end, and partners are told, as Nextcloud does. */
	private async dropOrphans(): Promise<void> {
		const orphans = this.data.shares.filter((s) => this.ownerPath(s) === null)
		if (orphans.length === 0) {
			return
		}
		this.data.shares = this.data.shares.filter((s) => !orphans.includes(s))
		this.save()
		await Promise.all(orphans.filter((s) => s.shareType === SHARE_TYPE.federated).map((s) => this.notify(parseCloudId(s.shareWith)!.remote, 'SHARE_UNSHARED', String(s.id), s.token!)))
	}

	/** Where a file id is in the files `user` can reach on this server: their own, or an owner's shared with them. */
	locateFileId(user: string, fileId: number): { owner: string, path: string } | null {
		const own = this.options.store.pathOfFileId(user, fileId)
		if (own) {
			return { owner: user, path: own }
		}
		for (const share of this.receivedBy(user)) {
			const path = this.options.store.pathOfFileId(share.owner, fileId)
			const base = this.ownerPath(share)!
			if (path && (path === base || path.startsWith(`${base}/`))) {
				return { owner: share.owner, path }
			}
		}
		return null
	}

	/** The shared folder a partner's server reaches with a federated share's token, with the share's permissions. */
	publicView(token: string): FilesView | null {
		const share = this.data.shares.find((s) => s.token === token && s.shareType === SHARE_TYPE.federated)
		const path = share && this.ownerPath(share)
		return share && path ? new SubtreeView(this.options.store, this.user(share.owner), path, share.permissions, this.shareTypesOf, share.owner) : null
	}

	/** `/Name`, or `/Name (2)`… when the recipient already has something of that name, as Nextcloud picks a share's target. */
	private async uniqueTarget(user: string, name: string): Promise<string> {
		const view = this.viewOf(user)
		const dot = name.lastIndexOf('.')
		const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
		for (let n = 1; ; n++) {
			const candidate = `/${n === 1 ? name : `${stem} (${n})${extension}`}`
			if (!(await view.info(candidate))) {
				return candidate
			}
		}
	}

	/** A recipient removing a share from their files: gone for them, still listed by its owner (Nextcloud's deleteFromSelf). */
	private leave(share: StoredShare, user: string): void {
		delete share.targets[user]
		this.save()
	}

	private async removeExternal(external: ExternalShare): Promise<void> {
		this.data.external = this.data.external.filter((e) => e !== external)
		this.save()
		await this.notify(external.remote, 'SHARE_DECLINED', external.remoteId, external.token)
	}

	/** An OCM notification to a partner's server; one that does not answer misses it, as with Nextcloud (no retry here). */
	private async notify(remote: string, notificationType: string, providerId: string, sharedSecret: string): Promise<void> {
		await fetch(`${remote}/index.php/ocm/notifications`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ notificationType, resourceType: 'file', providerId, notification: { sharedSecret, message: notificationType } }),
			signal: AbortSignal.timeout(5000),
		}).then((response) => response.arrayBuffer(), () => undefined)
	}

	// --- OCS: files_sharing/api/v1/shares ---

	/** ShareAPIController::formatShare, as `viewer` sees the share. */
	private async format(share: StoredShare, viewer: string, justCreated = false): Promise<Record<string, unknown>> {
		const { store } = this.options
		const ownPath = this.ownerPath(share)!
		const isOwner = viewer === share.owner
		const path = isOwner ? ownPath : share.targets[viewer] ?? ownPath
		const node = (await store.info(share.owner, ownPath))!
		const parentId = isOwner ? (await store.info(share.owner, posix.dirname(ownPath)))!.fileId : (await store.info(viewer, '/'))!.fileId
		const owner = this.user(share.owner)
		const result: Record<string, unknown> = {
			id: String(share.id),
			share_type: share.shareType,
			uid_owner: share.owner,
			displayname_owner: owner.displayName,
			permissions: share.permissions,
			can_edit: isOwner,
			// The recipient of a user share may unshare it from themself (canDeleteShare).
			can_delete: isOwner || (share.shareType === SHARE_TYPE.user && share.shareWith === viewer),
			stime: share.stime,
			parent: null,
			expiration: null,
			token: null,
			uid_file_owner: share.owner,
			note: '',
			label: '',
			displayname_file_owner: owner.displayName,
			path,
			item_type: share.itemType,
			item_permissions: isOwner ? (share.itemType === 'folder' ? PERMISSION.all : PERMISSION.all & ~PERMISSION.create) : share.permissions | PERMISSION.delete,
			'is-mount-root': !isOwner,
			'mount-type': isOwner ? '' : 'shared',
			mimetype: share.itemType === 'folder' ? 'httpd/unix-directory' : 'application/octet-stream',
			has_preview: false,
			storage_id: isOwner ? `home::${share.owner}` : `shared::${createHash('md5').update(String(share.id)).digest('hex')}`,
			storage: this.options.users.findIndex((u) => u.id === share.owner) + 1,
			item_source: node.fileId,
			file_source: node.fileId,
			file_parent: parentId,
			// A federated share has no target on this server: Nextcloud lists it as '', but answers its creation with the name.
			file_target: share.shareType === SHARE_TYPE.federated && !justCreated ? '' : share.targets[viewer] ?? `/${node.name}`,
			item_size: node.size,
			item_mtime: Math.floor(node.mtime.getTime() / 1000),
		}
		if (share.shareType === SHARE_TYPE.user) {
			Object.assign(result, { share_with: share.shareWith, share_with_displayname: this.user(share.shareWith).displayName, share_with_displayname_unique: share.shareWith })
		} else if (share.shareType === SHARE_TYPE.group) {
			Object.assign(result, { share_with: share.shareWith, share_with_displayname: share.shareWith })
		} else {
			// No trusted servers in the sandbox: a partner answers every share itself.
			Object.assign(result, { is_trusted_server: false, share_with: share.shareWith, share_with_displayname: '', token: share.token })
		}
		return Object.assign(result, { mail_send: 0, hide_download: 0, attributes: null })
	}

	private find(id: string, viewer: string): StoredShare {
		const share = this.data.shares.find((s) => String(s.id) === id && this.ownerPath(s) !== null)
		if (!share || (share.owner !== viewer && share.targets[viewer] === undefined)) {
			throw new OcsFailure(404, 'Wrong share ID, share does not exist')
		}
		return share
	}

	private countShareRequest(user: string): void {
		const now = Date.now()
		const recent = (this.shareRequests.get(user) ?? []).filter((at) => now - at < SHARE_RATE_LIMIT.periodMs)
		if (recent.length >= SHARE_RATE_LIMIT.limit) {
			throw new OcsFailure(429, '')
		}
		this.shareRequests.set(user, [...recent, now])
	}

	async createShare(user: string, params: Record<string, string>): Promise<unknown> {
		this.countShareRequest(user)
		const { path, shareWith } = params
		if (!path) {
			throw new OcsFailure(404, 'Please specify a file or folder path')
		}
		const node = await this.viewOf(user).info(path)
		if (!node) {
			throw new OcsFailure(404, 'Wrong path, file/folder does not exist')
		}
		const shareType = params.shareType === undefined ? -1 : Number(params.shareType)
		let permissions = (params.permissions === undefined ? PERMISSION.all : Number(params.permissions)) | PERMISSION.read
		if (!node.isFolder) {
			permissions &= ~(PERMISSION.delete | PERMISSION.create)
		}
		// Share::generalCreateChecks: a node shared with the user without the right to share it further.
		if (node.ownerId !== user && !node.permissions.includes('R')) {
			throw new OcsFailure(404, `You are not allowed to share ${node.name}`)
		}
		if (node.ownerId !== user) {
			throw new OcsFailure(403, 'Resharing is not emulated by the sandbox')
		}
		if (node.path === '/') {
			throw new OcsFailure(403, 'You cannot share your root folder')
		}
		const share: StoredShare = { id: 0, shareType, owner: user, fileId: node.fileId, itemType: node.isFolder ? 'folder' : 'file', shareWith: shareWith ?? '', permissions, stime: Math.floor(Date.now() / 1000), token: null, targets: {} }
		const already = (display: string) => new OcsFailure(403, `Sharing ${node.name} failed, because this item is already shared with the account ${display}`)
		const existing = this.data.shares.filter((s) => s.owner === user && s.fileId === node.fileId && s.shareType === shareType)
		if (shareType === SHARE_TYPE.user) {
			if (!shareWith || !this.isMember(shareWith)) {
				throw new OcsFailure(404, 'Please specify a valid account to share with')
			}
			if (shareWith === user) {
				throw new OcsFailure(403, 'Cannot share with yourself')
			}
			if (existing.some((s) => s.shareWith === shareWith)) {
				throw already(this.user(shareWith).displayName)
			}
			share.targets[shareWith] = await this.uniqueTarget(shareWith, node.name)
		} else if (shareType === SHARE_TYPE.group) {
			if (!shareWith || shareWith !== this.options.group) {
				throw new OcsFailure(404, 'Please specify a valid group')
			}
			if (existing.some((s) => s.shareWith === shareWith)) {
				throw new OcsFailure(403, `Sharing ${node.name} failed, because this item is already shared with the group ${shareWith}`)
			}
			for (const member of this.options.users.filter((u) => u.id !== user)) {
				share.targets[member.id] = await this.uniqueTarget(member.id, node.name)
			}
		} else if (shareType === SHARE_TYPE.federated) {
			if (!shareWith) {
				throw new OcsFailure(404, 'Please specify a valid federated account ID')
			}
			const recipient = parseCloudId(shareWith)
			if (!recipient) {
				throw new OcsFailure(400, 'Invalid Federated Cloud ID')
			}
			if (existing.some((s) => s.shareWith === shareWith)) {
				throw already(shareWith)
			}
			share.token = newToken()
		} else {
			throw new OcsFailure(400, 'Unknown share type')
		}
		share.id = this.data.nextId++
		this.data.shares.push(share)
		this.save()
		if (shareType === SHARE_TYPE.federated && !(await this.sendToPartner(share, node.name))) {
			this.data.shares = this.data.shares.filter((s) => s !== share)
			this.save()
			// Nextcloud logs the provider's reason ("could not find …, maybe the server is currently unreachable…") and answers:
			throw new OcsFailure(403, 'Failed to create share.')
		}
		return this.format(share, user, true)
	}

	/** The OCM share request to the recipient's server; false when it does not take it. */
	private async sendToPartner(share: StoredShare, name: string): Promise<boolean> {
		const recipient = parseCloudId(share.shareWith)!
		const self = this.options.selfUrl()
		const owner = this.user(share.owner)
		const body = {
			shareWith: share.shareWith,
			name,
			description: '',
			providerId: String(share.id),
			owner: cloudIdOf(owner.id, self),
			ownerDisplayName: owner.displayName,
			sender: cloudIdOf(owner.id, self),
			senderDisplayName: owner.displayName,
			shareType: 'user',
			resourceType: 'file',
			protocol: { name: 'webdav', options: { sharedSecret: share.token, permissions: '{http://open-cloud-mesh.org/ns}share-permissions' } },
		}
		try {
			const response = await fetch(`${recipient.remote}/index.php/ocm/shares`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10000) })
			await response.arrayBuffer()
			return response.status === 201
		} catch {
			return false
		}
	}

	async listShares(user: string, params: Record<string, string>): Promise<unknown> {
		let fileId: number | null = null
		let folderChildren: number[] | null = null
		if (params.path) {
			const node = await this.viewOf(user).info(params.path)
			if (!node) {
				throw new OcsFailure(404, 'Wrong path, file/folder does not exist')
			}
			fileId = node.fileId
			if (params.subfiles === 'true') {
				if (!node.isFolder) {
					throw new OcsFailure(400, 'Not a directory')
				}
				folderChildren = (await this.viewOf(user).children(params.path)).map((child) => child.fileId)
			}
		}
		let shares: StoredShare[]
		if (params.shared_with_me === 'true') {
			// Internal shares only: federated ones are in remote_shares.
			shares = this.receivedBy(user).filter((s) => fileId === null || s.fileId === fileId)
		} else {
			shares = this.data.shares.filter((s) => s.owner === user && this.ownerPath(s) !== null)
			if (folderChildren) {
				shares = shares.filter((s) => folderChildren.includes(s.fileId))
			} else if (fileId !== null) {
				shares = shares.filter((s) => s.fileId === fileId)
			}
		}
		return Promise.all(shares.map((s) => this.format(s, user)))
	}

	async getShare(user: string, id: string): Promise<unknown> {
		return [await this.format(this.find(id, user), user)]
	}

	async updateShare(user: string, id: string, params: Record<string, string>): Promise<unknown> {
		const share = this.find(id, user)
		if (share.owner !== user) {
			throw new OcsFailure(403, 'You are not allowed to edit incoming shares')
		}
		if (params.permissions !== undefined) {
			const permissions = Number(params.permissions)
			if (!Number.isInteger(permissions) || permissions < 0 || permissions > PERMISSION.all) {
				throw new OcsFailure(400, 'Invalid permissions')
			}
			if (!(permissions & PERMISSION.read)) {
				throw new OcsFailure(400, 'Share must at least have READ or CREATE permissions')
			}
			share.permissions = share.itemType === 'file' ? permissions & ~(PERMISSION.delete | PERMISSION.create) : permissions
			this.save()
		}
		return this.format(share, user)
	}

	async deleteShare(user: string, id: string): Promise<unknown> {
		const share = this.find(id, user)
		if (share.owner !== user) {
			this.leave(share, user)
			return []
		}
		this.data.shares = this.data.shares.filter((s) => s !== share)
		this.save()
		if (share.shareType === SHARE_TYPE.federated) {
			await this.notify(parseCloudId(share.shareWith)!.remote, 'SHARE_UNSHARED', String(share.id), share.token!)
		}
		return []
	}

	// --- OCS: files_sharing/api/v1/remote_shares ---

	/** An entry of oc_share_external as RemoteController gives it, with the mounted folder's details once accepted (none while the owner's server is away). */
	private async formatExternal(external: ExternalShare): Promise<Record<string, unknown>> {
		const entry: Record<string, unknown> = {
			id: external.id,
			parent: -1,
			share_type: SHARE_TYPE.user,
			remote: `${external.remote}/`,
			remote_id: external.remoteId,
			share_token: external.token,
			name: external.name,
			owner: external.owner,
			user: external.user,
			mountpoint: external.mountpoint ?? `{{TemporaryMountPointName#${external.name}}}`,
			accepted: external.accepted ? 1 : 0,
		}
		if (!external.accepted) {
			return entry
		}
		const root = await this.remoteView(external).info('/').catch(() => null)
		if (root) {
			Object.assign(entry, {
				mimetype: root.isFolder ? 'httpd/unix-directory' : 'application/octet-stream',
				mtime: Math.floor(root.mtime.getTime() / 1000),
				// The mount root's permissions as the owner's server gives them now: the share's, plus unshare and reshare (measured: 1 lists 25, 15 lists 31).
				permissions: permissionBits(root.permissions),
				type: root.isFolder ? 'dir' : 'file',
				file_id: root.fileId,
			})
		}
		return entry
	}

	private external(user: string, id: string, accepted: boolean): ExternalShare {
		const found = this.data.external.find((e) => String(e.id) === id && e.user === user && e.accepted === accepted)
		if (!found) {
			throw new OcsFailure(404, 'Wrong share ID, share does not exist')
		}
		return found
	}

	remoteShares(user: string): Promise<unknown> {
		return Promise.all(this.data.external.filter((e) => e.user === user && e.accepted).map((e) => this.formatExternal(e)))
	}

	pendingRemoteShares(user: string): Promise<unknown> {
		return Promise.all(this.data.external.filter((e) => e.user === user && !e.accepted).map((e) => this.formatExternal(e)))
	}

	async acceptRemoteShare(user: string, id: string): Promise<unknown> {
		const external = this.external(user, id, false)
		external.mountpoint = await this.uniqueTarget(user, external.name.replace(/^\//, ''))
		external.accepted = true
		this.save()
		await this.notify(external.remote, 'SHARE_ACCEPTED', external.remoteId, external.token)
		return []
	}

	async declineRemoteShare(user: string, id: string): Promise<unknown> {
		await this.removeExternal(this.external(user, id, false))
		return []
	}

	async getRemoteShare(user: string, id: string): Promise<unknown> {
		return this.formatExternal(this.external(user, id, true))
	}

	async unshareRemote(user: string, id: string): Promise<unknown> {
		await this.removeExternal(this.external(user, id, true))
		return []
	}

	// --- OCM, between servers ---

	/** `POST /index.php/ocm/shares`: a partner's server shares something with one of our users; it waits for their answer. */
	receiveShare(body: Record<string, unknown>): { status: number, body: unknown } {
		const recipient = parseCloudId(String(body.shareWith ?? ''))
		const owner = parseCloudId(String(body.owner ?? ''))
		const options = (body.protocol as { options?: Record<string, unknown> } | undefined)?.options ?? {}
		if (!recipient || !owner || typeof options.sharedSecret !== 'string' || typeof body.name !== 'string') {
			return { status: 400, body: { message: 'Missing arguments', validationErrors: [] } }
		}
		if (!this.isMember(recipient.user)) {
			return { status: 400, body: { message: 'User does not exist', validationErrors: [] } }
		}
		this.data.external.push({
			id: this.data.nextId++,
			remote: owner.remote,
			remoteId: String(body.providerId),
			token: options.sharedSecret,
			name: `/${body.name}`,
			owner: owner.user,
			ownerDisplayName: String(body.ownerDisplayName ?? owner.user),
			user: recipient.user,
			mountpoint: null,
			accepted: false,
		})
		this.save()
		return { status: 201, body: { recipientDisplayName: this.user(recipient.user).displayName } }
	}

	/** `POST /index.php/ocm/notifications`: the owner unshared (we drop the mount), or the recipient declined (we drop the share). */
	receiveNotification(body: Record<string, unknown>): { status: number, body: unknown } {
		const secret = (body.notification as { sharedSecret?: string } | undefined)?.sharedSecret
		const type = body.notificationType
		if (type === 'SHARE_UNSHARED') {
			this.data.external = this.data.external.filter((e) => !(e.token === secret && e.remoteId === String(body.providerId)))
		} else if (type === 'SHARE_DECLINED') {
			this.data.shares = this.data.shares.filter((s) => !(s.token === secret && String(s.id) === String(body.providerId)))
		} else if (type !== 'SHARE_ACCEPTED') {
			return { status: 501, body: { message: `Notification of type ${String(type)} is not supported` } }
		}
		this.save()
		return { status: 201, body: {} }
	}
}

/** The permission bits `oc:permissions` letters stand for. */
function permissionBits(letters: string): number {
	let bits = letters.includes('G') ? PERMISSION.read : 0
	if (letters.includes('NV') || letters.includes('W')) {
		bits |= PERMISSION.update
	}
	if (letters.includes('CK')) {
		bits |= PERMISSION.create
	}
	if (letters.includes('D')) {
		bits |= PERMISSION.delete
	}
	if (letters.includes('R')) {
		bits |= PERMISSION.share
	}
	return bits
}
