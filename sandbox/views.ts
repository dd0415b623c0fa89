/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What a user sees under /remote.php/dav/files/<user>/: their own files, and
 * the folders others shared with them mounted at the root, as Nextcloud mounts
 * shares. An internal share reads and writes the owner's files with the
 * share's permissions; a federated one forwards every request to the owner's
 * server, through its public WebDAV and the share's token, as Nextcloud's
 * federated storage does.
 */

import type { FsStore, NodeInfo } from './fsStore.ts'

import { posix } from 'node:path'
import { normalise } from './fsStore.ts'

/** A node as one user sees it. */
export interface ViewNode extends NodeInfo {
	/** `oc:permissions` letters. */
	permissions: string
	ownerId: string
	ownerDisplayName: string
	/** How the owner shared this node (`oc:share-types`). */
	shareTypes: number[]
	/** `nc:mount-type`: '' in one's own files, 'shared' in a share received (internal or federated). */
	mountType: '' | 'shared'
}

/** A failure to answer with this status and Sabre error message. */
export class DavStatusError extends Error {
	constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
		super(message)
	}
}

/** Nextcloud's permission bits (OCP\Constants). */
export const PERMISSION = { read: 1, update: 2, create: 4, delete: 8, share: 16, all: 31 } as const

/**
 * `oc:permissions` as FilesPlugin writes them: S shared with the user,
 * R reshare, G read, D delete, NV rename/move, W write (files), CK create
 * (folders). The root of a mounted share can always be deleted (unshared) by
 * its recipient; the listing of the folder it is in also says it can be
 * renamed (measured: `SGDNV` there, `SGD` on the root itself, for a read-only
 * share).
 */
export function davPermissions(bits: number, isFolder: boolean, shared: boolean, mountRoot = false, listedInParent = false): string {
	let letters = shared ? 'S' : ''
	if (bits & PERMISSION.share) {
		letters += 'R'
	}
	letters += 'G'
	if (bits & PERMISSION.delete || mountRoot) {
		letters += 'D'
	}
	if (bits & PERMISSION.update || listedInParent) {
		letters += 'NV'
	}
	if (!isFolder && bits & PERMISSION.update) {
		letters += 'W'
	}
	if (isFolder && bits & PERMISSION.create) {
		letters += 'CK'
	}
	return letters
}

export interface FilesView {
	info(path: string): Promise<ViewNode | null>
	children(path: string): Promise<ViewNode[]>
	read(path: string): Promise<Buffer>
	/** `mtime` (seconds): X-OC-MTime, applied after the write as Nextcloud does. */
	write(path: string, body: Buffer, mtime?: number): Promise<void>
	makeFolder(path: string): Promise<void>
	remove(path: string): Promise<void>
	move(from: string, to: string): Promise<void>
	copy(from: ViewNode, to: string): Promise<void>
}

/** Everything below `node` down to `depth` levels, each folder followed by its contents (Sabre's order). */
export async function descendants(view: FilesView, node: ViewNode, depth: number): Promise<ViewNode[]> {
	if (!node.isFolder || depth <= 0) {
		return []
	}
	const found: ViewNode[] = []
	for (const child of await view.children(node.path)) {
		found.push(child, ...await descendants(view, child, depth - 1))
	}
	return found
}

const join = (base: string, path: string) => normalise(`${base}/${path}`)

export interface Owner {
	id: string
	displayName: string
}

/**
 * A folder of someone's files seen as a tree of its own: the owner's whole
 * home (`shareBits` null: the owner's full rights), or a shared folder with the
 * share's permission bits.
 */
export class SubtreeView implements FilesView {
	constructor(
		private readonly store: FsStore,
		private readonly owner: Owner,
		private readonly base: string,
		private readonly shareBits: number | null,
		private readonly shareTypesOf: (owner: string, fileId: number) => number[],
		/** Who writes through this view: the author of the versions it makes. */
		private readonly writer: string,
	) {}

