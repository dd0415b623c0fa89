/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Federated shares partner communes sent the user: those waiting for an answer, and the answer. */

import type { RemoteShare } from '../storage/ocs.ts'

import { ocsClient } from './clients.ts'
import { request } from './errors.ts'

export interface PendingShare {
	/** A number, or text when too large for one (Nextcloud 34). */
	id: number | string
	/** The shared folder's name. */
	name: string
	/** Who shared it, as a federated cloud id (`agent@cloud.mairie-b.fr`). */
	owner: string
}

function pendingShare(share: RemoteShare): PendingShare {
	return { id: share.id, name: share.name.replace(/^\//, ''), owner: `${share.owner}@${share.remote.replace(/^https?:\/\//, '').replace(/\/+$/, '')}` }
}

export async function pendingShares(): Promise<PendingShare[]> {
	return (await request(() => ocsClient().pendingRemoteShares())).map(pendingShare)
}

/** Accepts (the folder is then mounted in the user's files) or declines a pending share. */
export async function answerShare(id: PendingShare['id'], accept: boolean): Promise<void> {
	const client = ocsClient()
	await request(() => (accept ? client.acceptRemoteShare(id) : client.declineRemoteShare(id)))
}
