/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it } from 'vitest'
import { OcsError, SHARE_TYPE } from './ocs.ts'
import { shareErrorKind } from './shareErrors.ts'

describe('share errors', () => {
	it('recognise Nextcloud\'s answers', () => {
		expect(shareErrorKind(new OcsError(429, 429, 'Reached maximum delay'))).toBe('rate-limited')
		expect(shareErrorKind(new OcsError(403, 403, 'Sharing Feuille failed, because this item is already shared with the account bob'))).toBe('already-shared')
		expect(shareErrorKind(new OcsError(403, 403, 'Sharing Feuille failed, could not find agent@cloud.mairie-b.fr, maybe the server is currently unreachable or uses a self-signed certificate.'))).toBe('partner-unreachable')
		expect(shareErrorKind(new OcsError(403, 403, 'Failed to create share.'), SHARE_TYPE.federated)).toBe('partner-unreachable')
		expect(shareErrorKind(new OcsError(403, 403, 'Failed to create share.'), SHARE_TYPE.user)).toBe('refused')
		expect(shareErrorKind(new OcsError(404, 404, 'Please specify a valid account to share with'))).toBe('not-found')
		expect(shareErrorKind(new OcsError(403, 403, 'Sharing is disabled'))).toBe('refused')
		expect(shareErrorKind(new OcsError(400, 400, 'Invalid permissions'))).toBe('refused')
		expect(shareErrorKind(new TypeError('Failed to fetch'))).toBe('network')
		expect(shareErrorKind(new OcsError(500, 996, 'Internal error'))).toBe('unknown')
	})
})