	private toView(node: NodeInfo): ViewNode {
		const path = normalise(node.path.slice(this.base === '/' ? 0 : this.base.length))
		const own = this.shareBits === null
		// A file can never be shared with the right to create in it.
		const bits = own ? (node.isFolder ? PERMISSION.all : PERMISSION.all & ~PERMISSION.create) : this.shareBits! & (node.isFolder ? PERMISSION.all : ~PERMISSION.create)
		return {
			...node,
			path,
			name: path === '/' ? node.name : posix.basename(path),
			permissions: davPermissions(bits, node.isFolder, !own, !own && path === '/'),
			ownerId: this.owner.id,
			ownerDisplayName: this.owner.displayName,
			shareTypes: own ? this.shareTypesOf(this.owner.id, node.fileId) : [],
			mountType: own ? '' : 'shared',
		}
	}

	async info(path: string): Promise<ViewNode | null> {
		const node = await this.store.info(this.owner.id, join(this.base, path))
		return node && this.toView(node)
	}

	async children(path: string): Promise<ViewNode[]> {
		return (await this.store.children(this.owner.id, join(this.base, path))).map((node) => this.toView(node))
	}

	read(path: string): Promise<Buffer> {
		return this.store.read(this.owner.id, join(this.base, path))
	}

	write(path: string, body: Buffer, mtime?: number): Promise<void> {
		return this.store.write(this.owner.id, join(this.base, path), body, this.writer, mtime)
	}

	makeFolder(path: string): Promise<void> {
		return this.store.makeFolder(this.owner.id, join(this.base, path))
	}

	remove(path: string): Promise<void> {
		return this.store.remove(this.owner.id, join(this.base, path))
	}

	move(from: string, to: string): Promise<void> {
		return this.store.move(this.owner.id, join(this.base, from), join(this.base, to))
	}

	copy(from: ViewNode, to: string): Promise<void> {
		return this.store.copy(this.owner.id, { ...from, path: join(this.base, from.path) }, join(this.base, to))
	}
}

/** The message Nextcloud's federated storage gives when the owner's server does not answer. */
export const REMOTE_UNAVAILABLE = 'Storage is temporarily not available'

const PROPFIND_BODY = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop><d:getetag/><d:getlastmodified/><d:resourcetype/><oc:size/><oc:permissions/></d:prop></d:propfind>'

function textOf(xml: string, tag: string): string | null {
	const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)
	return match ? match[1] : null
}

const encodePath = (path: string) => normalise(path).split('/').map(encodeURIComponent).join('/')

/**
 * A federated share on the recipient's side: every request goes to the
 * owner's server (`public.php/webdav` with the share token as login), as
 * Nextcloud's OCA\Files_Sharing\External\Storage does. Preconditions are
 * checked by the caller against what this view reports, and the write is
 * forwarded without them: Nextcloud's federated hazard.
 */
export class RemoteView implements FilesView {
	constructor(
		private readonly store: FsStore,
		private readonly remote: string,
		private readonly token: string,
		private readonly owner: Owner,
		/** Key of this mount in the recipient's file cache, for local file ids. */
		private readonly cacheKey: string,
	) {}

	private async request(method: string, path: string, init: { body?: Uint8Array | string, headers?: Record<string, string> } = {}): Promise<Response> {
		try {
			return await fetch(`${this.remote}/public.php/webdav${encodePath(path)}`, {
				method,
				body: init.body as BodyInit | undefined,
				headers: { Authorization: `Basic ${Buffer.from(`${this.token}:`).toString('base64')}`, ...init.headers },
				redirect: 'manual',
			})
		} catch {
			throw new DavStatusError(503, REMOTE_UNAVAILABLE)
		}
	}

	/** Passes the owner's refusal on, with its status and message. */
	private async fail(response: Response, statusOverride?: number): Promise<never> {
		const body = await response.text()
		throw new DavStatusError(statusOverride ?? response.status, textOf(body, 's:message') ?? `HTTP ${response.status}`)
	}

