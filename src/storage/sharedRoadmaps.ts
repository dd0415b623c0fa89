/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Roadmap folders shared with the user, found through Nextcloud's share APIs
 * instead of a scan of the user's files: internal shares (users, groups,
 * teams) from `shares?shared_with_me=true`, federated ones from
 * `remote_shares`, which the first does not include.
 */

import type { OcsClient } from './ocs.ts'

export interface SharedFolder {
	/** Where the folder is in the user's files. */
	path: string
	ownerDisplayName: string
	federated: boolean
	/** Share permission bits (1 read, 2 update, 4 create, 8 delete, 16 share). */
	permissions: number
}

export async function sharedFolders(ocs: OcsClient): Promise<SharedFolder[]> {
	const [internal, remote] = await Promise.all([ocs.sharedWithMe(), ocs.remoteShares()])
	const folders: SharedFolder[] = internal
		.filter((s) => s.item_type === 'folder')
		.map((s) => ({ path: s.file_target, ownerDisplayName: s.displayname_owner ?? s.uid_owner, federated: false, permissions: s.permissions }))
	for (const share of remote) {
		// A type not known yet (Nextcloud 34 right after the share is accepted) may be a folder: reading it tells.
		if (share.type === 'file') {
			continue
		}
		folders.push({ path: share.mountpoint, ownerDisplayName: `${share.owner}@${share.remote.replace(/^https:\/\//, '').replace(/\/+$/, '')}`, federated: true, permissions: share.permissions ?? 1 })
	}
	return folders
}
