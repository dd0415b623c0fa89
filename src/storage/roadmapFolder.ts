/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A roadmap folder in Nextcloud, read and written so that no writer ever
 * overwrites data it has not seen (see docs/file-format.md):
 * - every save creates a new change file whose name holds the writer id and
 *   its seq, a name no other writer can choose;
 * - the state is the merge of the snapshots and of the change files they do
 *   not cover yet, which every client computes the same way;
 * - snapshots are immutable too, and a change file is deleted only once a
 *   snapshot that covers it has been written and read back.
 * Knows nothing of Vue: the browser and the command line use it alike, through
 * RoadmapSession (roadmapSession.ts), which adds the outbox, retries and refresh.
 */

import type { Conflict, RoadmapState } from '../domain/crdt.ts'
import type { StateFileToWrite } from '../domain/format.ts'
import type { Roadmap } from '../domain/model.ts'
import type { ChangeFile, Operation, SnapshotFile } from '../domain/storageFormat.ts'
import type { DavClient, DavEntry, FileVersion } from './dav.ts'
import type { RetryPolicy } from './retry.ts'
import type { HistoryFiles, HistorySource } from './roadmapHistory.ts'
import type { DavRequest, FileProblem, ListedFile } from './stateFiles.ts'

import { absorbState, applyChanges, cloneState, materialize, reapplyCoveredChanges, stampsOf, stateFromRoadmap, stateFromSnapshot, validateOperation } from '../domain/crdt.ts'
import { changeFilesToWrite, parseChangeFile, parseRoadmap, parseSnapshotFile, serializeChangeFile, serializeRoadmap, snapshotFilesToWrite } from '../domain/format.ts'
import { changeFileName, ROADMAP_FILE, STATE_FOLDER, vectorCovers } from '../domain/storageFormat.ts'
import { compactionThreshold, isFolded, pendingChanges } from './compaction.ts'
import { nextTask } from './concurrency.ts'
import { DEFAULT_RETRY, sleep, withRetry } from './retry.ts'
import { RoadmapFolderError } from './roadmapErrors.ts'
import { readableFileVersions, readHistory, readVersion } from './roadmapHistory.ts'
import { filesToRead, readParsed, StateFiles, tooLargeProblem } from './stateFiles.ts'

export { COMPACT_AFTER } from './compaction.ts'
export type { RoadmapErrorKind } from './roadmapErrors.ts'
export { RoadmapFolderError } from './roadmapErrors.ts'
export type { HistoryFiles } from './roadmapHistory.ts'
export type { FileProblem } from './stateFiles.ts'

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
	/** The readable file is missing or older than a state file: a writer left before rewriting it. */
	readableBehind: boolean
}

function time(httpDate: string | undefined): number {
	const value = httpDate ? Date.parse(httpDate) : Number.NaN
	return Number.isNaN(value) ? 0 : value
}

function isBehind(readableFile: DavEntry | undefined, stateFiles: ListedFile[]): boolean {
	if (!readableFile) {
		return true
	}
	const readableTime = time(readableFile.lastModified)
	return stateFiles.some((file) => time(file.lastModified) > readableTime)
}

/** What one look at the state folder taught, applied to the state already held. */
export interface CatchUpResult {
	/** Change files applied now, oldest first per writer. */
	applied: ChangeFile[]
	/** A snapshot brought changes whose files were already gone: the whole state may have moved. */
	absorbedSnapshot: boolean
	problems: FileProblem[]
	conflicts: Conflict[]
	waiting: number
	requests: number
}

