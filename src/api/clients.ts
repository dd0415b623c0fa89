/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The current user's WebDAV and OCS clients on the app page, through the
 * browser transport (Nextcloud's, once the entry has set it). Only src/api
 * and the roadmap session use them: components and stores call the API functions.
 */
import { getCurrentUser, getRequestToken } from '@nextcloud/auth'
import { getBaseUrl } from '@nextcloud/router'
import type { BrowserSession } from '../storage/browserClient'
import { createBrowserDavClient, createBrowserOcsClient } from '../storage/browserClient'
import type { DavClient } from '../storage/dav'
import type { OcsClient } from '../storage/ocs'
import { ApiError } from './errors'

function session(): BrowserSession {
	const uid = getCurrentUser()?.uid
	if (!uid) throw new ApiError('session-expired', 'not logged in to Nextcloud')
	return { uid, requestToken: getRequestToken, baseUrl: getBaseUrl() }
}

export function davClient(): DavClient {
	return createBrowserDavClient(session())
}

export function ocsClient(): OcsClient {
	return createBrowserOcsClient(session())
}
