/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it } from 'vitest'
import { DavError } from './dav.ts'
import { isTransient, withRetry } from './retry.ts'

const policy = { attempts: 5, baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {} }

describe('withRetry', () => {
	it('retries 423, 500, 502, 503 and refused connections, then succeeds', async () => {
		const failures = [new DavError(423, 'PUT', '/x'), new DavError(500, 'PUT', '/x'), new DavError(502, 'PUT', '/x'), new TypeError('fetch failed')]
		let calls = 0
		const result = await withRetry(async () => {
			calls++
			const failure = failures.shift()
			if (failure) {
				throw failure
			}
			return 'ok'
		}, policy)
		expect([result, calls]).toEqual(['ok', 5])
	})

	it('gives up after the last attempt with the last error', async () => {
		let calls = 0
		await expect(withRetry(async () => {
			calls++
			throw new DavError(503, 'PUT', '/x')
		}, policy)).rejects.toThrow('PUT /x: HTTP 503')
		expect(calls).toBe(5)
	})

	it('hands a timeout back at once, still counted as transient, so the caller says offline without waiting seven timeouts', async () => {
		const timeout = new Error('The operation timed out.')
		timeout.name = 'TimeoutError'
		let calls = 0
		const failure = await withRetry(async () => {
			calls++
			throw timeout
		}, policy).catch((error: unknown) => error)
		expect([failure, calls, isTransient(failure)]).toEqual([timeout, 1, true])
	})

	it('does not retry what retrying cannot fix', async () => {
		let calls = 0
		await expect(withRetry(async () => {
			calls++
			throw new DavError(403, 'PUT', '/x')
		}, policy)).rejects.toThrow('HTTP 403')
		expect(calls).toBe(1)
	})
})
