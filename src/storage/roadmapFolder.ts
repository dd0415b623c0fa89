/**
 * A roadmap folder in Nextcloud, read and written so that no writer ever
 * overwrites data it has not seen (see docs/file-format.md):
 * - every save creates a new change file whose name holds the writer id and
 *   its seq, a name no other writer can choose;
 * - the state is the merge of the snapshots and of the change files they do
 *   not cover yet, which every client computes the same way;
 * - snapshots are immutable too, and a change file is deleted only once a
 *   snapshot that covers it has been written and read back.
 * Knows nothing of Vue: the browser and the command line use it alike.
 */
import type { Conflict, RoadmapState } from '../domain/crdt'
import { absorbState, applyChanges, cloneState, materialize, reapplyCoveredChanges, stampsOf, stateFromRoadmap, stateFromSnapshot, validateOperation } from '../domain/crdt'
import type { FileFormatError, FileFormatErrorKind, ParseResult, StateFileToWrite } from '../domain/format'
import { changeFilesToWrite, parseChangeFile, parseRoadmap, parseSnapshotFile, serializeChangeFile, serializeRoadmap, snapshotFilesToWrite } from '../domain/format'
import type { Roadmap } from '../domain/model'
import type { ChangeFile, Operation, SnapshotFile, StateFileName } from '../domain/storageFormat'
import { ROADMAP_FILE, STATE_FOLDER, changeFileName, parseStateFileName, stateFilesToRead, vectorCovers } from '../domain/storageFormat'
import type { DavClient, DavEntry, FileVersion } from './dav'
import { DavError } from './dav'
import type { RetryPolicy } from './retry'
import { DEFAULT_RETRY, sleep, withRetry } from './retry'

/** Pending change files after which a writer folds them into a new snapshot. */
export const COMPACT_AFTER = 32
/** How long another writer's folded files are left for that writer to remove itself. */
const FOREIGN_DELETE_GRACE_MS = 60 * 60 * 1000
/** Reads of a file that does not parse before it is reported (torn reads happen through federated mounts). */
const PARSE_ATTEMPTS = 4

export interface FileProblem {
	file: string
	message: string
	/** `newer-version`: written by a newer major version of the format (update the app). */
	kind: FileFormatErrorKind
}

export interface FolderAccess {
	canRead: boolean
	/** Can add change files (and so save). */
	canWrite: boolean
	/** Can remove change files folded into a snapshot. */
	canDelete: boolean
}

export interface LoadResult {
	roadmap: Roadmap
	access: FolderAccess
	/** Files that never parsed: reported, left untouched. */
	problems: FileProblem[]
	/** Conflicts among the changes that arrived with this load. */
	conflicts: Conflict[]
	/** Changes held back because an earlier change of the same writer is not visible yet. */
	waiting: number
	requests: number
}

export interface SaveResult {
	change: ChangeFile
	roadmap: Roadmap
	requests: number
}

/** What a roadmap's history is read from (see domain/history.ts). */
export interface HistoryFiles {
	snapshots: SnapshotFile[]
	changes: ChangeFile[]
	problems: FileProblem[]
}

export class RoadmapFolderError extends Error {
	/** `newer-version` when the roadmap can only be read by a newer version of the app. */
	readonly kind: FileFormatErrorKind | null
	constructor(message: string, readonly problems: FileProblem[] = []) {
		super(message)
		this.name = 'RoadmapFolderError'
		this.kind = problems.length > 0 && problems.every((p) => p.kind === 'newer-version') ? 'newer-version' : null
	}
}

export interface WriterIdentity {
	/** Unique per writing client: see src/storage/writerIdentity.ts. */
	id: string
	/** The Nextcloud user, recorded in change files for history. */
	author: string
}

export interface RoadmapFolderOptions {
	dav: DavClient
	/** Folder path in the user's files, e.g. `/Dégooglisation/Feuille de route`. */
	path: string
	writer: WriterIdentity
	retry?: RetryPolicy
	compactAfter?: number
	now?: () => Date
}

