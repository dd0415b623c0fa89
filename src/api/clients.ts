/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The current user's WebDAV and OCS clients on the app page, through the
 * browser transport (Nextcloud's, once the entry has set it). Only src/api
 * and the roadmap session use them: components and stores call the API functions.
 */

import type { BrowserSession } from '../storage/browserClient.ts'
import type { DavClient } from '../storage/dav.ts'
import type { OcsClient } from '../storage/ocs.ts'

import { getCurrentUser, getRequestToken } from '@nextcloud/auth'
import { getBaseUrl } from '@nextcloud/router'
import { createBrowserDavClient, createBrowserOcsClient } from '../storage/browserClient.ts'
import { ApiError } from './errors.ts'

function session(): BrowserSession {
	const uid = getCurrentUser()?.uid
	if (!uid) {
		throw new ApiError('session-expired', 'not logged in to Nextcloud')
	}
	return { uid, requestToken: getRequestToken, baseUrl: getBaseUrl() }
}

export function davClient(): DavClient {
	return createBrowserDavClient(session())
}

export function ocsClient(): OcsClient {
	return createBrowserOcsClient(session())
}
