/**
 * The open roadmap: loading, edits and their saving state. Edits apply at once
 * on screen and are saved as operations through the storage core; a save that
 * fails stays pending and is retried.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Conflict } from '../domain/crdt'
import type { MergedChanges } from '../domain/mergedChanges'
import { diffRoadmaps } from '../domain/crdt'
import { othersChanges } from '../domain/mergedChanges'
import type { RoadmapHistory } from '../domain/history'
import { buildHistory, restoreInto } from '../domain/history'
import { newId } from '../domain/ids'
import { appendedItemId } from '../domain/checklist'
import type { ChecklistItem, Roadmap, Task, TaskInit, TaskStatus } from '../domain/model'
import type { Operation } from '../domain/storageFormat'
import { makeTask } from '../domain/model'
import { roadmapProgress } from '../domain/progress'
import { getCurrentUser, getRequestToken } from '@nextcloud/auth'
import { getBaseUrl } from '@nextcloud/router'
import { createBrowserDavClient, createBrowserOcsClient } from '../storage/browserClient'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery'
import { DEFAULT_ROADMAPS_FOLDER, discoverRoadmaps, isRoadmapFolder } from '../storage/roadmapDiscovery'
import type { FileVersion } from '../storage/dav'
import type { RemoteShare } from '../storage/ocs'
import type { FileProblem, FolderAccess } from '../storage/roadmapFolder'
import { RoadmapFolder } from '../storage/roadmapFolder'
import { claimWriterId } from '../storage/writerIdentity'
import { Outbox } from '../storage/outbox'
import { isTransient } from '../storage/retry'

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error'

const RETRY_MIN_MS = 2000
const RETRY_MAX_MS = 60_000
const REFRESH_MS = 30_000

export const useRoadmapStore = defineStore('roadmap', () => {
	const locations = ref<DiscoveredRoadmap[]>([])
	/** Federated shares waiting for the user's answer. */
	const pendingShares = ref<RemoteShare[]>([])
	const listing = ref(false)
	const path = ref<string | null>(null)
	const roadmap = shallowRef<Roadmap | null>(null)
	const access = ref<FolderAccess | null>(null)
	const problems = ref<FileProblem[]>([])
	const conflicts = ref<Conflict[]>([])
	const loading = ref(false)
	const loadError = ref<string | null>(null)
	const saveState = ref<SaveState>('idle')
	const saveError = ref<string | null>(null)
	/** Edits kept in this browser, not yet written to Nextcloud. */
	const unsent = ref(0)
	/** What others changed that was merged in last, to tell the user; null when nothing was. */
	const merged = ref<MergedChanges | null>(null)
	let folder: RoadmapFolder | null = null
	let outbox: Outbox | null = null
	let writerId: Promise<string> | null = null
	let retryTimer: ReturnType<typeof setTimeout> | null = null
	let retryDelay = RETRY_MIN_MS
	let flushing = false

	const progress = computed(() => (roadmap.value ? roadmapProgress(roadmap.value) : null))
	const readOnly = computed(() => !access.value?.canWrite)

	function dav() {
		const uid = getCurrentUser()?.uid
		if (!uid) throw new Error('not logged in to Nextcloud')
		return createBrowserDavClient({ uid, requestToken: getRequestToken, baseUrl: getBaseUrl() })
	}

	async function openFolder(target: string): Promise<RoadmapFolder> {
		writerId ??= claimWriterId()
		return new RoadmapFolder({ dav: dav(), path: target, writer: { id: await writerId, author: getCurrentUser()?.uid ?? '' } })
	}

	function ocs() {
		return createBrowserOcsClient({ uid: getCurrentUser()?.uid ?? '', requestToken: getRequestToken, baseUrl: getBaseUrl() })
	}

	/** The user's roadmaps, those shared with them, and federated shares waiting for an answer. */
	async function refreshList(): Promise<void> {
		listing.value = true
		try {
			const client = ocs()
			const [found, pending] = await Promise.all([discoverRoadmaps(dav(), client), client.pendingRemoteShares().catch(() => [])])
			locations.value = found
			pendingShares.value = pending
		} finally {
			listing.value = false
		}
	}

	/** Accepts or refuses a federated share; an accepted one is then listed with the partners' roadmaps. */
	async function answerShare(share: RemoteShare, accept: boolean): Promise<void> {
		const client = ocs()
		if (accept) await client.acceptRemoteShare(share.id)
		else await client.declineRemoteShare(share.id)
		await refreshList()
	}

	async function open(target: string): Promise<void> {
		loading.value = true
		loadError.value = null
		merged.value = null
		path.value = target
		try {
			folder = await openFolder(target)
			const result = await folder.load()
			access.value = result.access
			problems.value = result.problems
			// Edits kept from an earlier visit show at once and are sent again.
			outbox = new Outbox(window.localStorage, getCurrentUser()?.uid ?? '', target)
			const kept = outbox.list()
			if (result.access.canWrite) kept.forEach((change) => folder!.addLocal(change))
			unsent.value = kept.length
			roadmap.value = folder.currentRoadmap()
			if (kept.length) void flush()
		} catch (error) {
			roadmap.value = null
			loadError.value = (error as Error).message
		} finally {
			loading.value = false
		}
	}

	/** Creates a roadmap in the folder `target` (made if missing, its parent must exist) and opens it. */
	async function create(target: string, initial: Roadmap): Promise<void> {
		if (target.startsWith(`${DEFAULT_ROADMAPS_FOLDER}/`)) await dav().createFolder(DEFAULT_ROADMAPS_FOLDER)
		folder = await openFolder(target)
		const result = await folder.create(initial)
		outbox = new Outbox(window.localStorage, getCurrentUser()?.uid ?? '', target)
		path.value = target
		roadmap.value = result.roadmap
		access.value = result.access
		problems.value = result.problems
		await refreshList()
	}

	/** Whether a folder of the user's files holds a roadmap, before opening it. */
	function holdsRoadmap(target: string): Promise<boolean> {
		return isRoadmapFolder(dav(), target)
	}

	/** Sends what the outbox holds, oldest first; on failure keeps it and tries again later, waiting longer each time. */
	async function flush(): Promise<void> {
		if (!folder || !outbox || flushing) return
		flushing = true
		if (retryTimer) clearTimeout(retryTimer)
		retryTimer = null
		const target = folder
		saveState.value = 'saving'
		try {
			for (const change of outbox.list()) {
				const name = { writer: change.writer, seq: change.seq }
				await target.send(change)
				outbox.remove({ ...change, ...name })
				unsent.value = outbox.list().length
			}
			const mine = target.currentRoadmap()
			const reloaded = await target.load()
			if (folder === target) showReloaded(mine, reloaded)
			saveState.value = 'saved'
			saveError.value = null
			retryDelay = RETRY_MIN_MS
			void target.writeReadableFile()
		} catch (error) {
			saveState.value = isTransient(error) ? 'offline' : 'error'
			saveError.value = (error as Error).message
			retryTimer = setTimeout(() => void flush(), retryDelay)
			retryDelay = Math.min(RETRY_MAX_MS, retryDelay * 2)
		} finally {
			flushing = false
		}
		if (saveState.value === 'saved' && outbox.list().length) await flush()
	}

	/** Shows a reloaded roadmap, and says what others changed since `before`. */
	function showReloaded(before: Roadmap, reloaded: { roadmap: Roadmap, conflicts: Conflict[] }): void {
		const byOthers = othersChanges(before, reloaded.roadmap)
		if (byOthers) merged.value = byOthers
		roadmap.value = reloaded.roadmap
		conflicts.value = reloaded.conflicts
	}

	/** Picks up what others saved meanwhile; skipped while edits of this page are on their way. */
	async function refresh(): Promise<void> {
		if (!folder || flushing || (outbox && outbox.list().length)) return
		const target = folder
		const before = target.currentRoadmap()
		try {
			const reloaded = await target.load()
			if (folder === target && !flushing) showReloaded(before, reloaded)
		} catch {
			// The next save or refresh says whether the server is back.
		}
	}

	/** Applies an edit on screen at once, keeps it in the browser, and sends it. */
	function edit(change: (draft: Roadmap) => void): void {
		if (!roadmap.value || !folder || !outbox || readOnly.value) return
		const before = roadmap.value
		const after = structuredClone(before)
		change(after)
		applyOps(diffRoadmaps(before, after))
	}

	/** Like edit, for callers that know the operations: copying and comparing 5,000 tasks costs tens of milliseconds. */
	function applyOps(ops: Operation[]): void {
		if (!roadmap.value || !folder || !outbox || readOnly.value || ops.length === 0) return
		const prepared = folder.prepareChange(ops)
		outbox.add(prepared)
		folder.addLocal(prepared)
		unsent.value = outbox.list().length
		roadmap.value = folder.currentRoadmap()
		void flush()
	}

	function setTaskStatus(taskId: string, status: TaskStatus): void {
		edit((draft) => {
			const task = draft.tasks.find((t) => t.id === taskId)
			if (task) task.status = status
		})
	}

	function addTask(title: string, phase: string | null): string {
		return createTask({ title, phase })
	}

	/** Creates a task at the end of its status column; returns its id. */
	function createTask(init: Omit<TaskInit, 'id'>): string {
		const id = newId('task')
		edit((draft) => {
			const status = init.status ?? 'todo'
			const last = Math.max(0, ...draft.tasks.filter((t) => t.status === status).map((t) => t.order))
			draft.tasks.push(makeTask({ order: last + 1, ...init, id }))
		})
		return id
	}

	/** Changes some fields of a task; fields left out keep their value, so concurrent edits of other fields all survive. */
	function updateTask(taskId: string, patch: Partial<Omit<Task, 'id'>>): void {
		edit((draft) => {
			const task = draft.tasks.find((t) => t.id === taskId)
			if (task) Object.assign(task, structuredClone(patch))
		})
	}

	/** Puts a task in a status column at a position (see domain/board orderBetween). */
	function moveTask(taskId: string, status: TaskStatus, order: number): void {
		const task = roadmap.value?.tasks.find((t) => t.id === taskId)
		if (!task) return
		// A move is the board's most frequent edit: its two operations are known, no need to copy and compare the roadmap.
		const ops: Operation[] = []
		if (task.status !== status) ops.push({ op: 'set', path: `tasks/${taskId}/status`, value: status })
		if (task.order !== order) ops.push({ op: 'set', path: `tasks/${taskId}/order`, value: order })
		applyOps(ops)
	}

	/** A copy of a task right after it, titled as a copy by the caller; returns the new id. */
	function duplicateTask(taskId: string, title: string): string | null {
		const source = roadmap.value?.tasks.find((t) => t.id === taskId)
		if (!source) return null
		const { id: _id, ...fields } = structuredClone(source)
		// New item ids, in the same order (items are listed by id).
		const now = Date.now()
		const checklist = fields.checklist.reduce<ChecklistItem[]>((copied, item, i) => [...copied, { ...item, id: appendedItemId(copied, now + i) }], [])
		return createTask({ ...fields, title, order: source.order + 0.5, checklist })
	}

	/** Deletes a task and returns it, so that the caller can offer to undo with restoreTask. */
	function deleteTask(taskId: string): Task | null {
		const task = roadmap.value?.tasks.find((t) => t.id === taskId)
		if (!task) return null
		edit((draft) => {
			draft.tasks = draft.tasks.filter((t) => t.id !== taskId)
			// Nothing may depend on a task that no longer exists.
			for (const other of draft.tasks) {
				if (other.dependsOn.includes(taskId)) other.dependsOn = other.dependsOn.filter((id) => id !== taskId)
			}
		})
		return structuredClone(task)
	}

	/** Undoes deleteTask: the task comes back with its id (a later change wins over the deletion). */
	function restoreTask(task: Task): void {
		edit((draft) => {
			if (!draft.tasks.some((t) => t.id === task.id)) draft.tasks.push(structuredClone(task))
		})
	}

	/** The open roadmap's history: its snapshots and the change files since (see domain/history.ts); null for a roadmap that keeps none. */
	async function readHistory(): Promise<RoadmapHistory | null> {
		if (!folder) throw new Error('no roadmap is open')
		const files = await folder.readHistory()
		return files.snapshots.length ? buildHistory(files.snapshots, files.changes) : null
	}

	/** Nextcloud's versions of the readable file, to look back before the history's start. */
	function readableFileVersions(): Promise<FileVersion[]> {
		if (!folder) throw new Error('no roadmap is open')
		return folder.readableFileVersions()
	}

	function readVersion(version: FileVersion): Promise<Roadmap> {
		if (!folder) throw new Error('no roadmap is open')
		return folder.readVersion(version)
	}

	/** Makes the roadmap as it was: saved as one new change, so the history grows and nothing is lost. */
	function restoreRoadmap(past: Roadmap): void {
		edit((draft) => restoreInto(draft, past))
	}

	window.addEventListener('online', () => void flush())
	// Others' saves show up without a reload: a check costs 2 requests when nothing changed.
	setInterval(() => {
		if (document.visibilityState === 'visible') void refresh()
	}, REFRESH_MS)
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void refresh()
	})

	return { merged, refresh, readHistory, readableFileVersions, readVersion, restoreRoadmap, davClient: dav, ocsClient: ocs, addTask, createTask, updateTask, moveTask, duplicateTask, deleteTask, restoreTask, answerShare, pendingShares, unsent, locations, listing, path, roadmap, access, problems, conflicts, loading, loadError, saveState, saveError, progress, readOnly, refreshList, open, create, holdsRoadmap, edit, setTaskStatus }
})
