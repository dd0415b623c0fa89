/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Doing many reads side by side, but not all at once, each with its own time
 * limit: one slow or stopped server then delays only what it serves.
 */

/** Roadmaps read side by side by the views that read many (partners page, dashboard widget): slow servers overlap, and the page keeps connections for the rest. */
export const ROADMAPS_AT_ONCE = 4

/** Runs `action` on every item, at most `limit` at a time; the results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, action: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length)
	let next = 0
	const worker = async () => {
		while (next < items.length) {
			const index = next++
			results[index] = await action(items[index], index)
		}
	}
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
	return results
}

/** Fails with "no answer within N s" when `promise` has not settled after `ms` (the work itself goes on). */
export function withTimeLimit<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms)
		promise.then(
			(value) => {
				clearTimeout(timer)
				resolve(value)
			},
			(error) => {
				clearTimeout(timer)
				reject(error)
			},
		)
	})
}

/**
 * Resolves in a new task of the event loop, so the page can answer in between.
 * A message rather than a timer: pages and tests that slow down or fake timers
 * must not stall reading.
 */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel()
		channel.port1.onmessage = () => {
			channel.port1.close()
			resolve()
		}
		channel.port2.postMessage(null)
	})
}
