/**
 * Users' files on disk (`<dataDir>/<user>/files/…`) with what Nextcloud keeps
 * in its file cache: file ids and ETags (not content hashes; a change below a
 * folder gives it and every parent a new one, as Nextcloud's propagator does).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join, posix } from 'node:path'

interface Meta {
	nextFileId: number
	entries: Record<string, { fileId: number, etag: string }>
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

	private entry(user: string, path: string): { fileId: number, etag: string } {
		const key = this.key(user, path)
		let entry = this.meta.entries[key]
		if (!entry) {
			entry = { fileId: this.meta.nextFileId++, etag: newEtag() }
			this.meta.entries[key] = entry
			this.scheduleSave()
		}
		return entry
	}

	/** A write below `path` changes its ETag and every ancestor's, as Nextcloud's propagator does. */
	touch(user: string, path: string): void {
		let current = normalise(path)
		for (;;) {
			this.entry(user, current).etag = newEtag()
			if (current === '/') break
			current = posix.dirname(current)
		}
		this.scheduleSave()
	}

	forget(user: string, path: string): void {
		const prefix = this.key(user, path)
		for (const key of Object.keys(this.meta.entries)) {
			if (key === prefix || key.startsWith(`${prefix}/`)) delete this.meta.entries[key]
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
			const { fileId, etag } = this.entry(user, normalised)
			return { path: normalised, name: posix.basename(normalised), isFolder: s.isDirectory(), size: s.isDirectory() ? await this.folderSize(user, normalised) : s.size, mtime: s.mtime, fileId, etag }
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
	 * The file's ETag follows Nextcloud 32 as measured (tests/contract): an
	 * overwrite within the same second keeps it when the request was
	 * conditional (If-Match / If-None-Match), or when the size did not change.
	 */
	async write(user: string, path: string, body: Buffer, conditional = false): Promise<void> {
		const target = this.diskPath(user, path)
		const before = await stat(target).catch(() => null)
		const part = `${target}${PART_MARKER}${randomBytes(4).toString('hex')}`
		await writeFile(part, body)
		await rename(part, target)
		const sameSecond = before !== null && Math.floor(before.mtimeMs / 1000) === Math.floor(Date.now() / 1000)
		const keepsEtag = sameSecond && (conditional || before.size === body.length)
		const etag = keepsEtag ? this.entry(user, path).etag : null
		if (keepsEtag) await utimes(target, before.atime, before.mtime)
		this.touch(user, path)
		if (etag) this.entry(user, path).etag = etag
	}

	async makeFolder(user: string, path: string): Promise<void> {
		await mkdir(this.diskPath(user, path))
		this.touch(user, path)
	}

	async remove(user: string, path: string): Promise<void> {
		await rm(this.diskPath(user, path), { recursive: true, force: true })
		this.forget(user, path)
		this.touch(user, posix.dirname(normalise(path)))
	}

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
		this.touch(user, posix.dirname(normalise(from)))
		this.touch(user, to)
	}
}

const PART_MARKER = '.sandbox-part-'

/** `/a/./b/../c/` → `/a/c`; never climbs above the root. */
export function normalise(path: string): string {
	const out = posix.normalize(`/${path}`).replace(/\/+$/, '')
	return out === '' ? '/' : out
}

function newEtag(): string {
	return randomBytes(16).toString('hex')
}
