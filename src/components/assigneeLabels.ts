/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * How assignees are shown: tasks keep user ids, people read names. Names come
 * from Nextcloud's sharee search, asked once per id and page.
 */

import type { Sharee } from '../api/sharees.ts'

import { reactive } from 'vue'
import { findUser, SHARE_TYPE } from '../api/sharees.ts'
import { logger } from '../logger.ts'

const labels = reactive<Record<string, string>>({})
/** Names alone ("Bruno Petit"), for sentences about a person. */
const names = reactive<Record<string, string>>({})
const asked = new Set<string>()

/** "Bruno Petit (bob)" for a local user, the cloud id itself for a federated one. */
export function shareeLabel(sharee: Sharee): string {
	return sharee.shareType === SHARE_TYPE.federated ? sharee.shareWith : `${sharee.label} (${sharee.shareWith})`
}

export function assigneeLabel(id: string): string {
	return labels[id] ?? id
}

/** "Bruno Petit" for a local user, the cloud id for a federated one, the id while the name is not known. */
export function assigneeName(id: string): string {
	return names[id] ?? id
}

export function rememberLabel(sharee: Sharee): void {
	labels[sharee.shareWith] = shareeLabel(sharee)
	names[sharee.shareWith] = sharee.shareType === SHARE_TYPE.federated ? sharee.shareWith : sharee.label
	asked.add(sharee.shareWith)
}

/** Looks up the names of local users not known yet; a failed lookup leaves the id shown, and is asked again next time. */
export async function lookUpAssignees(ids: readonly string[]): Promise<void> {
	await Promise.all(ids.filter((id) => !asked.has(id) && !id.includes('@')).map(async (id) => {
		asked.add(id)
		try {
			const found = await findUser(id)
			if (found) {
				rememberLabel(found)
			}
		} catch (error) {
			logger.info('An assignee\'s name could not be looked up', { id, error })
			asked.delete(id)
		}
	}))
}