	private async propfind(path: string, depth: 0 | 1): Promise<ViewNode[] | null> {
		const response = await this.request('PROPFIND', path, { body: PROPFIND_BODY, headers: { Depth: String(depth), 'Content-Type': 'application/xml' } })
		if (response.status === 404) {
			return null
		}
		if (response.status !== 207) {
			return this.fail(response)
		}
		const xml = await response.text()
		return [...xml.matchAll(/<d:response>([\s\S]*?)<\/d:response>/g)].map(([, block]) => {
			const href = decodeURIComponent(textOf(block, 'd:href') ?? '')
			const nodePath = normalise(href.replace(/^\/public\.php\/webdav/, ''))
			const isFolder = block.includes('<d:collection/>')
			return {
				path: nodePath,
				name: posix.basename(nodePath),
				isFolder,
				size: Number(textOf(block, 'oc:size') ?? 0),
				mtime: new Date(textOf(block, 'd:getlastmodified') ?? 0),
				fileId: this.store.entry(this.cacheKey, nodePath, isFolder).fileId,
				etag: (textOf(block, 'd:getetag') ?? '').replace(/&quot;|"/g, ''),
				// A federated mount can always be reshared (measured: a share with 15 shows SRGDNVCK, SRGDNVW inside).
				permissions: (textOf(block, 'oc:permissions') ?? 'SG').replace(/^S?R?/, 'SR'),
				ownerId: this.owner.id,
				ownerDisplayName: this.owner.displayName,
				shareTypes: [],
				mountType: 'shared' as const,
			}
		})
	}

	async info(path: string): Promise<ViewNode | null> {
		return (await this.propfind(path, 0))?.[0] ?? null
	}

	async children(path: string): Promise<ViewNode[]> {
		return (await this.propfind(path, 1))?.slice(1) ?? []
	}

	async read(path: string): Promise<Buffer> {
		const response = await this.request('GET', path)
		if (!response.ok) {
			return this.fail(response)
		}
		return Buffer.from(await response.arrayBuffer())
	}

	async write(path: string, body: Buffer, mtime?: number): Promise<void> {
		const response = await this.request('PUT', path, { body, headers: mtime === undefined ? {} : { 'X-OC-MTime': String(mtime) } })
		// The owner's 423 reaches the partner as a 500, as measured on Nextcloud 32.
		if (!response.ok) {
			return this.fail(response, response.status === 423 ? 500 : undefined)
		}
		await response.arrayBuffer()
	}

	async makeFolder(path: string): Promise<void> {
		const response = await this.request('MKCOL', path)
		if (!response.ok) {
			return this.fail(response)
		}
		await response.arrayBuffer()
	}

	async remove(path: string): Promise<void> {
		const response = await this.request('DELETE', path)
		if (!response.ok) {
			return this.fail(response)
		}
		await response.arrayBuffer()
	}

	private async transfer(method: 'MOVE' | 'COPY', from: string, to: string): Promise<void> {
		const response = await this.request(method, from, { headers: { Destination: `${this.remote}/public.php/webdav${encodePath(to)}` } })
		if (!response.ok) {
			return this.fail(response)
		}
		await response.arrayBuffer()
	}

	move(from: string, to: string): Promise<void> {
		return this.transfer('MOVE', from, to)
	}

	copy(from: ViewNode, to: string): Promise<void> {
		return this.transfer('COPY', from.path, to)
	}
}

/** A tree mounted in a user's files at `mountpoint` (a top-level path such as `/Saint-Exemple`). */
export interface Mount {
	mountpoint: string
	view: FilesView
	/** Removes the mount for this user (the recipient deleting a share's root). */
	unmount(): Promise<void>
}

/** A user's files: their home, with the mounts of the shares they received. */
export class UserFilesView implements FilesView {
	constructor(
		private readonly home: FilesView,
		private readonly mounts: () => Mount[],
		/** Told after something is deleted, so that shares of it end. */
		private readonly afterRemove: () => Promise<void> = async () => {},
	) {}

