/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The folders shared with the user, from Nextcloud's answers (the network is played, nothing else). */

import { expect, it } from 'vitest'
import { OcsClient } from './ocs.ts'
import { sharedFolders } from './sharedRoadmaps.ts'

/** Nextcloud 34.0.1's answer for a federated share the user accepted a moment before, in the same session (measured). */
const JUST_ACCEPTED_ON_34 = { id: '160446352218177537', parent: null, share_type: 0, remote: 'http://127.0.0.1:8083/', remote_id: '34', share_token: 'WlHbrPmLkc6y7AP', name: '/Saint-Exemple', owner: 'alice', user: 'bastien', mountpoint: '/Saint-Exemple', accepted: 1, file_id: null, mimetype: null, permissions: null, mtime: null, type: null }
const A_FILE = { ...JUST_ACCEPTED_ON_34, id: '2', name: '/note.txt', mountpoint: '/note.txt', mimetype: 'text/plain', type: 'file', permissions: 17 }

function ocsAnswering(remoteShares: unknown[]): OcsClient {
	return new OcsClient({
		baseUrl: 'https://cloud.example',
		auth: { user: 'bastien', password: 'secret' },
		fetch: async (input) => {
			const data = String(input).includes('remote_shares') ? remoteShares : []
			return new Response(JSON.stringify({ ocs: { meta: { status: 'ok', statuscode: 200, message: 'OK' }, data } }), { status: 200, headers: { 'Content-Type': 'application/json' } })
		},
	})
}

it('offers a federated share accepted a moment before, whose type Nextcloud 34 does not know yet', async () => {
	const folders = await sharedFolders(ocsAnswering([JUST_ACCEPTED_ON_34, A_FILE]))
	expect(folders).toEqual([{ path: '/Saint-Exemple', ownerDisplayName: 'alice@http://127.0.0.1:8083', federated: true, permissions: 1 }])
})
