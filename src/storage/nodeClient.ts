/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The storage in Node (command line, stress test, benchmark): a user and an
 * app password, and `@xmldom/xmldom` for the DOMParser browsers have built in.
 */

import { DOMParser } from '@xmldom/xmldom'
import { DavClient } from './dav.ts'

export interface NodeConnection {
	url: string
	user: string
	password: string
}

export function createNodeDavClient(connection: NodeConnection): DavClient {
	return new DavClient({
		baseUrl: connection.url.replace(/\/+$/, ''),
		user: connection.user,
		auth: { user: connection.user, password: connection.password },
		DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'],
	})
}