	private locate(path: string): { view: FilesView, sub: string, mount: Mount | null } {
		const normalised = normalise(path)
		for (const mount of this.mounts()) {
			if (normalised === mount.mountpoint || normalised.startsWith(`${mount.mountpoint}/`)) {
				return { view: mount.view, sub: normalise(normalised.slice(mount.mountpoint.length)), mount }
			}
		}
		return { view: this.home, sub: normalised, mount: null }
	}

	private static place(node: ViewNode, mount: Mount | null): ViewNode {
		if (!mount) {
			return node
		}
		const path = normalise(`${mount.mountpoint}/${node.path}`)
		return { ...node, path, name: posix.basename(path) }
	}

	/** A mount's root as the listing of its parent shows it: renamable. */
	private static listedRoot(root: ViewNode, mount: Mount): ViewNode {
		const permissions = root.permissions.includes('NV') ? root.permissions : root.permissions.replace(/D/, 'DNV')
		return { ...UserFilesView.place(root, mount), permissions }
	}

	async info(path: string): Promise<ViewNode | null> {
		const { view, sub, mount } = this.locate(path)
		const node = await view.info(sub)
		return node && UserFilesView.place(node, mount)
	}

	async children(path: string): Promise<ViewNode[]> {
		const { view, sub, mount } = this.locate(path)
		const found = (await view.children(sub)).map((node) => UserFilesView.place(node, mount))
		const here = normalise(path)
		for (const inner of this.mounts().filter((m) => posix.dirname(m.mountpoint) === here)) {
			// A partner's server that does not answer hides its share, as Nextcloud leaves out unavailable storages.
			const root = await inner.view.info('/').catch(() => null)
			if (root) {
				found.push(UserFilesView.listedRoot(root, inner))
			}
		}
		return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
	}

	read(path: string): Promise<Buffer> {
		const { view, sub } = this.locate(path)
		return view.read(sub)
	}

	write(path: string, body: Buffer, mtime?: number): Promise<void> {
		const { view, sub } = this.locate(path)
		return view.write(sub, body, mtime)
	}

	makeFolder(path: string): Promise<void> {
		const { view, sub } = this.locate(path)
		return view.makeFolder(sub)
	}

	async remove(path: string): Promise<void> {
		const { view, sub, mount } = this.locate(path)
		if (mount && sub === '/') {
			return mount.unmount()
		}
		await view.remove(sub)
		await this.afterRemove()
	}

	async move(from: string, to: string): Promise<void> {
		const source = this.locate(from)
		const target = this.locate(to)
		if (source.mount && source.sub === '/') {
			throw new DavStatusError(403, 'Moving a share\'s mount point is not emulated by the sandbox')
		}
		if (source.view === target.view) {
			return source.view.move(source.sub, target.sub)
		}
		const node = (await source.view.info(source.sub))!
		await copyAcross(source.view, node, target.view, target.sub)
		await source.view.remove(source.sub)
	}

	async copy(from: ViewNode, to: string): Promise<void> {
		const source = this.locate(from.path)
		const target = this.locate(to)
		const node = (await source.view.info(source.sub))!
		if (source.view === target.view) {
			return source.view.copy(node, target.sub)
		}
		await copyAcross(source.view, node, target.view, target.sub)
	}
}

/** A copy between two storages (home and a share): what Nextcloud does with a read and a write per file. */
async function copyAcross(from: FilesView, node: ViewNode, to: FilesView, target: string): Promise<void> {
	if (!node.isFolder) {
		return to.write(target, await from.read(node.path))
	}
	await to.makeFolder(target)
	for (const child of await from.children(node.path)) {
		await copyAcross(from, child, to, posix.join(target, child.name))
	}
}