export interface SaveResult {
	change: ChangeFile
	roadmap: Roadmap
	requests: number
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

/** The first of these files readers would not download for its size (the limit reading keeps to), as the problem that says so. */
function tooLargeToRead(files: readonly StateFileToWrite[]): FileProblem | null {
	const encoder = new TextEncoder()
	for (const file of files) {
		const problem = tooLargeProblem(file.name, encoder.encode(file.body).byteLength)
		if (problem) {
			return problem
		}
	}
	return null
}

export class RoadmapFolder {
	private state: RoadmapState | null = null
	private readonly files: StateFiles
	/** Changes made here and not confirmed written yet, by file name. */
	private readonly local = new Map<string, ChangeFile>()
	/** Changes read but held back until an earlier one of the same writer shows up. */
	private waiting: ChangeFile[] = []
	/** A snapshot of this state would be over the size limit readers keep to: compaction stops for this session. */
	private snapshotTooLarge = false
	private nextSeq = 1
	private nextSnapshotSeq = 1
	private access: FolderAccess = { canRead: true, canWrite: false, canDelete: false }
	private requests = 0
	private readonly retry: RetryPolicy
	private readonly compactAfter: number
	private readonly now: () => Date
	private readonly request: DavRequest = (action) => withRetry(() => {
		this.requests++
		return action(this.options.dav)
	}, this.retry)

	constructor(private readonly options: RoadmapFolderOptions) {
		this.retry = options.retry ?? DEFAULT_RETRY
		this.compactAfter = compactionThreshold(options.compactAfter)
		this.now = options.now ?? (() => new Date())
		this.files = new StateFiles(this.request, `${this.path}/${STATE_FOLDER}`)
	}

	get path(): string {
		return this.options.path.replace(/\/+$/, '')
	}

	private get stateFolder(): string {
		return this.files.folder
	}

	get writerId(): string {
		return this.options.writer.id
	}

	/** The access found by the last load or catch-up. */
	get folderAccess(): FolderAccess {
		return this.access
	}

	/** The merged state as last loaded, caught up or edited (the live object: read, never change it). */
	get currentState(): RoadmapState {
		if (!this.state) {
			throw new RoadmapFolderError('not-loaded', 'the roadmap is not loaded')
		}
		return this.state
	}

	/** Changes read but held back until an earlier one of the same writer shows up (see waitingChanges.ts). */
	get heldBack(): readonly ChangeFile[] {
		return this.waiting
	}

	/** The state as last loaded or saved (a copy). */
	currentRoadmap(): Roadmap {
		return materialize(this.currentState)
	}

	/**
	 * Creates a roadmap in an empty or new folder: the first snapshot, then the
	 * readable file. Refuses a folder that already holds a roadmap, and,
	 * before writing anything, a roadmap whose snapshot readers would not
	 * download: it would be written and never open again.
	 */
	async create(roadmap: Roadmap): Promise<LoadResult> {
		this.requests = 0
		const snapshot = this.snapshotOf(stateFromRoadmap(roadmap), 1)
		const files = snapshotFilesToWrite(snapshot)
		const tooLarge = tooLargeToRead(files)
		if (tooLarge) {
			throw new RoadmapFolderError('too-large', `${this.path}: ${tooLarge.file}: ${tooLarge.message}`, [tooLarge])
		}
		await this.request((dav) => dav.createFolder(this.path))
		const existing = await this.request((dav) => dav.list(this.path))
		if (existing.some((entry) => entry.name === STATE_FOLDER || entry.name === ROADMAP_FILE)) {
			throw new RoadmapFolderError('already-a-roadmap', `${this.path} already holds a roadmap`)
		}
		await this.request((dav) => dav.createFolder(this.stateFolder))
		for (const file of files) {
			const put = await this.request((dav) => dav.put(`${this.stateFolder}/${file.name}`, file.body, { createOnly: true }))
			if (put.status === 412) {
				throw new RoadmapFolderError('already-a-roadmap', `${this.path} already holds a roadmap`)
			}
		}
		await this.writeReadableFile(snapshot.roadmap)
		return this.load()
	}

