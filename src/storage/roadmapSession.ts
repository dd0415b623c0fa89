/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * One open roadmap and everything that keeps it in step with Nextcloud: the
 * folder (roadmapFolder.ts), the outbox that keeps edits until they are
 * written, sending with retry and backoff, looking for others' changes
 * (polling, and when the network or the page comes back), conflicts,
 * compaction and the readable file. The app page, the dashboard widget and
 * the command line all edit a roadmap through it; what differs between them
 * (timers and events, where the outbox lives, how failures are logged) is
 * injected. Knows nothing of Vue: the Pinia store mirrors its state.
 *
 * An edit shows at once, is kept in the outbox, then written as one change
 * file; what others wrote meanwhile is then learned from one listing and the
 * files not read before, applied to the state held, never by reloading it.
 */

import type { Conflict } from '../domain/crdt.ts'
import type { MergedChanges } from '../domain/mergedChanges.ts'
import type { Roadmap, Task } from '../domain/model.ts'
import type { ChangeFile, Operation } from '../domain/storageFormat.ts'
import type { FileVersion } from './dav.ts'
import type { OutboxStorage } from './outbox.ts'
import type { CatchUpResult, FileProblem, FolderAccess, HistoryFiles, LoadResult, RoadmapFolderOptions } from './roadmapFolder.ts'
import type { SessionEnvironment, WakeReason } from './sessionEnvironment.ts'
import type { WaitingChanges } from './waitingChanges.ts'

import { diffRoadmaps, materialize, rematerialize } from '../domain/crdt.ts'
import { describeOperations, othersChanges } from '../domain/mergedChanges.ts'
import { Outbox } from './outbox.ts'
import { isTransient } from './retry.ts'
import { RoadmapFolder, RoadmapFolderError } from './roadmapFolder.ts'
import { describeWaiting } from './waitingChanges.ts'

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error'

export interface SessionState {
	roadmap: Roadmap
	access: FolderAccess
	/** Files that never parsed: reported, left untouched. */
	problems: FileProblem[]
	/** Changes held back behind a file not read (yet), per writer: shown, so that nobody's edits are silently missing. */
	waiting: WaitingChanges[]
	/** Same-field edits of others that met edits of this writer, from the last look. */
	conflicts: Conflict[]
	saveState: SaveState
	/** Why the last attempt to save failed, as thrown (DavError, network error…); null once saved. */
	saveError: Error | null
	/** Edits kept in the outbox, not yet written. */
	unsent: number
}

export interface RoadmapSessionOptions extends RoadmapFolderOptions {
	/** Where edits wait to be written: localStorage in a page, memory on the command line. */
	outbox: OutboxStorage
	environment: SessionEnvironment
	/** How often to look for others' changes while active; null: only when asked. */
	refreshMs?: number | null
	/** Waits between attempts to send, doubling from the first to the last. */
	retryMinMs?: number
	retryMaxMs?: number
	/** How long edits must pause before the readable file is rewritten. */
	readableDelayMs?: number
	/** Where failures the session recovers from are told (the app's logger in a page). */
	report?: (message: string, error: unknown) => void
}

const REFRESH_MS = 30_000
const RETRY_MIN_MS = 2000
const RETRY_MAX_MS = 60_000
const READABLE_DELAY_MS = 2000

type Listener<T> = (value: T) => void

export class RoadmapSession {
	private readonly folder: RoadmapFolder
	private readonly outbox: Outbox
	private readonly environment: SessionEnvironment
	private current: SessionState
	private readonly stateListeners = new Set<Listener<SessionState>>()
	private readonly mergeListeners = new Set<Listener<MergedChanges>>()
	private sending: Promise<void> | null = null
	/** Looks at the folder one at a time, so that two never apply the same files. */
	private lookQueue: Promise<unknown> = Promise.resolve()
	private retryTimer: unknown = null
	private retryDelay: number
	private readableTimer: unknown = null
	private pollTimer: unknown = null
	private stopWaking: () => void = () => {}
	private closed = false

	/** Opens the roadmap in `options.path`; edits kept in its outbox from an earlier visit show at once and are sent again. */
	static async open(options: RoadmapSessionOptions): Promise<RoadmapSession> {
		const folder = new RoadmapFolder(options)
		return new RoadmapSession(options, folder, await folder.load())
	}

	/** Creates a roadmap in an empty or new folder (see RoadmapFolder.create) and opens it. */
	static async create(options: RoadmapSessionOptions, initial: Roadmap): Promise<RoadmapSession> {
		const folder = new RoadmapFolder(options)
		return new RoadmapSession(options, folder, await folder.create(initial))
	}

