/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What kind of failure a share request met. Nextcloud answers share errors
 * with an OCS status and an English (or translated) sentence; the kind is read
 * from both. The words for the user are the UI's (src/components/apiErrorMessages.ts).
 */

import { OcsError, SHARE_TYPE } from './ocs.ts'

export type ShareErrorKind = 'rate-limited' | 'not-allowed' | 'already-shared' | 'partner-unreachable' | 'not-found' | 'refused' | 'network' | 'unknown'

/** `shareType` is the kind of share asked for, when known: Nextcloud's answers alone do not always tell. */
export function shareErrorKind(error: unknown, shareType?: number): ShareErrorKind {
	if (!(error instanceof OcsError)) {
		// fetch rejects with a TypeError when Nextcloud itself cannot be reached.
		return error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError') ? 'network' : 'unknown'
	}
	if (error.status === 429 || error.statusCode === 429) {
		return 'rate-limited'
	}
	const message = error.message.toLowerCase()
	// "Sharing X failed, because this item is already shared with the account Y" (and group, remote variants).
	if (message.includes('already shared')) {
		return 'already-shared'
	}
	// A folder shared with the user without the right to share it further: 404 "You are not allowed to share X" (Share\Manager::generalCreateChecks).
	if (message.includes('not allowed to share')) {
		return 'not-allowed'
	}
	// Federated: "Sharing X failed, could not find Y, maybe the server is currently unreachable or uses a self-signed certificate."
	if (message.includes('unreachable') || message.includes('could not find') || message.includes('self-signed')) {
		return 'partner-unreachable'
	}
	// Nextcloud 32 answers a federated share its partner's server did not take with a bare 403 "Failed to create share." (the reason goes to its log).
	if (shareType === SHARE_TYPE.federated && (error.status === 403 || error.statusCode === 403) && message.startsWith('failed to create share')) {
		return 'partner-unreachable'
	}
	if (error.status === 404 || error.statusCode === 404) {
		return 'not-found'
	}
	if ([400, 401, 403].includes(error.status) || [400, 401, 403].includes(error.statusCode)) {
		return 'refused'
	}
	return 'unknown'
}
