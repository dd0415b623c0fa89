/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The dashboard widget's state: the current user's open tasks across every
 * roadmap they can open, and the progress of the roadmap they picked.
 * A plain composable rather than a Pinia store: the widget has one state
 * and a 50 KB budget.
 */

import type { Roadmap } from '../domain/model.ts'
import type { MyTask } from '../domain/myTasks.ts'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery.ts'

import { computed, reactive, ref, shallowRef } from 'vue'
import { localToday } from '../domain/dates.ts'
import { myTasks } from '../domain/myTasks.ts'
import { roadmapProgress } from '../domain/progress.ts'
import { createBrowserDavClient, createBrowserOcsClient } from '../storage/browserClient.ts'
import { mapLimited, ROADMAPS_AT_ONCE, withTimeLimit } from '../storage/concurrency.ts'
import { pageSession } from '../storage/pageSession.ts'
import { discoverRoadmaps } from '../storage/roadmapDiscovery.ts'
import { RoadmapSession } from '../storage/roadmapSession.ts'
import { browserEnvironment } from '../storage/sessionEnvironment.ts'
import { claimWriterId } from '../storage/writerIdentity.ts'

export interface DashboardTask extends MyTask {
	roadmapPath: string
	roadmapTitle: string
}

interface OpenRoadmap {
	location: DiscoveredRoadmap
	session: RoadmapSession
	roadmap: Roadmap
	canWrite: boolean
}

const PICKED_KEY = 'degooglisation:dashboard-roadmap'
/** A roadmap not opened by then is listed as not opened: the others show meanwhile. */
const OPEN_TIME_LIMIT_MS = 8000

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
		const all = roadmaps.value.flatMap((r) => myTasks(r.roadmap, identities(uid), localToday())
			.map((t) => ({ ...t, roadmapPath: r.location.path, roadmapTitle: r.roadmap.title })))
		return all.sort((a, b) => (Number(!a.overdue) - Number(!b.overdue))
			|| (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31')
			|| a.roadmapPath.localeCompare(b.roadmapPath))
	})

	const picked = computed(() => roadmaps.value.find((r) => r.location.path === pickedPath.value) ?? roadmaps.value[0] ?? null)
	const progress = computed(() => (picked.value ? roadmapProgress(picked.value.roadmap) : null))

	/** Shows a roadmap's new state: each session's edits and what it learns land here. */
	function follow(location: DiscoveredRoadmap, session: RoadmapSession): OpenRoadmap {
		session.subscribe((state) => {
			roadmaps.value = roadmaps.value.map((r) => (r.session === session ? { ...r, roadmap: state.roadmap, canWrite: state.access.canWrite } : r))
		})
		return { location, session, roadmap: session.state.roadmap, canWrite: session.state.access.canWrite }
	}

	async function load(): Promise<void> {
		loading.value = true
		error.value = null
		for (const r of roadmaps.value) {
			r.session.dispose()
		}
		try {
			writerId ??= claimWriterId()
			const dav = createBrowserDavClient(session)
			const locations = await discoverRoadmaps(dav, createBrowserOcsClient(session))
			const writer = { id: await writerId, author: uid }
			const opened = await mapLimited(locations, ROADMAPS_AT_ONCE, async (location) => {
				// The widget lives as long as the dashboard: it does not poll (the app page does), and its rare edits rewrite the readable file at once.
				const opening = RoadmapSession.open({ dav, path: location.path, writer, outbox: window.localStorage, environment: browserEnvironment(window), refreshMs: null, readableDelayMs: 0 })
				try {
					return follow(location, await withTimeLimit(opening, OPEN_TIME_LIMIT_MS))
				} catch {
					// Opened too late to be shown: closed, not left running.
					opening.then((late) => late.dispose(), () => {})
					return location.path
				}
			})
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

	/** Marks a task done through the roadmap's session, as the app page edits: kept in the browser until written. */
	async function markDone(task: DashboardTask): Promise<void> {
		const target = roadmaps.value.find((r) => r.location.path === task.roadmapPath)
		if (!target?.canWrite) {
			return
		}
		status.value = ''
		try {
			target.session.editTask(task.taskId, (draft) => {
				draft.status = 'done'
			})
			await target.session.flush()
		} catch (e) {
			error.value = (e as Error).message
			return
		}
		const { saveError } = target.session.state
		if (saveError) {
			error.value = saveError.message
		} else {
			status.value = task.title
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