	private constructor(private readonly options: RoadmapSessionOptions, folder: RoadmapFolder, loaded: LoadResult) {
		this.folder = folder
		this.environment = options.environment
		this.retryDelay = this.retryMinMs
		this.outbox = new Outbox(options.outbox, options.writer.author, options.path)
		const kept = loaded.access.canWrite ? this.outbox.list() : []
		kept.forEach((change) => folder.addLocal(change))
		this.current = {
			roadmap: kept.length ? folder.currentRoadmap() : loaded.roadmap,
			access: loaded.access,
			problems: loaded.problems,
			waiting: describeWaiting(folder.heldBack, folder.currentState.covers, loaded.problems),
			conflicts: loaded.conflicts,
			saveState: 'idle',
			saveError: null,
			unsent: kept.length,
		}
		this.stopWaking = this.environment.onWake((reason) => this.wake(reason))
		const refreshMs = options.refreshMs === undefined ? REFRESH_MS : options.refreshMs
		if (refreshMs !== null) {
			this.pollTimer = this.environment.setInterval(() => {
				if (this.environment.isActive()) {
					void this.refresh()
				}
			}, refreshMs)
		}
		if (kept.length) {
			void this.flush()
		} else if (loaded.readableBehind && loaded.access.canWrite) {
			// A writer closed its page before rewriting it: whoever opens the roadmap next catches it up.
			this.scheduleReadableFile()
		}
	}

	private get retryMinMs(): number {
		return this.options.retryMinMs ?? RETRY_MIN_MS
	}

	get path(): string {
		return this.folder.path
	}

	get state(): SessionState {
		return this.current
	}

	get readOnly(): boolean {
		return !this.current.access.canWrite
	}

	/** Calls `listener` with each new state; returns what stops it. */
	subscribe(listener: Listener<SessionState>): () => void {
		this.stateListeners.add(listener)
		return () => this.stateListeners.delete(listener)
	}

	/** Calls `listener` each time changes of others are merged in; returns what stops it. */
	onMerged(listener: Listener<MergedChanges>): () => void {
		this.mergeListeners.add(listener)
		return () => this.mergeListeners.delete(listener)
	}

	private update(patch: Partial<SessionState>): void {
		this.current = { ...this.current, ...patch }
		for (const listener of this.stateListeners) {
			listener(this.current)
		}
	}

	/**
	 * Applies operations at once, keeps them in the outbox as one change file,
	 * and sends it. Throws a RoadmapFolderError ('read-only', 'invalid-operations')
	 * when the edit may not be made; nothing is kept then.
	 */
	apply(ops: Operation[]): ChangeFile | null {
		if (this.closed) {
			throw new RoadmapFolderError('closed', `${this.path} is closed`)
		}
		if (ops.length === 0) {
			return null
		}
		const change = this.folder.prepareChange(ops)
		this.outbox.add(change)
		this.folder.addLocal(change)
		this.update({ roadmap: rematerialize(this.folder.currentState, this.current.roadmap, ops.map((op) => op.path)), unsent: this.outbox.list().length })
		void this.flush()
		return change
	}

	/** Applies what `recipe` changes in a copy of the roadmap (or the roadmap it returns). Copies the whole roadmap: for rare edits. */
	edit(recipe: (draft: Roadmap) => Roadmap | void): ChangeFile | null {
		const before = this.current.roadmap
		const draft = structuredClone(before)
		return this.apply(diffRoadmaps(before, recipe(draft) ?? draft))
	}

	/** Applies what `recipe` changes in a copy of one task: an edit at the cost of that task, whatever the roadmap's size. */
	editTask(taskId: string, recipe: (draft: Task) => void): ChangeFile | null {
		const before = this.current.roadmap
		const task = before.tasks.find((t) => t.id === taskId)
		if (!task) {
			return null
		}
		const draft = structuredClone(task)
		recipe(draft)
		return this.apply(diffRoadmaps({ ...before, tasks: [task] }, { ...before, tasks: [draft] }))
	}

	/**
	 * Sends what the outbox holds, oldest first, then learns what others wrote
	 * meanwhile. On failure keeps it all and tries again later, waiting longer
	 * each time. Resolves when this round ends, sent or not (see `state`).
	 */
	flush(): Promise<void> {
		this.sending ??= this.sendAll().finally(() => {
			this.sending = null
		})
		return this.sending
	}

	private async sendAll(): Promise<void> {
		// Edits made while folding are sent in another round.
		while (await this.sendRound()) {
			try {
				await this.folder.compactIfDue()
			} catch (error) {
				this.report('folding change files into a snapshot failed; the next save tries again', error)
			}
			if (this.closed || this.outbox.list().length === 0) {
				return
			}
		}
	}

	/** Sends the outbox, then looks around; tells whether all of it went. */
	private async sendRound(): Promise<boolean> {
		this.clearRetry()
		this.update({ saveState: 'saving' })
		try {
			do {
				for (const change of this.outbox.list()) {
					// send() may move the change to a free seq: the outbox knows it by its first name.
					const kept = { ...change }
					await this.folder.send(change)
					this.outbox.remove(kept)
					this.update({ unsent: this.outbox.list().length })
				}
				await this.lookAround()
			} while (this.outbox.list().length > 0 && !this.closed)
		} catch (error) {
			this.update({ saveState: isTransient(error) ? 'offline' : 'error', saveError: error as Error })
			if (!this.closed) {
				this.retryTimer = this.environment.setTimeout(() => void this.flush(), this.retryDelay)
			}
			this.retryDelay = Math.min(this.options.retryMaxMs ?? RETRY_MAX_MS, this.retryDelay * 2)
			return false
		}
		this.retryDelay = this.retryMinMs
		this.update({ saveState: 'saved', saveError: null })
		this.scheduleReadableFile()
		return true
	}

