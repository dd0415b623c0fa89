/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The app page's transport: every request through `@nextcloud/axios`, as
 * Nextcloud's own apps send theirs (the request token it keeps up to date,
 * its 412 "CSRF check failed" retry, its maintenance-mode retry for OCS),
 * with what it does not cover for WebDAV added by withNextcloudRecovery.
 * Answers come back as fetch Responses, which DavClient and OcsClient read.
 */

import type { AxiosResponse } from 'axios'
import type { Transport } from './transport.ts'

import { fetchRequestToken } from '@nextcloud/auth'
import axios, { isAxiosError } from '@nextcloud/axios'
import { withNextcloudRecovery } from './transport.ts'

/** Statuses whose Response may carry no body. */
const NULL_BODY = new Set([101, 204, 205, 304])

function toResponse(answer: AxiosResponse<ArrayBuffer>): Response {
	const headers = new Headers()
	for (const [name, value] of Object.entries(answer.headers ?? {})) {
		if (typeof value === 'string') {
			headers.set(name, value)
		}
	}
	return new Response(NULL_BODY.has(answer.status) ? null : answer.data, { status: answer.status, headers })
}

const axiosFetch: Transport = async (input, init = {}) => {
	const headers = Object.fromEntries(new Headers(init.headers))
	// XMLHttpRequest has no `cache` option: ask every cache on the way to check with Nextcloud.
	if (init.cache === 'no-store') {
		headers['Cache-Control'] = 'no-cache'
	}
	try {
		return toResponse(await axios.request<ArrayBuffer>({
			url: String(input),
			method: init.method ?? 'GET',
			headers,
			data: init.body,
			signal: init.signal ?? undefined,
			responseType: 'arraybuffer',
			transformResponse: (data) => data,
			retryIfMaintenanceMode: true,
		}))
	} catch (error) {
		if (isAxiosError<ArrayBuffer>(error) && error.response) {
			return toResponse(error.response)
		}
		// As fetch fails: the signal's reason (a TimeoutError) when it fired, a TypeError when the network did.
		if (init.signal?.aborted) {
			throw init.signal.reason
		}
		throw new TypeError((error as Error).message, { cause: error })
	}
}

export function nextcloudTransport(): Transport {
	return withNextcloudRecovery(axiosFetch, { refreshRequestToken: fetchRequestToken })
}
