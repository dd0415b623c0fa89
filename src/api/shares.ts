/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** A roadmap folder's shares, through Nextcloud's own share API. */

import type { Share } from '../storage/ocs.ts'
import type { Sharee } from './sharees.ts'

import { getCurrentUser } from '@nextcloud/auth'
import { FEDERATED_CLOUD_ID, SHARE_TYPE } from '../storage/ocs.ts'
import { davClient, ocsClient } from './clients.ts'
import { request } from './errors.ts'

export type ShareKind = 'colleague' | 'group' | 'partner'

export interface RoadmapShare {
	id: string
	kind: ShareKind
	/** User id, group id or federated cloud id. */
	shareWith: string
	displayName: string
	/** Any right beyond reading lets a person add change files: that is editing a roadmap. */
	canEdit: boolean
}

/** Read only, or read + change + add + remove files: what editing a roadmap needs. */
const READ_ONLY = 1
const CAN_EDIT = 15

const KINDS: Record<number, ShareKind> = { [SHARE_TYPE.user]: 'colleague', [SHARE_TYPE.group]: 'group', [SHARE_TYPE.federated]: 'partner' }

function roadmapShare(share: Share): RoadmapShare | null {
	const kind = KINDS[share.share_type]
	if (!kind) {
		return null
	}
	return { id: String(share.id), kind, shareWith: share.share_with, displayName: share.share_with_displayname || share.share_with, canEdit: (share.permissions & ~READ_ONLY & CAN_EDIT) !== 0 }
}

/** The folder's shares with colleagues, groups and partner communes (links and others left out). */
export async function listShares(folder: string): Promise<RoadmapShare[]> {
	const shares = await request(() => ocsClient().sharesOf(folder))
	return shares.map(roadmapShare).filter((share): share is RoadmapShare => share !== null)
}

export async function shareFolder(folder: string, sharee: Sharee, canEdit: boolean): Promise<void> {
	await request(() => ocsClient().createShare(folder, sharee.shareType, sharee.shareWith, canEdit ? CAN_EDIT : READ_ONLY), sharee.shareType)
}

const shareTypeOf = (share: RoadmapShare) => Number(Object.entries(KINDS).find(([, kind]) => kind === share.kind)![0])

export async function setCanEdit(share: RoadmapShare, canEdit: boolean): Promise<void> {
	await request(() => ocsClient().updateShare(share.id, canEdit ? CAN_EDIT : READ_ONLY), shareTypeOf(share))
}

export async function revokeShare(share: RoadmapShare): Promise<void> {
	await request(() => ocsClient().deleteShare(share.id), shareTypeOf(share))
}

/** Cloud ids as Nextcloud compares them: no scheme for https, no trailing slash, the server's case ignored. */
function sameCloudId(a: string, b: string) {
	const normal = (id: string) => id.replace(/@https:\/\//, '@').replace(/\/+$/, '').toLowerCase()
	return normal(a) === normal(b)
}

/** Who owns a roadmap folder, and whether it is the current user: Nextcloud lists every share of a folder only to its owner. */
export interface FolderOwner {
	ownerId: string
	mine: boolean
}

export async function folderOwner(folder: string): Promise<FolderOwner> {
	const { ownerId } = await request(() => davClient().stat(folder))
	return { ownerId, mine: ownerId === getCurrentUser()?.uid }
}

export type AssigneeAccess = 'yes' | 'no' | 'unknown'

/**
 * Whether someone assigned a task can open the roadmap: `yes` for the folder's owner and those it is
 * shared with; `no` when the user owns the folder and none of its shares reaches them; `unknown` when
 * a group share may (Nextcloud does not tell who is in another's group) or the user does not own the
 * folder (`shares` is then null: Nextcloud lists only the shares one made).
 */
export function assigneeAccess(ownerId: string, shares: readonly RoadmapShare[] | null, assignee: string): AssigneeAccess {
	if (assignee === ownerId) {
		return 'yes'
	}
	if (shares === null) {
		return 'unknown'
	}
	if (shares.some((share) => (share.kind === 'partner' ? sameCloudId(share.shareWith, assignee) : share.shareWith === assignee))) {
		return 'yes'
	}
	return !FEDERATED_CLOUD_ID.test(assignee) && shares.some((share) => share.kind === 'group') ? 'unknown' : 'no'
}

/**
 * Shares the roadmap, with edit rights, with someone assigned a task: a colleague, or a partner commune's
 * agent by cloud id (`federated`: as the sharee search said, else read from the id: anything else assigned is a user id).
 */
export async function shareWithAssignee(folder: string, assignee: string, federated = FEDERATED_CLOUD_ID.test(assignee)): Promise<void> {
	await shareFolder(folder, { label: assignee, shareType: federated ? SHARE_TYPE.federated : SHARE_TYPE.user, shareWith: assignee }, true)
}

export { FEDERATED_CLOUD_ID }