function accessOf(permissions: string): FolderAccess {
	return {
		canRead: true,
		canWrite: /C|K/.test(permissions),
		canDelete: permissions.includes('D'),
	}
}

export class RoadmapFolder {
	private state: RoadmapState | null = null
	/** Parsed immutable files by name: a file, once read, never needs reading again. */
	private readonly cache = new Map<string, ChangeFile | SnapshotFile>()
	/** Changes made here and not confirmed written yet, by file name. */
	private readonly local = new Map<string, ChangeFile>()
	private nextSeq = 1
	private nextSnapshotSeq = 1
	private access: FolderAccess = { canRead: true, canWrite: false, canDelete: false }
	private requests = 0
	private readonly retry: RetryPolicy
	private readonly compactAfter: number
	private readonly now: () => Date

	constructor(private readonly options: RoadmapFolderOptions) {
		this.retry = options.retry ?? DEFAULT_RETRY
		// Jittered per client, so that writers who see the same pile of changes do not all fold it at once.
		this.compactAfter = Math.round((options.compactAfter ?? COMPACT_AFTER) * (1 + Math.random()))
		this.now = options.now ?? (() => new Date())
	}

	get path(): string {
		return this.options.path.replace(/\/+$/, '')
	}

	private get stateFolder(): string {
		return `${this.path}/${STATE_FOLDER}`
	}

	get writerId(): string {
		return this.options.writer.id
	}

	/** The state as last loaded or saved (a copy). */
	currentRoadmap(): Roadmap {
		if (!this.state) throw new RoadmapFolderError('the roadmap is not loaded')
		return materialize(this.state)
	}

	private async dav<T>(action: (dav: DavClient) => Promise<T>): Promise<T> {
		return withRetry(() => {
			this.requests++
			return action(this.options.dav)
		}, this.retry)
	}

	/**
	 * Creates a roadmap in an empty or new folder: the first snapshot, then the
	 * readable file. Refuses a folder that already holds a roadmap.
	 */
	async create(roadmap: Roadmap): Promise<LoadResult> {
		this.requests = 0
		await this.dav((dav) => dav.createFolder(this.path))
		const existing = await this.dav((dav) => dav.list(this.path))
		if (existing.some((entry) => entry.name === STATE_FOLDER || entry.name === ROADMAP_FILE)) {
			throw new RoadmapFolderError(`${this.path} already holds a roadmap`)
		}
		await this.dav((dav) => dav.createFolder(this.stateFolder))
		const state = stateFromRoadmap(roadmap)
		for (const file of snapshotFilesToWrite(this.snapshotOf(state, 1))) {
			const put = await this.dav((dav) => dav.put(`${this.stateFolder}/${file.name}`, file.body, { createOnly: true }))
			if (put.status === 412) throw new RoadmapFolderError(`${this.path} already holds a roadmap`)
		}
		await this.writeReadableFile(state)
		return this.load()
	}

