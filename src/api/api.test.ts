/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DavError } from '../storage/dav.ts'
import { OcsError } from '../storage/ocs.ts'
import { toApiError } from './errors.ts'
import { answerShare, pendingShares } from './remoteShares.ts'
import { assigneeAccess, listShares, setCanEdit } from './shares.ts'

// Nextcloud's OCS API, faked at the API module's edge.
const ocs = {
	pendingRemoteShares: vi.fn(),
	acceptRemoteShare: vi.fn(async () => []),
	declineRemoteShare: vi.fn(async () => []),
	sharesOf: vi.fn(),
	updateShare: vi.fn(async () => ({})),
}
vi.mock('./clients.ts', () => ({ ocsClient: () => ocs }))

beforeEach(() => vi.clearAllMocks())

describe('the API module', () => {
	it('gives each failure a kind the UI words', () => {
		expect(toApiError(new DavError(401, 'PUT', '/x', 'Cannot authenticate over ajax calls')).kind).toBe('session-expired')
		expect(toApiError(new OcsError(401, 997, 'Current user is not logged in')).kind).toBe('session-expired')
		expect(toApiError(new OcsError(403, 403, 'Sharing A failed, because this item is already shared with the account bob')).kind).toBe('already-shared')
		expect(toApiError(new TypeError('Failed to fetch')).kind).toBe('network')
		const error = toApiError(new OcsError(500, 996, 'Internal error'))
		expect([error.kind, error.message]).toEqual(['unknown', 'Internal error'])
	})

	it('maps pending federated shares to who sent which folder, and answers them', async () => {
		ocs.pendingRemoteShares.mockResolvedValue([{ id: '9007199254740993', remote: 'https://cloud.mairie-b.fr/', owner: 'agent', name: '/Feuille de route', mountpoint: '{{TemporaryMountPointName#/Feuille de route}}', accepted: 0 }])
		expect(await pendingShares()).toEqual([{ id: '9007199254740993', name: 'Feuille de route', owner: 'agent@cloud.mairie-b.fr' }])
		await answerShare('9007199254740993', true)
		await answerShare(4, false)
		expect(ocs.acceptRemoteShare).toHaveBeenCalledWith('9007199254740993')
		expect(ocs.declineRemoteShare).toHaveBeenCalledWith(4)
	})

	it('tells whether someone assigned can open the roadmap from its owner and shares', () => {
		const shares = [
			{ id: '1', kind: 'colleague' as const, shareWith: 'bob', displayName: 'Bruno Petit', canEdit: true },
			{ id: '2', kind: 'partner' as const, shareWith: 'agent@https://cloud.mairie-b.fr/', displayName: 'agent', canEdit: true },
		]
		expect(['alice', 'bob', 'Agent@cloud.mairie-b.fr', 'claire', 'denise@cloud.mairie-c.fr'].map((id) => assigneeAccess('alice', shares, id))).toEqual(['yes', 'yes', 'yes', 'no', 'no'])
		// A group may hold a colleague (Nextcloud does not say); not a partner's agent.
		const withGroup = [...shares, { id: '3', kind: 'group' as const, shareWith: 'secretariat', displayName: 'Secrétariat', canEdit: false }]
		expect(['claire', 'denise@cloud.mairie-c.fr'].map((id) => assigneeAccess('alice', withGroup, id))).toEqual(['unknown', 'no'])
		// Someone else's folder: its shares are not all known, only its owner is sure.
		expect(['bastien', 'claire'].map((id) => assigneeAccess('bastien', null, id))).toEqual(['yes', 'unknown'])
	})

	it('lists a folder\'s shares by kind, leaving links out, and changes who can edit', async () => {
		ocs.sharesOf.mockResolvedValue([
			{ id: '1', share_type: 0, share_with: 'bob', share_with_displayname: 'Bruno Petit', permissions: 1 },
			{ id: '2', share_type: 3, share_with: '', share_with_displayname: '', permissions: 1 },
			{ id: '3', share_type: 6, share_with: 'agent@cloud.mairie-b.fr', share_with_displayname: '', permissions: 31 },
		])
		const shares = await listShares('/Dégooglisation/A')
		expect(shares).toEqual([
			{ id: '1', kind: 'colleague', shareWith: 'bob', displayName: 'Bruno Petit', canEdit: false },
			{ id: '3', kind: 'partner', shareWith: 'agent@cloud.mairie-b.fr', displayName: 'agent@cloud.mairie-b.fr', canEdit: true },
		])
		await setCanEdit(shares[0]!, true)
		expect(ocs.updateShare).toHaveBeenCalledWith('1', 15)
		ocs.updateShare.mockRejectedValueOnce(new OcsError(401, 997, 'Current user is not logged in'))
		await expect(setCanEdit(shares[1]!, false)).rejects.toMatchObject({ name: 'ApiError', kind: 'session-expired' })
	})
})
