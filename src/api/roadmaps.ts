/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Where the user's roadmaps are: their own, colleagues', partner communes'. */

import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery.ts'
import type { PendingShare } from './remoteShares.ts'

import { logger } from '../logger.ts'
import { discoverRoadmaps, isRoadmapFolder } from '../storage/roadmapDiscovery.ts'
import { davClient, ocsClient } from './clients.ts'
import { request } from './errors.ts'
import { pendingShares } from './remoteShares.ts'

export type { DiscoveredRoadmap }

export interface RoadmapList {
	roadmaps: DiscoveredRoadmap[]
	/** Federated shares waiting for the user's answer. */
	pending: PendingShare[]
}

/** The roadmaps the user can open, and the shares waiting for an answer (left out, not failing the list, when those cannot be read). */
export async function listRoadmaps(): Promise<RoadmapList> {
	const [roadmaps, pending] = await Promise.all([
		request(() => discoverRoadmaps(davClient(), ocsClient(), (path, error) => logger.warn('A shared roadmap folder could not be listed', { path, error }))),
		pendingShares().catch((error: unknown) => {
			logger.warn('Federated shares waiting for an answer could not be read', { error })
			return []
		}),
	])
	return { roadmaps, pending }
}

/** Whether a folder of the user's files holds a roadmap, before opening it. */
export function holdsRoadmap(path: string): Promise<boolean> {
	return request(() => isRoadmapFolder(davClient(), path))
}
