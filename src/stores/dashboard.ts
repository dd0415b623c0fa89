/**
 * The dashboard widget's state: the current user's open tasks across every
 * roadmap they can open, and the progress of the roadmap they picked.
 * A plain composable rather than a Pinia store: the widget has one state
 * and a 50 KB budget.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import type { Roadmap } from '../domain/model'
import type { MyTask } from '../domain/myTasks'
import { myTasks } from '../domain/myTasks'
import { roadmapProgress } from '../domain/progress'
import { createBrowserDavClient, createBrowserOcsClient } from '../storage/browserClient'
import { pageSession } from '../storage/pageSession'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery'
import { discoverRoadmaps } from '../storage/roadmapDiscovery'
import { RoadmapFolder } from '../storage/roadmapFolder'
import { claimWriterId } from '../storage/writerIdentity'

export interface DashboardTask extends MyTask {
	roadmapPath: string
	roadmapTitle: string
}

interface OpenRoadmap {
	location: DiscoveredRoadmap
	folder: RoadmapFolder
	roadmap: Roadmap
	canWrite: boolean
}

const PICKED_KEY = 'degooglisation:dashboard-roadmap'

function today(): string {
	const now = new Date()
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** The user id and the federated cloud id partner communes assign tasks to. */
function identities(uid: string): string[] {
	const { host, protocol } = window.location
	return [uid, `${uid}@${protocol === 'https:' ? '' : 'http://'}${host}`]
}

function createDashboardState() {
	const session = pageSession()
	const uid = session.uid
	const roadmaps = shallowRef<OpenRoadmap[]>([])
	const loading = ref(false)
	const error = ref<string | null>(null)
	/** Roadmaps that could not be opened: shown, not hidden. */
	const unreadable = ref<string[]>([])
	const pickedPath = ref<string | null>(window.localStorage.getItem(`${PICKED_KEY}:${uid}`))
	const status = ref('')
	let writerId: Promise<string> | null = null

	const tasks = computed<DashboardTask[]>(() => {
		const all = roadmaps.value.flatMap((r) => myTasks(r.roadmap, identities(uid), today())
			.map((t) => ({ ...t, roadmapPath: r.location.path, roadmapTitle: r.roadmap.title })))
		return all.sort((a, b) => (Number(!a.overdue) - Number(!b.overdue))
			|| (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31')
			|| a.roadmapPath.localeCompare(b.roadmapPath))
	})

	const picked = computed(() => roadmaps.value.find((r) => r.location.path === pickedPath.value) ?? roadmaps.value[0] ?? null)
	const progress = computed(() => (picked.value ? roadmapProgress(picked.value.roadmap) : null))

	async function load(): Promise<void> {
		loading.value = true
		error.value = null
		try {
			writerId ??= claimWriterId()
			const dav = createBrowserDavClient(session)
			const locations = await discoverRoadmaps(dav, createBrowserOcsClient(session))
			const writer = { id: await writerId, author: uid }
			const opened = await Promise.all(locations.map(async (location) => {
				const folder = new RoadmapFolder({ dav, path: location.path, writer })
				try {
					const result = await folder.load()
					return { location, folder, roadmap: result.roadmap, canWrite: result.access.canWrite }
				} catch {
					return location.path
				}
			}))
			roadmaps.value = opened.filter((r): r is OpenRoadmap => typeof r !== 'string')
			unreadable.value = opened.filter((r): r is string => typeof r === 'string')
		} catch (e) {
			error.value = (e as Error).message
		} finally {
			loading.value = false
		}
	}

	function pick(path: string): void {
		pickedPath.value = path
		window.localStorage.setItem(`${PICKED_KEY}:${uid}`, path)
	}

	/** Marks a task done through the storage core (one change file), then refreshes that roadmap. */
	async function markDone(task: DashboardTask): Promise<void> {
		const target = roadmaps.value.find((r) => r.location.path === task.roadmapPath)
		if (!target?.canWrite) return
		status.value = ''
		try {
			const saved = await target.folder.save([{ op: 'set', path: `tasks/${task.taskId}/status`, value: 'done' }])
			void target.folder.writeReadableFile()
			roadmaps.value = roadmaps.value.map((r) => (r === target ? { ...r, roadmap: saved.roadmap } : r))
			status.value = task.title
		} catch (e) {
			error.value = (e as Error).message
		}
	}

	function canWrite(task: DashboardTask): boolean {
		return roadmaps.value.find((r) => r.location.path === task.roadmapPath)?.canWrite ?? false
	}

	return { roadmaps, loading, error, unreadable, tasks, picked, progress, status, load, pick, markDone, canWrite }
}

let state: ReturnType<typeof reactive<ReturnType<typeof createDashboardState>>> | null = null

/** One state per page; refs unwrapped, as a store's are. */
export function useDashboardStore() {
	state ??= reactive(createDashboardState())
	return state
}