	/** Reads the folder: 2 listings side by side, then the snapshots and the change files not read before. */
	async load(): Promise<LoadResult> {
		this.requests = 0
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.loadOnce()
			} catch (error) {
				// Every snapshot listed was replaced meanwhile: list again.
				if (error instanceof RoadmapFolderError && error.kind === 'no-readable-snapshot' && attempt < 4) {
					await sleep(200 * attempt)
					continue
				}
				throw error
			}
		}
	}

	private async loadOnce(): Promise<LoadResult> {
		// Both listings at once, a round trip saved: a folder without a state folder answers 404, left unused.
		const stateListing = this.files.list()
		stateListing.catch(() => undefined)
		const folder = await this.request((dav) => dav.list(this.path))
		const self = folder.find((entry) => entry.name === '')
		const readableFile = folder.find((entry) => entry.name === ROADMAP_FILE && !entry.isFolder)
		if (!folder.some((entry) => entry.name === STATE_FOLDER && entry.isFolder)) {
			if (readableFile) {
				return this.loadReadableFileOnly(self, readableFile, [])
			}
			throw new RoadmapFolderError('not-a-roadmap', `${this.path} does not hold a Dégooglisation roadmap`)
		}
		const listing = await stateListing
		this.access = accessOf(listing.self?.permissions ?? self?.permissions ?? '')
		this.noteSeqs(listing.files)
		const problems: FileProblem[] = []
		const knownBefore = new Set(this.files.known.keys())
		const { snapshots, changes, coveredComplete } = await this.files.readAll(listing.files, problems)
		if (snapshots.length === 0) {
			const newer = problems.find((problem) => problem.kind === 'newer-version')
			// Every snapshot too large to read: the readable file, read-only, is what can still be shown.
			if (!newer && readableFile && problems.some((problem) => problem.kind === 'too-large')) {
				return this.loadReadableFileOnly(self, readableFile, problems)
			}
			throw newer
				? new RoadmapFolderError('newer-version', newer.message, problems)
				: problems.length
					? new RoadmapFolderError('unreadable', `no snapshot of ${this.path} could be read`, problems)
					: new RoadmapFolderError('no-readable-snapshot', `${this.stateFolder} holds no readable snapshot`, problems)
		}
		const state = stateFromSnapshot(snapshots[0])
		for (const snapshot of snapshots.slice(1)) {
			absorbState(state, stateFromSnapshot(snapshot))
		}
		reapplyCoveredChanges(state, coveredComplete)
		const { conflicts, waiting } = applyChanges(state, [...changes, ...this.local.values()])
		this.waiting = waiting.filter((change) => !this.local.has(changeFileName(change.writer, change.seq)))
		this.nextSeq = Math.max(this.nextSeq, (state.covers[this.writerId] ?? 0) + 1)
		this.state = state
		const isNew = (side: { writer: string, seq: number }) => !knownBefore.has(changeFileName(side.writer, side.seq))
		const roadmap = materialize(state)
		// Whoever shows the roadmap does so in a task of its own: merging and drawing do not add up to one long freeze.
		await nextTask()
		return {
			roadmap,
			access: this.access,
			problems,
			conflicts: conflicts.filter((c) => isNew(c.kept) || isNew(c.discarded)),
			waiting: waiting.length,
			requests: this.requests,
			readableBehind: isBehind(readableFile, listing.files),
		}
	}

	/** Keeps this writer's next seqs past every file of its own listed. */
	private noteSeqs(files: ListedFile[]): void {
		for (const { parsed } of files) {
			if (parsed.writer !== this.writerId) {
				continue
			}
			if (parsed.kind === 'change') {
				this.nextSeq = Math.max(this.nextSeq, parsed.seq + 1)
			} else {
				this.nextSnapshotSeq = Math.max(this.nextSnapshotSeq, parsed.seq + 1)
			}
		}
	}

	/**
	 * Applies what others wrote since the last look, to the state already held:
	 * one listing, then only the files not read before. Cheaper than load() by
	 * the whole roadmap, which it neither reads nor rebuilds.
	 */
	async catchUp(): Promise<CatchUpResult> {
		const state = this.currentState
		this.requests = 0
		const listing = await this.files.list()
		if (listing.self) {
			this.access = accessOf(listing.self.permissions)
		}
		this.noteSeqs(listing.files)
		const problems: FileProblem[] = []
		const unread = filesToRead(listing.files).filter((file) => !this.files.known.has(file.name))
		const snapshots = await this.files.readEach(unread.filter((f) => f.parsed.kind === 'snapshot'), parseSnapshotFile, problems)
		// Another writer folded changes: they are absorbed as a state only if it holds some this state lacks.
		const newer = snapshots.filter((snapshot) => !vectorCovers(state.covers, snapshot.covers))
		for (const snapshot of newer) {
			absorbState(state, stateFromSnapshot(snapshot))
		}
		const covered = (f: ListedFile) => (state.covers[f.parsed.writer] ?? 0) >= f.parsed.seq
		// Complete changes never read here that a 1.0 reader's snapshot folded (without what it did not know).
		const completeCovers = this.files.completeSnapshotCovers()
		reapplyCoveredChanges(state, await this.files.readEach(unread.filter((f) => f.parsed.kind === 'change' && f.parsed.complete && covered(f) && (completeCovers[f.parsed.writer] ?? 0) < f.parsed.seq), parseChangeFile, problems))
		const changes = await this.files.readEach(unread.filter((f) => f.parsed.kind === 'change' && !covered(f)), parseChangeFile, problems)
		const { applied, waiting, conflicts } = applyChanges(state, [...this.waiting, ...changes])
		this.waiting = waiting
		this.nextSeq = Math.max(this.nextSeq, (state.covers[this.writerId] ?? 0) + 1)
		this.files.forgetUnlisted(listing.files)
		return { applied, absorbedSnapshot: newer.length > 0, problems, conflicts, waiting: waiting.length, requests: this.requests }
	}

	/** What reading the history needs of this folder. */
	private get historySource(): HistorySource {
		return { path: this.path, request: this.request, stateFiles: this.files, unsent: () => [...this.local.values()] }
	}

	/** The files the history is made of (see roadmapHistory.ts). */
	readHistory(): Promise<HistoryFiles> {
		return readHistory(this.historySource)
	}

	/** Nextcloud's older versions of the readable file (see roadmapHistory.ts). */
	readableFileVersions(): Promise<FileVersion[]> {
		return readableFileVersions(this.historySource)
	}

	/** The roadmap one version of the readable file holds. */
	readVersion(version: FileVersion): Promise<Roadmap> {
		return readVersion(this.historySource, version)
	}

	/**
	 * A folder with only the readable file (made by hand or by another tool):
	 * read-only until adopted. Also what shows when every snapshot is too large
	 * to read (`problems` says so).
	 */
	private async loadReadableFileOnly(self: DavEntry | undefined, file: DavEntry, problems: FileProblem[]): Promise<LoadResult> {
		const tooLarge = tooLargeProblem(ROADMAP_FILE, file.size)
		if (tooLarge) {
			throw new RoadmapFolderError('too-large', `${this.path}: ${[...problems, tooLarge].map((p) => `${p.file}: ${p.message}`).join('; ')}`, [...problems, tooLarge])
		}
		const roadmap = await readParsed(this.request, `${this.path}/${ROADMAP_FILE}`, ROADMAP_FILE, parseRoadmap, problems)
		if (!roadmap) {
			throw new RoadmapFolderError('unreadable', `${ROADMAP_FILE} could not be read`, problems)
		}
		this.state = stateFromRoadmap(roadmap)
		this.access = { ...accessOf(self?.permissions ?? ''), canWrite: false, canDelete: false }
		return { roadmap, access: this.access, problems, conflicts: [], waiting: 0, requests: this.requests, readableBehind: false }
	}

	/**
	 * Saves edits as one new change file, then folds the pile of changes when
	 * it has grown. Never overwrites: the name is this writer's own, and a name
	 * already taken (a retried request that had landed, or another tab using
	 * the same writer id) is checked, not replaced.
	 */
	async save(ops: Operation[]): Promise<SaveResult> {
		const change = this.prepareChange(ops)
		this.addLocal(change)
		this.requests = 0
		await this.send(change)
		const requests = this.requests
		await this.compactIfDue()
		return { change, roadmap: materialize(this.state!), requests }
	}

	/**
	 * Turns edits into this writer's next change file, without sending it.
	 * Refuses operations every reader would refuse: such a file must never be written.
	 */
	prepareChange(ops: Operation[]): ChangeFile {
		const state = this.currentState
		if (!this.access.canWrite) {
			throw new RoadmapFolderError('read-only', 'this roadmap is read-only for you')
		}
		const invalid = ops.map((op, i) => ({ i, message: validateOperation(op) })).filter((r) => r.message !== null)
		if (invalid.length) {
			throw new RoadmapFolderError('invalid-operations', invalid.slice(0, 5).map((r) => `ops[${r.i}] ${ops[r.i].path}: ${r.message}`).join('\n'))
		}
		return {
			format: 'degooglisation-change',
			version: 1,
			writer: this.writerId,
			seq: this.nextSeq++,
			clock: state.clock + 1,
			author: this.options.writer.author,
			at: this.now().toISOString(),
			seen: { ...state.covers },
			ops,
		}
	}

	/**
	 * Shows a change not sent yet (just made, or kept offline from an earlier
	 * visit) in the state, now and after every load, until send() confirms it.
	 */
	addLocal(change: ChangeFile): void {
		const state = this.currentState
		this.local.set(changeFileName(change.writer, change.seq), change)
		if (change.writer === this.writerId) {
			this.nextSeq = Math.max(this.nextSeq, change.seq + 1)
		}
		applyChanges(state, [change])
	}

	/** Writes a local change (retrying transient failures). */
	async send(change: ChangeFile): Promise<void> {
		// Local until written, so that a history read meanwhile has it either way.
		const localName = changeFileName(change.writer, change.seq)
		await this.putChange(change)
		this.local.delete(localName)
		this.files.known.set(changeFileName(change.writer, change.seq), change)
	}

	/**
	 * Writes a change file prepared earlier (kept offline, for instance) under
	 * its own name: its complete file first when it has one, then its 1.0 file.
	 */
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
			const put = await this.request((dav) => dav.put(`${this.stateFolder}/${name}`, body, { createOnly: true }))
			if (put.status === 412) {
				// An earlier attempt landed, or another client took the name.
				const existing = await readParsed(this.request, `${this.stateFolder}/${name}`, name, parseChangeFile, [])
				if (!existing || serializeChangeFile(existing) !== body) {
					for (const orphan of written) {
						await this.request((dav) => dav.delete(`${this.stateFolder}/${orphan}`))
					}
					return false
				}
			}
			written.push(name)
		}
		return true
	}

	/** Folds the change files into a snapshot when enough have piled up (see compaction.ts); tells whether it did. */
	async compactIfDue(): Promise<boolean> {
		if (!this.access.canDelete || this.snapshotTooLarge || pendingChanges(this.files.known) < this.compactAfter) {
			return false
		}
		await this.compact()
		return true
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
		const state = cloneState(this.currentState)
		const snapshot = this.snapshotOf(state, this.nextSnapshotSeq)
		const written = snapshotFilesToWrite(snapshot)
		// Readers do not download a file over the limit: the change files, each readable, stay instead.
		if (tooLargeToRead(written)) {
			this.snapshotTooLarge = true
			return
		}
		this.nextSnapshotSeq++
		for (const { name, body } of written) {
			const put = await this.request((dav) => dav.put(`${this.stateFolder}/${name}`, body, { createOnly: true }))
			if (put.status === 412) {
				return
			}
			const readBack = await readParsed(this.request, `${this.stateFolder}/${name}`, name, parseSnapshotFile, [])
			if (!readBack) {
				return
			}
			this.files.known.set(name, readBack)
		}
		const { files } = await this.files.list()
		for (const file of files) {
			if (written.some((w) => w.name === file.name) || !isFolded(file, snapshot, this.files.known, this.writerId, this.now())) {
				continue
			}
			await this.request((dav) => dav.delete(`${this.stateFolder}/${file.name}`))
			this.files.known.delete(file.name)
		}
		await this.writeReadableFile(snapshot.roadmap)
	}

	/**
	 * Rewrites the readable roadmap file. It is derived: nobody reads it back
	 * as the truth, so a plain write is enough, and a write that fails is not
	 * an error (the next one catches up).
	 */
	async writeReadableFile(roadmap: Roadmap): Promise<boolean> {
		try {
			await this.request((dav) => dav.put(`${this.path}/${ROADMAP_FILE}`, serializeRoadmap(roadmap)))
			return true
		} catch {
			return false
		}
	}

	/** Requests made by the last load, catch-up or save (for the benchmark). */
	get requestCount(): number {
		return this.requests
	}
}
