/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Whether the page can reach Nextcloud with its session, as the transport last found it. */

import { generateUrl } from '@nextcloud/router'
export type { ConnectionState } from '../storage/transport.ts'
export { connectionState, onConnectionChange } from '../storage/transport.ts'

/** Nextcloud's login form, coming back to this page afterwards. */
export function loginUrl(): string {
	return `${generateUrl('/login')}?redirect_url=${encodeURIComponent(window.location.pathname + window.location.search)}`
}