	/** Picks up what others saved meanwhile; left to the sending under way when there is one. */
	async refresh(): Promise<void> {
		if (this.closed || this.sending || this.current.unsent > 0) {
			return
		}
		try {
			await this.lookAround()
		} catch (error) {
			// The next save or refresh says whether the server is back.
			this.report('looking for others\' changes failed', error)
		}
	}

	/** One look at the folder, queued behind any look under way, applied to the state held. */
	private lookAround(): Promise<void> {
		const look = this.lookQueue.then(() => this.folder.catchUp()).then((learned) => this.learn(learned))
		this.lookQueue = look.catch(() => {})
		return look
	}

	private learn(learned: CatchUpResult): void {
		if (this.closed) {
			return
		}
		const before = this.current.roadmap
		const state = this.folder.currentState
		let roadmap = before
		if (learned.absorbedSnapshot) {
			roadmap = materialize(state)
		} else if (learned.applied.length) {
			roadmap = rematerialize(state, before, learned.applied.flatMap((change) => change.ops.map((op) => op.path)))
		}
		const byOthers = learned.applied.filter((change) => change.writer !== this.folder.writerId)
		// A snapshot folds files no longer there to read: only then is the whole roadmap compared.
		const merged = learned.absorbedSnapshot
			? othersChanges(before, roadmap)
			: describeOperations(byOthers.flatMap((change) => change.ops), before, roadmap)
		// Conflicts told stay until something new arrives.
		const conflicts = learned.applied.length || learned.absorbedSnapshot ? learned.conflicts : this.current.conflicts
		// Nothing held back, before or now (the usual case): the same list, so that nothing redraws.
		const waiting = this.folder.heldBack.length || this.current.waiting.length ? describeWaiting(this.folder.heldBack, state.covers, learned.problems) : this.current.waiting
		this.update({ roadmap, access: this.folder.folderAccess, problems: learned.problems, waiting, conflicts })
		if (merged) {
			for (const listener of this.mergeListeners) {
				listener(merged)
			}
		}
	}

	private wake(reason: WakeReason): void {
		// A hidden page may be closing: what waits for a pause is done now.
		if (reason === 'hidden') {
			if (this.readableTimer !== null) {
				void this.writeReadableFile()
			}
		} else if (reason === 'online' && (this.current.unsent > 0 || this.current.saveState === 'offline' || this.current.saveState === 'error')) {
			void this.flush()
		} else {
			void this.refresh()
		}
	}

	private clearRetry(): void {
		if (this.retryTimer !== null) {
			this.environment.clearTimeout(this.retryTimer)
		}
		this.retryTimer = null
	}

	/** The readable file is rewritten once edits pause: it is derived, and rewriting it costs the whole roadmap. */
	private scheduleReadableFile(): void {
		if (this.readableTimer !== null) {
			this.environment.clearTimeout(this.readableTimer)
		}
		this.readableTimer = this.environment.setTimeout(() => void this.writeReadableFile(), this.options.readableDelayMs ?? READABLE_DELAY_MS)
	}

	private async writeReadableFile(): Promise<void> {
		if (this.readableTimer !== null) {
			this.environment.clearTimeout(this.readableTimer)
		}
		this.readableTimer = null
		if (this.readOnly) {
			return
		}
		if (!await this.folder.writeReadableFile(this.current.roadmap)) {
			this.report(`${this.path}: the readable file could not be rewritten; the next save tries again`, null)
		}
	}

	/**
	 * Sends everything now and rewrites the readable file, for a caller about to
	 * go (the command line). Rejects with the failure when edits stay unsent.
	 */
	async settle(): Promise<void> {
		await this.flush()
		if (this.current.unsent > 0 || this.current.saveState === 'offline' || this.current.saveState === 'error') {
			throw this.current.saveError ?? new Error(`${this.path}: edits could not be saved`)
		}
		if (this.current.saveState === 'saved') {
			await this.writeReadableFile()
		}
	}

	/** The files the history is made of (see roadmapHistory.ts). */
	readHistory(): Promise<HistoryFiles> {
		return this.folder.readHistory()
	}

	/** Nextcloud's versions of the readable file, to look back before the history's start. */
	readableFileVersions(): Promise<FileVersion[]> {
		return this.folder.readableFileVersions()
	}

	readVersion(version: FileVersion): Promise<Roadmap> {
		return this.folder.readVersion(version)
	}

	/** Stops timers and listeners. Edits not sent stay in the outbox for the next visit; a pending readable file is written now. */
	dispose(): void {
		if (this.closed) {
			return
		}
		if (this.readableTimer !== null) {
			void this.writeReadableFile()
		}
		this.closed = true
		this.clearRetry()
		if (this.pollTimer !== null) {
			this.environment.clearInterval(this.pollTimer)
		}
		this.stopWaking()
		this.stateListeners.clear()
		this.mergeListeners.clear()
	}

	private report(message: string, error: unknown): void {
		this.options.report?.(message, error)
	}
}
