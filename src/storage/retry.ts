/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { DavError } from './dav.ts'

/** Statuses Nextcloud answers while a write is in flight elsewhere or the server is busy. */
const TRANSIENT_STATUSES = new Set([423, 500, 502, 503, 504])

function isTimeout(error: unknown): boolean {
	return error instanceof Error && error.name === 'TimeoutError'
}

export function isTransient(error: unknown): boolean {
	if (error instanceof DavError) {
		return TRANSIENT_STATUSES.has(error.status)
	}
	// fetch rejects with a TypeError when the connection fails or is refused, and with a
	// TimeoutError when the server does not answer in time.
	return error instanceof TypeError || isTimeout(error)
}

export interface RetryPolicy {
	attempts: number
	baseDelayMs: number
	maxDelayMs: number
	sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 7, baseDelayMs: 100, maxDelayMs: 4000 }

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Exponential backoff with full jitter, so writers that collided do not collide again. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
	return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
}

/**
 * Retries transient failures at once, with short waits. A timeout is not retried here:
 * each attempt already waited the whole timeout, so the caller's slower retry takes
 * over and the user learns the server is unreachable after one timeout, not seven.
 */
export async function withRetry<T>(action: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
	const wait = policy.sleep ?? sleep
	for (let attempt = 0; ; attempt++) {
		try {
			return await action()
		} catch (error) {
			if (!isTransient(error) || isTimeout(error) || attempt >= policy.attempts - 1) {
				throw error
			}
			await wait(backoffDelay(attempt, policy))
		}
	}
}
