/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The Files app's "Ouvrir dans Dégooglisation": the default action of a roadmap's
 * readable file, `roadmap.degooglisation.json`, which opens its folder in the app.
 * Written once against what both majors of `@nextcloud/files` give an action
 * (files.ts registers it with each); see docs/nextcloud-integration.md §9.
 */

import { generateUrl } from '@nextcloud/router'
import { ROADMAP_FILE } from './domain/storageFormat.ts'

/** What the action reads of a Files node: the same in `@nextcloud/files` 3 and 4. */
export interface FilesNode {
	type: string
	basename: string
	dirname: string
	permissions: number
}

const FILE_TYPE = 'file'
const PERMISSION_READ = 1

export const ACTION_ID = 'degooglisation-open'
/** Before the Viewer's and the Text app's default actions, which would show the JSON as text. */
export const ACTION_ORDER = -10001

/** The folder's marker is the only cheap sign of a roadmap in a Files listing: one node, that name, readable. */
export function opensRoadmap(nodes: readonly FilesNode[]): boolean {
	if (nodes.length !== 1) {
		return false
	}
	const [node] = nodes
	return node.type === FILE_TYPE && node.basename === ROADMAP_FILE && (node.permissions & PERMISSION_READ) !== 0
}

/** The app's page of the roadmap whose readable file is `node` (the dashboard's `?roadmap=` link). */
export function roadmapPageUrl(node: FilesNode): string {
	return `${generateUrl('/apps/degooglisation/')}?roadmap=${encodeURIComponent(node.dirname)}`
}
