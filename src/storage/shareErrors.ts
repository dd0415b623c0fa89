/**
 * What went wrong with a share, in words a town hall agent can act on. Nextcloud
 * answers share errors with an OCS status and an English (or translated)
 * sentence; the kind is read from both, and Nextcloud's own sentence is kept
 * for anything not recognised.
 */
import { t } from '@nextcloud/l10n'
import { OcsError, SHARE_TYPE } from './ocs'

export type ShareErrorKind = 'rate-limited' | 'already-shared' | 'partner-unreachable' | 'not-found' | 'refused' | 'network' | 'unknown'

/** `shareType` is the kind of share asked for, when known: Nextcloud's answers alone do not always tell. */
export function shareErrorKind(error: unknown, shareType?: number): ShareErrorKind {
	if (!(error instanceof OcsError)) {
		// fetch rejects with a TypeError when Nextcloud itself cannot be reached.
		return error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError') ? 'network' : 'unknown'
	}
	if (error.status === 429 || error.statusCode === 429) return 'rate-limited'
	const message = error.message.toLowerCase()
	// "Sharing X failed, because this item is already shared with the account Y" (and group, remote variants).
	if (message.includes('already shared')) return 'already-shared'
	// Federated: "Sharing X failed, could not find Y, maybe the server is currently unreachable or uses a self-signed certificate."
	if (message.includes('unreachable') || message.includes('could not find') || message.includes('self-signed')) return 'partner-unreachable'
	// Nextcloud 32 answers a federated share its partner's server did not take with a bare 403 "Failed to create share." (the reason goes to its log).
	if (shareType === SHARE_TYPE.federated && (error.status === 403 || error.statusCode === 403) && message.startsWith('failed to create share')) return 'partner-unreachable'
	if (error.status === 404 || error.statusCode === 404) return 'not-found'
	if ([400, 401, 403].includes(error.status) || [400, 401, 403].includes(error.statusCode)) return 'refused'
	return 'unknown'
}

/** A French-first sentence for a failed share action; `shareWith` and `shareType` say who the share was for, when known. */
export function shareErrorMessage(error: unknown, shareWith = '', shareType?: number): string {
	const detail = error instanceof Error ? error.message : String(error)
	switch (shareErrorKind(error, shareType)) {
		case 'rate-limited': return t('degooglisation', 'Too many share requests in a short time: try again in a minute.')
		case 'already-shared': return t('degooglisation', 'This roadmap is already shared with {who}: change the permission in the list below.', { who: shareWith })
		case 'partner-unreachable': return t('degooglisation', 'The partner commune\'s server for {who} could not be reached (it may be down, or the address mistyped). Nothing was shared; try again later.', { who: shareWith })
		case 'not-found': return t('degooglisation', 'Nextcloud does not know {who} or this share any more: check the name and reload the list.', { who: shareWith })
		case 'refused': return t('degooglisation', 'Nextcloud refused this share: {reason}', { reason: detail })
		case 'network': return t('degooglisation', 'Nextcloud could not be reached: check the connection and try again.')
		default: return t('degooglisation', 'The share could not be changed: {reason}', { reason: detail })
	}
}
