/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** A roadmap folder's shares, through Nextcloud's own share API. */

import type { Share } from '../storage/ocs.ts'
import type { Sharee } from './sharees.ts'

import { SHARE_TYPE } from '../storage/ocs.ts'
import { ocsClient } from './clients.ts'
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