	/** Reads the folder: 2 listings, the snapshots and the change files not read before. */
	async load(): Promise<LoadResult> {
		this.requests = 0
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.loadOnce()
			} catch (error) {
				// Every snapshot listed was replaced meanwhile: list again.
				if (error instanceof RoadmapFolderError && error.message.endsWith('holds no readable snapshot') && attempt < 4) {
					await sleep(200 * attempt)
					continue
				}
				throw error
			}
		}
	}

	private async loadOnce(): Promise<LoadResult> {
		const folder = await this.dav((dav) => dav.list(this.path))
		const self = folder.find((entry) => entry.name === '')
		const hasStateFolder = folder.some((entry) => entry.name === STATE_FOLDER && entry.isFolder)
		const problems: FileProblem[] = []
		if (!hasStateFolder) {
			if (folder.some((entry) => entry.name === ROADMAP_FILE)) return this.loadReadableFileOnly(self)
			throw new RoadmapFolderError(`${this.path} does not hold a Dégooglisation roadmap`)
		}
		const stateEntries = await this.dav((dav) => dav.list(this.stateFolder))
		const stateFolderSelf = stateEntries.find((entry) => entry.name === '')
		this.access = accessOf(stateFolderSelf?.permissions ?? self?.permissions ?? '')
		const names = stateFilesToRead(stateEntries.filter((entry) => !entry.isFolder && entry.name !== '').map((entry) => entry.name))

		const snapshots: SnapshotFile[] = []
		// What snapshots with their complete file hold; a 1.0 snapshot may lack what complete changes carried.
		const completeCovers: Record<string, number> = {}
		for (const parsed of names.filter((n) => n.kind === 'snapshot')) {
			const snapshot = await this.readStateFile(parsed.name, parseSnapshotFile, problems)
			if (snapshot) {
				snapshots.push(snapshot)
				if (parsed.projection) this.cache.set(parsed.projection, snapshot)
				if (parsed.complete) for (const [w, seq] of Object.entries(snapshot.covers)) completeCovers[w] = Math.max(completeCovers[w] ?? 0, seq)
			}
			if (parsed.writer === this.writerId) this.nextSnapshotSeq = Math.max(this.nextSnapshotSeq, parsed.seq + 1)
		}
		if (snapshots.length === 0) {
			const newer = problems.find((p) => p.kind === 'newer-version')
			throw new RoadmapFolderError(newer ? newer.message : problems.length ? `no snapshot of ${this.path} could be read` : `${this.path}/${STATE_FOLDER} holds no readable snapshot`, problems)
		}
		const state = stateFromSnapshot(snapshots[0])
		for (const snapshot of snapshots.slice(1)) absorbState(state, stateFromSnapshot(snapshot))

		const knownBefore = new Set(this.cache.keys())
		const changes: ChangeFile[] = []
		const coveredComplete: ChangeFile[] = []
		for (const parsed of names.filter((n) => n.kind === 'change')) {
			if (parsed.writer === this.writerId) this.nextSeq = Math.max(this.nextSeq, parsed.seq + 1)
			const covered = (state.covers[parsed.writer] ?? 0) >= parsed.seq
			if (covered && !(parsed.complete && (completeCovers[parsed.writer] ?? 0) < parsed.seq)) continue
			const change = await this.readStateFile(parsed.name, parseChangeFile, problems)
			if (change) (covered ? coveredComplete : changes).push(change)
		}
		reapplyCoveredChanges(state, coveredComplete)
		const { conflicts, waiting } = applyChanges(state, [...changes, ...this.local.values()])
		this.nextSeq = Math.max(this.nextSeq, (state.covers[this.writerId] ?? 0) + 1)
		this.state = state
		const isNew = (side: { writer: string, seq: number }) => !knownBefore.has(changeFileName(side.writer, side.seq))
		return {
			roadmap: materialize(state),
			access: this.access,
			problems,
			conflicts: conflicts.filter((c) => isNew(c.kept) || isNew(c.discarded)),
			waiting: waiting.length,
			requests: this.requests,
		}
	}

	/**
	 * The files a history is made of: the snapshots and the change files they do
	 * not cover, with the changes made here and not sent yet. Files read before
	 * are not read again, so after a load this costs one listing.
	 */
	async readHistory(): Promise<HistoryFiles> {
		const problems: FileProblem[] = []
		let entries: DavEntry[]
		try {
			entries = await this.dav((dav) => dav.list(this.stateFolder))
		} catch (error) {
			// A roadmap made by hand or by another tool has no change files: no history.
			if (error instanceof DavError && error.status === 404) return { snapshots: [], changes: [], problems }
			throw error
		}
		const names = stateFilesToRead(entries.filter((entry) => !entry.isFolder && entry.name !== '').map((entry) => entry.name))
		const snapshots: SnapshotFile[] = []
		for (const { name } of names.filter((n) => n.kind === 'snapshot')) {
			const snapshot = await this.readStateFile(name, parseSnapshotFile, problems)
			if (snapshot) snapshots.push(snapshot)
		}
		const covers: Record<string, number> = {}
		for (const snapshot of snapshots) for (const [w, s] of Object.entries(snapshot.covers)) covers[w] = Math.max(covers[w] ?? 0, s)
		const changes: ChangeFile[] = []
		for (const parsed of names.filter((n) => n.kind === 'change')) {
			if ((covers[parsed.writer] ?? 0) >= parsed.seq) continue
			const change = await this.readStateFile(parsed.name, parseChangeFile, problems)
			if (change) changes.push(change)
		}
		return { snapshots, changes: [...changes, ...this.local.values()], problems }
	}

	/**
	 * Nextcloud's older versions of the readable file: states from before the
	 * history's start (change files are never rewritten, so only this file has
	 * versions). None when the server keeps none.
	 */
	async readableFileVersions(): Promise<FileVersion[]> {
		let entry: DavEntry
		try {
			entry = await this.dav((dav) => dav.stat(`${this.path}/${ROADMAP_FILE}`))
		} catch (error) {
			if (error instanceof DavError && error.status === 404) return []
			throw error
		}
		return entry.fileId === null ? [] : this.dav((dav) => dav.listVersions(entry.fileId!))
	}

	/** The roadmap one version of the readable file holds. */
	async readVersion(version: FileVersion): Promise<Roadmap> {
		const body = await this.dav((dav) => dav.getVersion(version))
		const result = parseRoadmap(body)
		if (!result.ok) throw new RoadmapFolderError(`${ROADMAP_FILE} (${version.lastModified}): ${result.error.message}`)
		return result.value
	}

	/** A folder with only the readable file (made by hand or by another tool): read-only until adopted. */
	private async loadReadableFileOnly(self: DavEntry | undefined): Promise<LoadResult> {
		const problems: FileProblem[] = []
		const roadmap = await this.readFile(`${this.path}/${ROADMAP_FILE}`, ROADMAP_FILE, parseRoadmap, problems)
		if (!roadmap) throw new RoadmapFolderError(`${ROADMAP_FILE} could not be read`, problems)
		this.state = stateFromRoadmap(roadmap)
		this.access = { ...accessOf(self?.permissions ?? ''), canWrite: false, canDelete: false }
		return { roadmap, access: this.access, problems, conflicts: [], waiting: 0, requests: this.requests }
	}

	/**
	 * Reads a change file or snapshot, null when it cannot be used now. A file
	 * listed but gone (404) was folded into a snapshot and removed; a federated
	 * mount may list it for a while after. Skipping it is safe: a missing
	 * change holds back its writer's later ones until the snapshot that holds
	 * it shows up.
	 */
	private async readStateFile<T extends ChangeFile | SnapshotFile>(name: string, parse: (input: Uint8Array) => ParseResult<T>, problems: FileProblem[]): Promise<T | null> {
		const cached = this.cache.get(name)
		if (cached) return cached as T
		try {
			const value = await this.readFile(`${this.stateFolder}/${name}`, name, parse, problems)
			if (value) this.cache.set(name, value)
			return value
		} catch (error) {
			if (error instanceof DavError && error.status === 404) return null
			throw error
		}
	}

	/** Reads and parses a file, reading again when it does not parse, since a read can be torn. */
	private async readFile<T>(path: string, name: string, parse: (input: Uint8Array) => ParseResult<T>, problems: FileProblem[]): Promise<T | null> {
		let error: FileFormatError | null = null
		for (let attempt = 0; attempt < PARSE_ATTEMPTS; attempt++) {
			if (attempt > 0) await sleep(100 * attempt)
			const { body } = await this.dav((dav) => dav.get(path))
			const result = parse(body)
			if (result.ok) return result.value
			error = result.error
		}
		problems.push({ file: name, message: error!.message, kind: error!.kind })
		return null
	}

	/**
	 * Saves edits as one new change file. Never overwrites: the name is this
	 * writer's own, and a name already taken (a retried request that had
	 * landed, or another tab using the same writer id) is checked, not replaced.
	 */
	async save(ops: Operation[]): Promise<SaveResult> {
		const change = this.prepareChange(ops)
		this.addLocal(change)
		this.requests = 0
		await this.send(change)
		return { change, roadmap: materialize(this.state!), requests: this.requests }
	}

	/**
	 * Turns edits into this writer's next change file, without sending it.
	 * Refuses operations every reader would refuse: such a file must never be written.
	 */
	prepareChange(ops: Operation[]): ChangeFile {
		if (!this.state) throw new RoadmapFolderError('the roadmap is not loaded')
		if (!this.access.canWrite) throw new RoadmapFolderError('this roadmap is read-only for you')
		const invalid = ops.map((op, i) => ({ i, message: validateOperation(op) })).filter((r) => r.message !== null)
		if (invalid.length) throw new RoadmapFolderError(invalid.slice(0, 5).map((r) => `ops[${r.i}] ${ops[r.i].path}: ${r.message}`).join('\n'))
		const change: ChangeFile = {
			format: 'degooglisation-change',
			version: 1,
			writer: this.writerId,
			seq: this.nextSeq++,
			clock: this.state.clock + 1,
			author: this.options.writer.author,
			at: this.now().toISOString(),
			seen: { ...this.state.covers },
			ops,
		}
		return change
	}

	/**
	 * Shows a change not sent yet (just made, or kept offline from an earlier
	 * visit) in the state, now and after every load, until send() confirms it.
	 */
	addLocal(change: ChangeFile): void {
		if (!this.state) throw new RoadmapFolderError('the roadmap is not loaded')
		this.local.set(changeFileName(change.writer, change.seq), change)
		if (change.writer === this.writerId) this.nextSeq = Math.max(this.nextSeq, change.seq + 1)
		applyChanges(this.state, [change])
	}

	/** Writes a local change (retrying transient failures); folds the pile of changes when it has grown. */
	async send(change: ChangeFile): Promise<void> {
		this.local.delete(changeFileName(change.writer, change.seq))
		try {
			await this.putChange(change)
		} catch (error) {
			this.local.set(changeFileName(change.writer, change.seq), change)
			throw error
		}
		this.cache.set(changeFileName(change.writer, change.seq), change)
		if (this.access.canDelete && this.pendingCount() >= this.compactAfter) await this.compact()
	}

	/** Writes a change file prepared earlier (kept offline, for instance) under its own name. */
	async putChange(change: ChangeFile): Promise<void> {
		while (!(await this.putFiles(changeFilesToWrite(change)))) {
			// The name is taken by something else: take the next one.
			change.seq++
		}
	}

	/**
	 * Writes new files in order; false when a name holds something else
	 * already. A complete file written before its 1.0 file turned out taken
	 * would stand for the other writer's change: it is removed.
	 */
	private async putFiles(files: StateFileToWrite[]): Promise<boolean> {
		const written: string[] = []
		for (const { name, body } of files) {
			const put = await this.dav((dav) => dav.put(`${this.stateFolder}/${name}`, body, { createOnly: true }))
			if (put.status === 412) {
				// An earlier attempt landed, or another client took the name.
				const existing = await this.readFile(`${this.stateFolder}/${name}`, name, parseChangeFile, [])
				if (!existing || serializeChangeFile(existing) !== body) {
					for (const orphan of written) await this.dav((dav) => dav.delete(`${this.stateFolder}/${orphan}`))
					return false
				}
			}
			written.push(name)
		}
		return true
	}

	private pendingCount(): number {
		let count = 0
		for (const [name] of this.cache) {
			const parsed = parseStateFileName(name)
			if (parsed?.kind === 'change' && (this.lastSnapshotCovers()[parsed.writer] ?? 0) < parsed.seq) count++
		}
		return count
	}

	private lastSnapshotCovers(): Record<string, number> {
		const covers: Record<string, number> = {}
		for (const file of this.cache.values()) {
			if (file.format === 'degooglisation-snapshot') {
				for (const [w, s] of Object.entries(file.covers)) covers[w] = Math.max(covers[w] ?? 0, s)
			}
		}
		return covers
	}

	private snapshotOf(state: RoadmapState, seq: number): SnapshotFile {
		return {
			format: 'degooglisation-snapshot',
			version: 1,
			writer: this.writerId,
			seq,
			at: this.now().toISOString(),
			covers: { ...state.covers },
			clock: state.clock,
			stamps: stampsOf(state),
			roadmap: materialize(state),
		}
	}

	/**
	 * Folds the change files into a new snapshot, reads it back, then removes
	 * the change files and older snapshots it provably covers. Also refreshes
	 * the readable file.
	 */
	async compact(): Promise<void> {
		if (!this.state) throw new RoadmapFolderError('the roadmap is not loaded')
		const state = cloneState(this.state)
		const snapshot = this.snapshotOf(state, this.nextSnapshotSeq)
		const files = snapshotFilesToWrite(snapshot)
		this.nextSnapshotSeq++
		for (const file of files) {
			const put = await this.dav((dav) => dav.put(`${this.stateFolder}/${file.name}`, file.body, { createOnly: true }))
			if (put.status === 412) return
			const readBack = await this.readFile(`${this.stateFolder}/${file.name}`, file.name, parseSnapshotFile, [])
			if (!readBack) return
			this.cache.set(file.name, readBack)
		}
		const written = new Set(files.map((file) => file.name))
		const entries = await this.dav((dav) => dav.list(this.stateFolder))
		for (const entry of entries) {
			const parsed = parseStateFileName(entry.name)
			if (!parsed || written.has(entry.name) || !this.isFolded(parsed, entry.name, snapshot)) continue
			await this.dav((dav) => dav.delete(`${this.stateFolder}/${entry.name}`))
			this.cache.delete(entry.name)
		}
		await this.writeReadableFile(state)
	}

	/**
	 * Whether a file may go now that `snapshot` holds it. A writer removes its
	 * own files at once; another writer's only once an older snapshot has held
	 * them for a while, so that writers compacting at the same moment do not
	 * race to delete the same files.
	 */
	private isFolded(parsed: StateFileName, name: string, snapshot: SnapshotFile): boolean {
		const coveredBy = (s: SnapshotFile) => parsed.kind === 'change'
			? (s.covers[parsed.writer] ?? 0) >= parsed.seq
			: (() => {
				const other = this.cache.get(name) as SnapshotFile | undefined
				return other !== undefined && other !== s && vectorCovers(s.covers, other.covers)
			})()
		if (!coveredBy(snapshot)) return false
		if (parsed.writer === this.writerId) return true
		const graceLimit = this.now().getTime() - FOREIGN_DELETE_GRACE_MS
		return [...this.cache.values()].some((file) => file.format === 'degooglisation-snapshot' && Date.parse(file.at) < graceLimit && coveredBy(file))
	}

	/**
	 * Rewrites the readable roadmap file. It is derived: nobody reads it back
	 * as the truth, so a plain write is enough, and a write that fails is not
	 * an error (the next one catches up).
	 */
	async writeReadableFile(state: RoadmapState | null = this.state): Promise<boolean> {
		if (!state) return false
		try {
			await this.dav((dav) => dav.put(`${this.path}/${ROADMAP_FILE}`, serializeRoadmap(materialize(state))))
			return true
		} catch {
			return false
		}
	}

	/** Requests made by the last load or save (for the benchmark). */
	get requestCount(): number {
		return this.requests
	}
}
