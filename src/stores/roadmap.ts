/**
 * The open roadmap: loading, edits and their saving state. Edits apply at once
 * on screen and are saved as operations through the storage core; a save that
 * fails stays pending and is retried.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Conflict } from '../domain/crdt'
import { diffRoadmaps } from '../domain/crdt'
import { newId } from '../domain/ids'
import type { Roadmap, TaskStatus } from '../domain/model'
import { makeTask } from '../domain/model'
import { roadmapProgress } from '../domain/progress'
import type { Operation } from '../domain/storageFormat'
import { getCurrentUser, getRequestToken } from '@nextcloud/auth'
import { getBaseUrl } from '@nextcloud/router'
import { createBrowserDavClient } from '../storage/browserClient'
import type { RoadmapLocation } from '../storage/roadmapDiscovery'
import { DEFAULT_ROADMAPS_FOLDER, findRoadmaps } from '../storage/roadmapDiscovery'
import type { FileProblem, FolderAccess } from '../storage/roadmapFolder'
import { RoadmapFolder } from '../storage/roadmapFolder'
import { claimWriterId } from '../storage/writerIdentity'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

export const useRoadmapStore = defineStore('roadmap', () => {
	const locations = ref<RoadmapLocation[]>([])
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
	const pending: Operation[] = []
	let folder: RoadmapFolder | null = null
	let writerId: Promise<string> | null = null

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

	async function refreshList(): Promise<void> {
		listing.value = true
		try {
			locations.value = await findRoadmaps(dav())
		} finally {
			listing.value = false
		}
	}

	async function open(target: string): Promise<void> {
		loading.value = true
		loadError.value = null
		path.value = target
		try {
			folder = await openFolder(target)
			const result = await folder.load()
			roadmap.value = result.roadmap
			access.value = result.access
			problems.value = result.problems
		} catch (error) {
			roadmap.value = null
			loadError.value = (error as Error).message
		} finally {
			loading.value = false
		}
	}

	async function create(name: string, initial: Roadmap): Promise<void> {
		const target = `${DEFAULT_ROADMAPS_FOLDER}/${name}`
		await dav().createFolder(DEFAULT_ROADMAPS_FOLDER)
		folder = await openFolder(target)
		const result = await folder.create(initial)
		path.value = target
		roadmap.value = result.roadmap
		access.value = result.access
		problems.value = result.problems
		await refreshList()
	}

	async function flush(): Promise<void> {
		if (!folder || pending.length === 0 || saveState.value === 'saving') return
		const ops = pending.splice(0)
		saveState.value = 'saving'
		try {
			await folder.save(ops)
			const reloaded = await folder.load()
			roadmap.value = reloaded.roadmap
			conflicts.value = reloaded.conflicts
			saveState.value = 'saved'
			saveError.value = null
			void folder.writeReadableFile()
		} catch (error) {
			pending.unshift(...ops)
			saveState.value = 'error'
			saveError.value = (error as Error).message
			setTimeout(() => void flush(), 5000)
		}
		if (pending.length) await flush()
	}

	/** Applies an edit on screen at once and saves it. */
	function edit(change: (draft: Roadmap) => void): void {
		if (!roadmap.value || readOnly.value) return
		const before = roadmap.value
		const after = structuredClone(before)
		change(after)
		pending.push(...diffRoadmaps(before, after))
		roadmap.value = after
		void flush()
	}

	function setTaskStatus(taskId: string, status: TaskStatus): void {
		edit((draft) => {
			const task = draft.tasks.find((t) => t.id === taskId)
			if (task) task.status = status
		})
	}

	function addTask(title: string, phase: string | null): void {
		edit((draft) => {
			draft.tasks.push(makeTask({ id: newId('task'), title, phase }))
		})
	}

	return { addTask, locations, listing, path, roadmap, access, problems, conflicts, loading, loadError, saveState, saveError, progress, readOnly, refreshList, open, create, edit, setTaskStatus }
})
