/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Users' files on disk (`<dataDir>/<user>/files/…`) with what Nextcloud keeps
 * in its file cache: file ids and ETags (not content hashes; a change below a
 * folder gives it and every parent a new one, as Nextcloud's propagator does).
 */

import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join, posix } from 'node:path'

export interface Entry {
	fileId: number
	etag: string
}

interface Meta {
	nextFileId: number
	entries: Record<string, Entry>
}

export interface NodeInfo {
	path: string
	name: string
	isFolder: boolean
	size: number
	mtime: Date
	fileId: number
	etag: string
}

export class FsStore {
	private readonly meta: Meta
	private readonly metaFile: string
	private saveTimer: NodeJS.Timeout | null = null

	constructor(private readonly dataDir: string) {
		mkdirSync(dataDir, { recursive: true })
		this.metaFile = join(dataDir, '.meta.json')
		this.meta = existsSync(this.metaFile) ? JSON.parse(readFileSync(this.metaFile, 'utf8')) : { nextFileId: 100, entries: {} }
	}

	ensureUser(user: string): void {
		mkdirSync(join(this.dataDir, user, 'files'), { recursive: true })
	}

	/** Disk path of a user's path; `path` is normalised and cannot leave the user's folder. */
	diskPath(user: string, path: string): string {
		return join(this.dataDir, user, 'files', ...normalise(path).split('/').filter(Boolean))
	}

	private key(user: string, path: string): string {
		return `${user}:${normalise(path)}`
	}

	/** The id and ETag the cache holds for a path (created on first sight); also for the files of a remote mount. */
	entry(user: string, path: string, isFolder: boolean): Entry {
		const key = this.key(user, path)
		let entry = this.meta.entries[key]
		if (!entry) {
			entry = { fileId: this.meta.nextFileId++, etag: newEtag(isFolder) }
			this.meta.entries[key] = entry
			this.scheduleSave()
		}
		return entry
	}

	/** New ETags for the folders above `path`, as Nextcloud's propagator gives them after a change inside. */
	private propagate(user: string, path: string): void {
		let current = normalise(path)
		while (current !== '/') {
			current = posix.dirname(current)
			this.entry(user, current, true).etag = newEtag(true)
		}
		this.scheduleSave()
	}

	/** Where a file id is in a user's files now (shares follow their node when it moves), or null. */
	pathOfFileId(user: string, fileId: number): string | null {
		const prefix = `${user}:`
		for (const [key, entry] of Object.entries(this.meta.entries)) {
			if (entry.fileId === fileId && key.startsWith(prefix)) {
				return key.slice(prefix.length)
			}
		}
		return null
	}

	private forget(user: string, path: string): void {
		const prefix = this.key(user, path)
		for (const key of Object.keys(this.meta.entries)) {
			if (key === prefix || key.startsWith(`${prefix}/`)) {
				delete this.meta.entries[key]
			}
		}
		this.scheduleSave()
	}

	private scheduleSave(): void {
		this.saveTimer ??= setTimeout(() => {
			this.saveTimer = null
			writeFileSync(this.metaFile, JSON.stringify(this.meta))
		}, 200)
	}

	flush(): void {
		if (this.saveTimer) {
			clearTimeout(this.saveTimer)
			this.saveTimer = null
		}
		writeFileSync(this.metaFile, JSON.stringify(this.meta))
	}

	async info(user: string, path: string): Promise<NodeInfo | null> {
		const normalised = normalise(path)
		try {
			const s = await stat(this.diskPath(user, normalised))
			const isFolder = s.isDirectory()
			const { fileId, etag } = this.entry(user, normalised, isFolder)
			return { path: normalised, name: posix.basename(normalised), isFolder, size: isFolder ? await this.folderSize(user, normalised) : s.size, mtime: s.mtime, fileId, etag }
		} catch {
			return null
		}
	}

	/** Sizes of what is in the folder now; files removed meanwhile by another request count as nothing. */
	private async folderSize(user: string, path: string): Promise<number> {
		let total = 0
		for (const entry of await readdir(this.diskPath(user, path), { withFileTypes: true })) {
			const child = posix.join(path, entry.name)
			try {
				total += entry.isDirectory() ? await this.folderSize(user, child) : (await stat(this.diskPath(user, child))).size
			} catch {
				// removed between the listing and the stat
			}
		}
		return total
	}

	/** The folder's children sorted by name, as Nextcloud 32 lists them. */
	async children(user: string, path: string): Promise<NodeInfo[]> {
		// Files being written are hidden, as Nextcloud hides its part files.
		const names = (await readdir(this.diskPath(user, path))).filter((name) => !name.includes(PART_MARKER)).sort()
		const infos = await Promise.all(names.map((name) => this.info(user, posix.join(normalise(path), name))))
		return infos.filter((info): info is NodeInfo => info !== null)
	}

	read(user: string, path: string): Promise<Buffer> {
		return readFile(this.diskPath(user, path))
	}

	/**
	 * Writes through a temporary file and a rename, like Nextcloud's part files.
	 * An overwrite within the same second keeps the file's ETag and mtime,
	 * whatever the size: Nextcloud's scanner reuses the cached ETag while the
	 * mtime, in seconds, is unchanged (Cache\Scanner::scanFile; tests/contract).
	 * `mtime` (X-OC-MTime, in seconds) is applied after that, as Nextcloud touches
	 * the file once written: the ETag changes unless the mtime's second does not.
	 */
	async write(user: string, path: string, body: Buffer, author = user, mtime?: number): Promise<void> {
		const target = this.diskPath(user, path)
		const before = await stat(target).catch(() => null)
		const part = `${target}${PART_MARKER}${randomBytes(4).toString('hex')}`
		await writeFile(part, body)
		const entry = this.entry(user, path, false)
		await this.keepVersion(user, entry.fileId, Math.floor((await stat(part)).mtimeMs / 1000), part, author)
		await rename(part, target)
		if (before !== null && Math.floor(before.mtimeMs / 1000) === Math.floor(Date.now() / 1000)) {
			await utimes(target, before.atime, before.mtime)
		} else {
			entry.etag = newEtag(false)
		}
		if (mtime !== undefined) {
			const written = await stat(target)
			if (Math.floor(written.mtimeMs / 1000) !== Math.floor(mtime)) {
				entry.etag = newEtag(false)
			}
			await utimes(target, written.atime, new Date(Math.floor(mtime) * 1000))
		}
		this.propagate(user, path)
	}

