/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The dashboard widget's state: the current user's open tasks across every
 * roadmap they can open, and the progress of the roadmap they picked.
 * Plain state with listeners rather than a Pinia store or Vue's reactivity:
 * the widget has one state and a budget in bytes (bench/bundleSize.ts).
 */

import type { Roadmap } from '../domain/model.ts'
import type { MyTask } from '../domain/myTasks.ts'
import type { RoadmapProgress } from '../domain/progress.ts'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery.ts'

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

export interface OpenRoadmap {
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

/** `compute(input)`, computed again only when `input` is another object. */
function derived<I, O>(compute: (input: I) => O): (input: I) => O {
	let last: { input: I, output: O } | null = null
	return (input) => {
		if (last === null || last.input !== input) {
			last = { input, output: compute(input) }
		}
		return last.output
	}
}

export class DashboardState {
	private readonly page = pageSession()
	private readonly uid = this.page.uid
	/** Replaced, never changed in place: a new array tells that tasks or progress may have changed. */
	roadmaps: OpenRoadmap[] = []
	loading = false
	error: string | null = null
	/** Roadmaps that could not be opened: shown, not hidden. */
	unreadable: string[] = []
	pickedPath: string | null = window.localStorage.getItem(`${PICKED_KEY}:${this.uid}`)
	/** The title of the task last marked done, to announce. */
	status = ''
	private writerId: Promise<string> | null = null
	private readonly listeners = new Set<() => void>()

	private readonly tasksOf = derived((roadmaps: OpenRoadmap[]) => roadmaps
		.flatMap((r) => myTasks(r.roadmap, identities(this.uid), localToday())
			.map((t): DashboardTask => ({ ...t, roadmapPath: r.location.path, roadmapTitle: r.roadmap.title })))
		.sort((a, b) => (Number(!a.overdue) - Number(!b.overdue))
			|| (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31')
			|| a.roadmapPath.localeCompare(b.roadmapPath)))

	private readonly progressOf = derived((roadmap: Roadmap | undefined): RoadmapProgress | null => (roadmap ? roadmapProgress(roadmap) : null))

	get tasks(): DashboardTask[] {
		return this.tasksOf(this.roadmaps)
	}

	get picked(): OpenRoadmap | null {
		return this.roadmaps.find((r) => r.location.path === this.pickedPath) ?? this.roadmaps[0] ?? null
	}

	get progress(): RoadmapProgress | null {
		return this.progressOf(this.picked?.roadmap)
	}

	/** Calls `listener` after each change; returns what stops it. */
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener)
		return () => this.listeners.delete(listener)
	}

	private set(patch: Partial<Pick<DashboardState, 'roadmaps' | 'loading' | 'error' | 'unreadable' | 'pickedPath' | 'status'>>): void {
		Object.assign(this, patch)
		for (const listener of this.listeners) {
			listener()
		}
	}

	/** Shows a roadmap's new state: each session's edits and what it learns land here. */
	private follow(location: DiscoveredRoadmap, session: RoadmapSession): OpenRoadmap {
		session.subscribe((state) => {
			this.set({ roadmaps: this.roadmaps.map((r) => (r.session === session ? { ...r, roadmap: state.roadmap, canWrite: state.access.canWrite } : r)) })
		})
		return { location, session, roadmap: session.state.roadmap, canWrite: session.state.access.canWrite }
	}

	async load(): Promise<void> {
		this.set({ loading: true, error: null })
		for (const r of this.roadmaps) {
			r.session.dispose()
		}
		try {
			this.writerId ??= claimWriterId()
			const dav = createBrowserDavClient(this.page)
			const locations = await discoverRoadmaps(dav, createBrowserOcsClient(this.page))
			const writer = { id: await this.writerId, author: this.uid }
			const opened = await mapLimited(locations, ROADMAPS_AT_ONCE, async (location) => {
				// The widget lives as long as the dashboard: it does not poll (the app page does), and its rare edits rewrite the readable file at once.
				const opening = RoadmapSession.open({ dav, path: location.path, writer, outbox: window.localStorage, environment: browserEnvironment(window), refreshMs: null, readableDelayMs: 0 })
				try {
					return this.follow(location, await withTimeLimit(opening, OPEN_TIME_LIMIT_MS))
				} catch {
					// Opened too late to be shown: closed, not left running.
					opening.then((late) => late.dispose(), () => {})
					return location.path
				}
			})
			this.set({
				roadmaps: opened.filter((r): r is OpenRoadmap => typeof r !== 'string'),
				unreadable: opened.filter((r): r is string => typeof r === 'string'),
			})
		} catch (e) {
			this.set({ error: (e as Error).message })
		} finally {
			this.set({ loading: false })
		}
	}

	pick(path: string): void {
		window.localStorage.setItem(`${PICKED_KEY}:${this.uid}`, path)
		this.set({ pickedPath: path })
	}

	/** Marks a task done through the roadmap's session, as the app page edits: kept in the browser until written. */
	async markDone(task: DashboardTask): Promise<void> {
		const target = this.roadmaps.find((r) => r.location.path === task.roadmapPath)
		if (!target?.canWrite) {
			return
		}
		this.set({ status: '' })
		try {
			target.session.editTask(task.taskId, (draft) => {
				draft.status = 'done'
			})
			await target.session.flush()
		} catch (e) {
			this.set({ error: (e as Error).message })
			return
		}
		const { saveError } = target.session.state
		this.set(saveError ? { error: saveError.message } : { status: task.title })
	}

	canWrite(task: DashboardTask): boolean {
		return this.roadmaps.find((r) => r.location.path === task.roadmapPath)?.canWrite ?? false
	}
}

let state: DashboardState | null = null

/** One state per page. */
export function useDashboardStore(): DashboardState {
	state ??= new DashboardState()
	return state
}
