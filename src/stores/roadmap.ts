/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The open roadmap, as the views see it: a thin mirror of its RoadmapSession
 * (src/storage/roadmapSession.ts), which applies edits, keeps and sends them,
 * and picks up what others saved. Also the list of roadmaps to open.
 */

import type { PendingShare } from '../api/remoteShares.ts'
import type { DiscoveredRoadmap } from '../api/roadmaps.ts'
import type { Conflict } from '../domain/crdt.ts'
import type { RoadmapHistory } from '../domain/history.ts'
import type { MergedChanges } from '../domain/mergedChanges.ts'
import type { ChecklistItem, Roadmap, Task, TaskInit, TaskStatus } from '../domain/model.ts'
import type { Operation } from '../domain/storageFormat.ts'
import type { FileVersion } from '../storage/dav.ts'
import type { FileProblem, FolderAccess } from '../storage/roadmapFolder.ts'
import type { RoadmapSessionOptions, SaveState, SessionState } from '../storage/roadmapSession.ts'
import type { WaitingChanges } from '../storage/waitingChanges.ts'

import { getCurrentUser } from '@nextcloud/auth'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { davClient } from '../api/clients.ts'
import { answerShare as answerPendingShare } from '../api/remoteShares.ts'
import { holdsRoadmap, listRoadmaps } from '../api/roadmaps.ts'
import { appendedItemId } from '../domain/checklist.ts'
import { buildHistory, restoreInto } from '../domain/history.ts'
import { newId } from '../domain/ids.ts'
import { makeTask } from '../domain/model.ts'
import { roadmapProgress } from '../domain/progress.ts'
import { logger } from '../logger.ts'
import { DEFAULT_ROADMAPS_FOLDER } from '../storage/roadmapDiscovery.ts'
import { RoadmapSession } from '../storage/roadmapSession.ts'
import { browserEnvironment } from '../storage/sessionEnvironment.ts'
import { claimWriterId } from '../storage/writerIdentity.ts'

export type { SaveState } from '../storage/roadmapSession.ts'

function addTaskOperation(task: Task): Operation {
	return { op: 'add', path: `tasks/${task.id}`, value: task as unknown as Record<string, unknown> }
}

