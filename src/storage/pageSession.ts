/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The session as a Nextcloud page provides it, read where `@nextcloud/auth` and
 * `@nextcloud/router` read it (head data, the shared token global, OC.webroot).
 * For the dashboard widget, whose 50 KB budget has no room for those
 * libraries' event bus; the app page uses the libraries (src/stores/roadmap.ts).
 */

import type { BrowserSession } from './browserClient.ts'

export function pageSession(): BrowserSession {
	const uid = document.head.dataset.user
	if (!uid) {
		throw new Error('not logged in to Nextcloud')
	}
	const webroot = (window as { _oc_webroot?: string })._oc_webroot ?? ''
	return {
		uid,
		requestToken: () => (globalThis as { _nc_auth_requestToken?: string })._nc_auth_requestToken ?? document.head.dataset.requesttoken ?? null,
		baseUrl: `${window.location.protocol}//${window.location.host}${webroot}`,
	}
}
