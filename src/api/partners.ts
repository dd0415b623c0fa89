/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** What the partners page shows of a roadmap: its progress and what was finished lately. */
import type { FinishedTask } from '../domain/history'
import { buildHistory, finishedSince } from '../domain/history'
import type { RoadmapProgress } from '../domain/progress'
import { roadmapProgress } from '../domain/progress'
import { logger } from '../logger'
import type { DavClient } from '../storage/dav'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery'
import { RoadmapFolder } from '../storage/roadmapFolder'
import type { WaitingChanges } from '../storage/waitingChanges'
import { describeWaiting } from '../storage/waitingChanges'
import { davClient } from './clients'
import { request } from './errors'

export const RECENT_DAYS = 30
/** Never writes: any well-formed writer id will do. */
const READER = { id: 'readeronly00', author: '' }

/** What the page shows of one roadmap; kept in the browser as the last known state. */
export interface PartnerSummary {
	commune: string
	title: string
	/** Time of the latest change read, ISO. */
	lastUpdate: string
	progress: RoadmapProgress
	/** Tasks finished since `recentSince`, newest first. */
	recentlyDone: FinishedTask[]
	/** Start of the "recently" window: 30 days back, or later when older changes are no longer dated. */
	recentSince: string
	/** When this was read, ISO. */
	readAt: string
	/** Changes held back behind a file not read (absent from summaries an earlier version kept in the browser). */
	waiting?: WaitingChanges[]
}

/** Reads a roadmap and its change files (the latter date what was finished recently). */
export async function summarizeRoadmap(dav: DavClient, location: DiscoveredRoadmap, now = new Date()): Promise<PartnerSummary> {
	const folder = new RoadmapFolder({ dav, path: location.path, writer: READER, retry: { attempts: 2, baseDelayMs: 200, maxDelayMs: 1000 } })
	const { roadmap, problems } = await folder.load()
	const monthAgo = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString()
	// A roadmap made by hand or by another tool has no change files: nothing is dated.
	const files = await folder.readHistory().catch((error: unknown) => {
		logger.info('No dated history for a partner roadmap', { path: location.path, error })
		return null
	})
	const history = files && files.snapshots.length ? buildHistory(files.snapshots, files.changes) : null
	const lastChange = history?.changes.map((c) => c.at).sort().at(-1)
	return {
		commune: roadmap.commune,
		title: roadmap.title,
		lastUpdate: lastChange ?? history?.startAt ?? new Date(location.lastModified || now).toISOString(),
		progress: roadmapProgress(roadmap),
		recentlyDone: history ? finishedSince(history, monthAgo) : [],
		recentSince: history && !history.complete && history.startAt > monthAgo ? history.startAt : monthAgo,
		readAt: now.toISOString(),
		waiting: describeWaiting(folder.heldBack, folder.currentState.covers, problems),
	}
}

/** The summary of a roadmap the user can open, read now. */
export function readPartnerSummary(location: DiscoveredRoadmap): Promise<PartnerSummary> {
	return request(() => summarizeRoadmap(davClient(), location))
}