export const useRoadmapStore = defineStore('roadmap', () => {
	const locations = ref<DiscoveredRoadmap[]>([])
	/** Federated shares waiting for the user's answer. */
	const pendingShares = ref<PendingShare[]>([])
	const listing = ref(false)
	const path = ref<string | null>(null)
	const roadmap = shallowRef<Roadmap | null>(null)
	const access = ref<FolderAccess | null>(null)
	const problems = ref<FileProblem[]>([])
	const waiting = ref<WaitingChanges[]>([])
	const conflicts = ref<Conflict[]>([])
	const loading = ref(false)
	const loadError = ref<string | null>(null)
	/** What made the last open fail, for the words shown (loadError is its technical message). */
	const loadFailure = shallowRef<Error | null>(null)
	const saveState = ref<SaveState>('idle')
	const saveError = ref<string | null>(null)
	/** Edits kept in this browser, not yet written to Nextcloud. */
	const unsent = ref(0)
	/** What others changed that was merged in last, to tell the user; null when nothing was. */
	const merged = ref<MergedChanges | null>(null)
	let session: RoadmapSession | null = null
	let writerId: Promise<string> | null = null

	const progress = computed(() => (roadmap.value ? roadmapProgress(roadmap.value) : null))
	const readOnly = computed(() => !access.value?.canWrite)

	/** The user's roadmaps, those shared with them, and federated shares waiting for an answer. */
	async function refreshList(): Promise<void> {
		listing.value = true
		try {
			const list = await listRoadmaps()
			locations.value = list.roadmaps
			pendingShares.value = list.pending
		} finally {
			listing.value = false
		}
	}

	/** Accepts or refuses a federated share; an accepted one is then listed with the partners' roadmaps. */
	async function answerShare(share: PendingShare, accept: boolean): Promise<void> {
		await answerPendingShare(share.id, accept)
		await refreshList()
	}

	async function sessionOptions(target: string): Promise<RoadmapSessionOptions> {
		writerId ??= claimWriterId()
		return {
			dav: davClient(),
			path: target,
			writer: { id: await writerId, author: getCurrentUser()?.uid ?? '' },
			outbox: window.localStorage,
			environment: browserEnvironment(window),
			report: (message, error) => logger.warn(message, { error }),
		}
	}

	function mirror(state: SessionState): void {
		roadmap.value = state.roadmap
		access.value = state.access
		problems.value = state.problems
		waiting.value = state.waiting
		conflicts.value = state.conflicts
		saveState.value = state.saveState
		saveError.value = state.saveError?.message ?? null
		unsent.value = state.unsent
	}

	/** Makes `next` the open roadmap's session, the views mirroring it. */
	function follow(next: RoadmapSession): void {
		session?.dispose()
		session = next
		mirror(next.state)
		next.subscribe(mirror)
		next.onMerged((changes) => {
			merged.value = changes
		})
	}

	async function open(target: string): Promise<void> {
		loading.value = true
		loadError.value = null
		loadFailure.value = null
		merged.value = null
		path.value = target
		session?.dispose()
		session = null
		try {
			const opened = await RoadmapSession.open(await sessionOptions(target))
			// Another roadmap was asked for meanwhile.
			if (path.value !== target) {
				opened.dispose()
			} else {
				follow(opened)
			}
		} catch (error) {
			// A roadmap asked for, or created, meanwhile is not the one that failed.
			if (path.value === target) {
				roadmap.value = null
				loadError.value = (error as Error).message
				loadFailure.value = error as Error
			}
		} finally {
			if (path.value === target) {
				loading.value = false
			}
		}
	}

	/** Creates a roadmap in the folder `target` (made if missing, its parent must exist) and opens it. */
	async function create(target: string, initial: Roadmap): Promise<void> {
		if (target.startsWith(`${DEFAULT_ROADMAPS_FOLDER}/`)) {
			await davClient().createFolder(DEFAULT_ROADMAPS_FOLDER)
		}
		const created = await RoadmapSession.create(await sessionOptions(target), initial)
		path.value = target
		// What the roadmap open before (maybe one that could not be opened) told is not about this one.
		loading.value = false
		loadError.value = null
		loadFailure.value = null
		merged.value = null
		follow(created)
		await refreshList()
	}

	/** Picks up what others saved meanwhile. */
	async function refresh(): Promise<void> {
		await session?.refresh()
	}

	function writable(): RoadmapSession | null {
		return session && !session.readOnly ? session : null
	}

	/** Applies an edit on screen at once, keeps it in the browser, and sends it. Copies the whole roadmap: the functions below avoid that. */
	function edit(change: (draft: Roadmap) => void): void {
		writable()?.edit(change)
	}

	/** Like edit, for callers that know the operations. */
	function applyOps(ops: Operation[]): void {
		writable()?.apply(ops)
	}

	function setTaskStatus(taskId: string, status: TaskStatus): void {
		writable()?.editTask(taskId, (task) => {
			task.status = status
		})
	}

	function addTask(title: string, phase: string | null): string {
		return createTask({ title, phase })
	}

	/** Creates a task at the end of its status column; returns its id. */
	function createTask(init: Omit<TaskInit, 'id'>): string {
		const id = newId('task')
		const status = init.status ?? 'todo'
		const last = Math.max(0, ...(roadmap.value?.tasks ?? []).filter((t) => t.status === status).map((t) => t.order))
		applyOps([addTaskOperation(makeTask({ order: last + 1, ...init, id }))])
		return id
	}

	/** Changes some fields of a task; fields left out keep their value, so concurrent edits of other fields all survive. */
	function updateTask(taskId: string, patch: Partial<Omit<Task, 'id'>>): void {
		writable()?.editTask(taskId, (task) => Object.assign(task, structuredClone(patch)))
	}

	/** Puts a task in a status column at a position (see domain/board orderBetween). */
	function moveTask(taskId: string, status: TaskStatus, order: number): void {
		const task = roadmap.value?.tasks.find((t) => t.id === taskId)
		if (!task) {
			return
		}
		const ops: Operation[] = []
		if (task.status !== status) {
			ops.push({ op: 'set', path: `tasks/${taskId}/status`, value: status })
		}
		if (task.order !== order) {
			ops.push({ op: 'set', path: `tasks/${taskId}/order`, value: order })
		}
		applyOps(ops)
	}

	/** A copy of a task right after it, titled as a copy by the caller; returns the new id. */
	function duplicateTask(taskId: string, title: string): string | null {
		const source = roadmap.value?.tasks.find((t) => t.id === taskId)
		if (!source) {
			return null
		}
		const { id: _id, ...fields } = structuredClone(source)
		// New item ids, in the same order (items are listed by id).
		const now = Date.now()
		const checklist = fields.checklist.reduce<ChecklistItem[]>((copied, item, i) => [...copied, { ...item, id: appendedItemId(copied, now + i) }], [])
		return createTask({ ...fields, title, order: source.order + 0.5, checklist })
	}

	/** Deletes a task and returns it, so that the caller can offer to undo with restoreTask. */
	function deleteTask(taskId: string): Task | null {
		const task = roadmap.value?.tasks.find((t) => t.id === taskId)
		if (!task) {
			return null
		}
		// Nothing may depend on a task that no longer exists.
		const dependents = roadmap.value!.tasks.filter((other) => other.dependsOn.includes(taskId))
		applyOps([
			{ op: 'remove', path: `tasks/${taskId}` },
			...dependents.map((other): Operation => ({ op: 'set', path: `tasks/${other.id}/dependsOn`, value: other.dependsOn.filter((id) => id !== taskId) })),
		])
		return structuredClone(task)
	}

	/** Undoes deleteTask: the task comes back with its id (a later change wins over the deletion). */
	function restoreTask(task: Task): void {
		if (roadmap.value?.tasks.some((t) => t.id === task.id)) {
			return
		}
		applyOps([addTaskOperation(structuredClone(task))])
	}

	function opened(): RoadmapSession {
		if (!session) {
			throw new Error('no roadmap is open')
		}
		return session
	}

	/** The open roadmap's history: its snapshots and the change files since (see domain/history.ts); null for a roadmap that keeps none. */
	async function readHistory(): Promise<RoadmapHistory | null> {
		const files = await opened().readHistory()
		return files.snapshots.length ? buildHistory(files.snapshots, files.changes) : null
	}

	/** Nextcloud's versions of the readable file, to look back before the history's start. */
	function readableFileVersions(): Promise<FileVersion[]> {
		return opened().readableFileVersions()
	}

	function readVersion(version: FileVersion): Promise<Roadmap> {
		return opened().readVersion(version)
	}

	/** Makes the roadmap as it was: saved as one new change, so the history grows and nothing is lost. */
	function restoreRoadmap(past: Roadmap): void {
		edit((draft) => restoreInto(draft, past))
	}

	return { merged, refresh, readHistory, readableFileVersions, readVersion, restoreRoadmap, addTask, createTask, updateTask, moveTask, duplicateTask, deleteTask, restoreTask, answerShare, pendingShares, unsent, locations, listing, path, roadmap, access, problems, waiting, conflicts, loading, loadError, loadFailure, saveState, saveError, progress, readOnly, refreshList, open, create, holdsRoadmap, edit, setTaskStatus }
})
