/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Writer ids in the browser. Change files are named after their writer, so
 * two tabs must never write under the same id at once, and the set of ids a
 * roadmap records should stay small. Each browser keeps a small pool of ids
 * in localStorage; a tab claims a free one with a Web Lock held while it
 * lives, and makes a new one only when all are in use.
 */

import { newWriterId } from '../domain/ids.ts'

const POOL_KEY = 'degooglisation:writer-ids'

function readPool(storage: Storage): string[] {
	try {
		const ids = JSON.parse(storage.getItem(POOL_KEY) ?? '[]')
		return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string' && /^[a-z0-9]{4,40}$/.test(id)) : []
	} catch {
		return []
	}
}

/** Resolves to a writer id that no other tab of this browser uses while this page lives. */
export async function claimWriterId(storage: Storage = window.localStorage, locks: LockManager | undefined = navigator.locks): Promise<string> {
	if (!locks) {
		return newWriterId()
	}
	const pool = readPool(storage)
	for (const id of [...pool, newWriterId()]) {
		const claimed = await new Promise<boolean>((resolve) => {
			locks.request(`degooglisation-writer-${id}`, { ifAvailable: true }, (lock) => {
				resolve(lock !== null)
				// Held until the page goes away.
				return lock ? new Promise<void>(() => {}) : undefined
			})
		})
		if (claimed) {
			if (!pool.includes(id)) {
				storage.setItem(POOL_KEY, JSON.stringify([...pool, id]))
			}
			return id
		}
	}
	return newWriterId()
}