	private versionsDir(user: string, fileId: number): string {
		return join(this.dataDir, user, 'files_versions', String(fileId))
	}

	/**
	 * Every content a file had, by its mtime in seconds (Nextcloud's revision
	 * id), the current one included, as Nextcloud 32 lists them; an overwrite
	 * within the same second replaces that second's version. A hard link to
	 * the part file before it replaces the file: files are never changed in place.
	 */
	private async keepVersion(user: string, fileId: number, revision: number, file: string, author: string): Promise<void> {
		const version = join(this.versionsDir(user, fileId), String(revision))
		await mkdir(this.versionsDir(user, fileId), { recursive: true })
		await rm(version, { force: true })
		await link(file, version)
		await writeFile(`${version}.author`, author)
	}

	/** The versions of a file, oldest first, with who wrote each. */
	async versions(user: string, fileId: number): Promise<Array<{ revision: number, size: number, author: string }>> {
		const dir = this.versionsDir(user, fileId)
		const names = await readdir(dir).catch(() => [] as string[])
		const revisions = names.filter((name) => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b)
		return Promise.all(revisions.map(async (revision) => ({
			revision,
			size: (await stat(join(dir, String(revision)))).size,
			author: await readFile(join(dir, `${revision}.author`), 'utf8').catch(() => user),
		})))
	}

	readVersion(user: string, fileId: number, revision: number): Promise<Buffer> {
		return readFile(join(this.versionsDir(user, fileId), String(revision)))
	}

	/** Puts a version's content back, with the version's mtime and a new ETag (measured on Nextcloud 32). */
	async restoreVersion(user: string, path: string, fileId: number, revision: number): Promise<void> {
		const target = this.diskPath(user, path)
		const part = `${target}${PART_MARKER}${randomBytes(4).toString('hex')}`
		await writeFile(part, await this.readVersion(user, fileId, revision))
		await rename(part, target)
		await utimes(target, new Date(), new Date(revision * 1000))
		this.entry(user, path, false).etag = newEtag(false)
		this.propagate(user, path)
	}

	async makeFolder(user: string, path: string): Promise<void> {
		await mkdir(this.diskPath(user, path))
		this.entry(user, path, true)
		this.propagate(user, path)
	}

	async remove(user: string, path: string): Promise<void> {
		await rm(this.diskPath(user, path), { recursive: true, force: true })
		const prefix = this.key(user, path)
		const removedIds = Object.entries(this.meta.entries).filter(([key]) => key === prefix || key.startsWith(`${prefix}/`)).map(([, entry]) => entry.fileId)
		await Promise.all(removedIds.map((id) => rm(this.versionsDir(user, id), { recursive: true, force: true })))
		this.forget(user, path)
		this.propagate(user, path)
	}

	/** The moved node and what is inside keep their file ids and ETags; the folders around both places change. */
	async move(user: string, from: string, to: string): Promise<void> {
		await rename(this.diskPath(user, from), this.diskPath(user, to))
		const fromKey = this.key(user, from)
		const toKey = this.key(user, to)
		for (const [key, value] of Object.entries(this.meta.entries)) {
			if (key === fromKey || key.startsWith(`${fromKey}/`)) {
				delete this.meta.entries[key]
				this.meta.entries[toKey + key.slice(fromKey.length)] = value
			}
		}
		this.propagate(user, from)
		this.propagate(user, to)
	}

	/** A copy gets new file ids; copied files keep their ETags, copied folders get new ones (measured on Nextcloud 32). */
	async copy(user: string, from: NodeInfo, to: string): Promise<void> {
		if (from.isFolder) {
			await mkdir(this.diskPath(user, to))
			this.entry(user, to, true)
			for (const child of await this.children(user, from.path)) {
				await this.copy(user, child, posix.join(to, child.name))
			}
		} else {
			await writeFile(this.diskPath(user, to), await this.read(user, from.path))
			this.entry(user, to, false).etag = from.etag
		}
		this.propagate(user, to)
	}
}

const PART_MARKER = '.sandbox-part-'

/** `/a/./b/../c/` → `/a/c`; never climbs above the root. */
export function normalise(path: string): string {
	const out = posix.normalize(`/${path}`).replace(/\/+$/, '')
	return out === '' ? '/' : out
}

let lastFolderEtagMicros = 0

/** Nextcloud's shapes: 32 hex digits for a file, PHP's `uniqid()` (13 hex digits from the time in µs) for a folder. */
function newEtag(isFolder: boolean): string {
	if (!isFolder) {
		return randomBytes(16).toString('hex')
	}
	// Strictly increasing, so two changes within the same microsecond still differ.
	lastFolderEtagMicros = Math.max(Date.now() * 1000, lastFolderEtagMicros + 1)
	const seconds = Math.floor(lastFolderEtagMicros / 1e6)
	return seconds.toString(16).padStart(8, '0') + (lastFolderEtagMicros % 1e6).toString(16).padStart(5, '0')
}
