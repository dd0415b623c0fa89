/**
 * The storage in the browser, inside Nextcloud: the session cookie and the
 * request token, the current user's files.
 */
import { DavClient } from './dav'
import { OcsClient } from './ocs'

export interface BrowserSession {
	uid: string
	/** Read on every request: Nextcloud renews the token. */
	requestToken: () => string | null
	/** Server root (`https://cloud.mairie.fr/nextcloud`). */
	baseUrl: string
}

export function createBrowserDavClient(session: BrowserSession): DavClient {
	return new DavClient({ baseUrl: session.baseUrl, user: session.uid, auth: { requestToken: session.requestToken }, DOMParser: window.DOMParser })
}

export function createBrowserOcsClient(session: BrowserSession): OcsClient {
	return new OcsClient({ baseUrl: session.baseUrl, auth: { requestToken: session.requestToken } })
}
