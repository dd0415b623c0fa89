/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The open roadmap folder's shares, one list for the share panel and the task
 * sidebar's assignee picker: a share made in either shows in the other, and
 * the folder's owner and shares are asked once for every assignee checked,
 * not once per assignee. Every change of a share goes through here, and the
 * list is read again after it.
 */

import type { Sharee } from '../api/sharees.ts'
import type { AssigneeAccess, FolderOwner, RoadmapShare } from '../api/shares.ts'

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { assigneeAccess, folderOwner, listShares, revokeShare, setCanEdit, shareFolder, shareWithAssignee } from '../api/shares.ts'
import { logger } from '../logger.ts'

export const useRoadmapSharesStore = defineStore('roadmapShares', () => {
	/** The folder the shares below are of. */
	const folder = ref<string | null>(null)
	/** Its shares as last listed; null until listed. */
	const shares = ref<RoadmapShare[] | null>(null)
	/** Its owner, once asked. */
	const owner = ref<FolderOwner | null>(null)
	/** Requests under way or answered, shared by every caller until forgotten. */
	let asking: Promise<FolderOwner> | null = null
	let listing: Promise<RoadmapShare[]> | null = null

	/**
	 * Asks again, once, what was learned of a folder (a task sidebar opening). What is shown meanwhile
	 * stays until the answers replace it; another folder's is dropped at once.
	 */
	function askAgain(target: string): void {
		if (folder.value !== target) {
			folder.value = target
			shares.value = null
			owner.value = null
		}
		asking = null
		listing = null
	}

	function select(target: string): void {
		if (folder.value !== target) {
			askAgain(target)
		}
	}

	/** Lists the folder's shares again; callers waiting meanwhile get this listing. A failed listing is asked again next time. */
	function list(target: string): Promise<RoadmapShare[]> {
		select(target)
		const run = listShares(target)
		listing = run
		run.then((found) => {
			if (listing === run) {
				shares.value = found
			}
		}, () => {
			if (listing === run) {
				listing = null
			}
		})
		return run
	}

	async function ownerOf(target: string): Promise<FolderOwner> {
		select(target)
		const run = asking ?? folderOwner(target)
		asking = run
		try {
			const found = await run
			if (asking === run) {
				owner.value = found
			}
			return found
		} catch (error) {
			if (asking === run) {
				asking = null
			}
			throw error
		}
	}

	/** Asks what accessOf needs, once until forgotten: the folder's owner, then its shares when the user owns it. */
	async function learnAccess(target: string): Promise<void> {
		const { mine } = await ownerOf(target)
		if (mine) {
			await (listing ?? list(target))
		}
	}

	/** Whether someone assigned a task can open the roadmap (see assigneeAccess); null until learnAccess has answered. */
	function accessOf(target: string, assignee: string): AssigneeAccess | null {
		if (folder.value !== target || !owner.value || (owner.value.mine && !shares.value)) {
			return null
		}
		return assigneeAccess(owner.value.ownerId, owner.value.mine ? shares.value : null, assignee)
	}

	/** After a change: the list is read again; the change is made even when that fails (the next reader lists again). */
	async function relist(target: string): Promise<void> {
		try {
			await list(target)
		} catch (error) {
			logger.warn('The roadmap\'s shares could not be listed again after a change', { error })
		}
	}

	async function share(target: string, sharee: Sharee, canEdit: boolean): Promise<void> {
		await shareFolder(target, sharee, canEdit)
		await relist(target)
	}

	async function shareWith(target: string, assignee: string, federated?: boolean): Promise<void> {
		await shareWithAssignee(target, assignee, federated)
		await relist(target)
	}

	async function changePermission(target: string, item: RoadmapShare, canEdit: boolean): Promise<void> {
		await setCanEdit(item, canEdit)
		await relist(target)
	}

	async function revoke(target: string, item: RoadmapShare): Promise<void> {
		await revokeShare(item)
		await relist(target)
	}

	return { folder, shares, owner, askAgain, list, learnAccess, accessOf, share, shareWith, changePermission, revoke }
})
