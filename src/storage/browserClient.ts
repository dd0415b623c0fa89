/**
 * The storage in the browser, inside Nextcloud: the session cookie and the
 * request token, the current user's files.
 */
import { getCurrentUser, getRequestToken } from '@nextcloud/auth'
import { getBaseUrl } from '@nextcloud/router'
import { DavClient } from './dav'
import { OcsClient } from './ocs'

function currentUserId(): string {
	const user = getCurrentUser()
	if (!user) throw new Error('not logged in to Nextcloud')
	return user.uid
}

export function createBrowserDavClient(): DavClient {
	return new DavClient({ baseUrl: getBaseUrl(), user: currentUserId(), auth: { requestToken: getRequestToken }, DOMParser: window.DOMParser })
}

export function createBrowserOcsClient(): OcsClient {
	return new OcsClient({ baseUrl: getBaseUrl(), auth: { requestToken: getRequestToken } })
}
