/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What went wrong with a request, as a kind the UI can act on; the words for
 * the user are the UI's (src/components/apiErrorMessages.ts). Nextcloud's own
 * sentence stays in `message`, for the log and for what no kind names.
 */

import type { ShareErrorKind } from '../storage/shareErrors.ts'

import { DavError } from '../storage/dav.ts'
import { OcsError } from '../storage/ocs.ts'
import { shareErrorKind } from '../storage/shareErrors.ts'
import { connectionState } from '../storage/transport.ts'

export type ApiErrorKind = ShareErrorKind | 'session-expired' | 'maintenance'

export class ApiError extends Error {
	constructor(readonly kind: ApiErrorKind, message: string, options?: { cause?: unknown }) {
		super(message, options)
		this.name = 'ApiError'
	}
}

function statusOf(error: unknown): number | null {
	if (error instanceof DavError || error instanceof OcsError) {
		return error.status
	}
	return null
}

/** `shareType`: the kind of share asked for, when the request was one (Nextcloud's answer alone does not always tell). */
export function toApiError(error: unknown, shareType?: number): ApiError {
	if (error instanceof ApiError) {
		return error
	}
	const message = error instanceof Error ? error.message : String(error)
	const status = statusOf(error)
	// A 401 is nothing else from a logged-in page; a 503 is maintenance when the transport recognised it (src/storage/transport.ts).
	if (status === 401) {
		return new ApiError('session-expired', message, { cause: error })
	}
	if (status === 503 && connectionState() === 'maintenance') {
		return new ApiError('maintenance', message, { cause: error })
	}
	return new ApiError(shareErrorKind(error, shareType), message, { cause: error })
}

/** Runs a request and turns what it throws into an ApiError. */
export async function request<T>(run: () => Promise<T>, shareType?: number): Promise<T> {
	try {
		return await run()
	} catch (error) {
		throw toApiError(error, shareType)
	}
}
