/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Where the partner communes stand, beside the user's own roadmaps: each
 * roadmap loads on its own with a time limit, so a slow or stopped server
 * never holds the page; the last state read is kept in the browser and shown,
 * marked as such, when a live read fails.
 */

import type { PartnerSummary } from '../api/partners.ts'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery.ts'

import { defineStore } from 'pinia'
import { ref } from 'vue'
import { readPartnerSummary } from '../api/partners.ts'
import { logger } from '../logger.ts'
import { mapLimited, ROADMAPS_AT_ONCE, withTimeLimit } from '../storage/concurrency.ts'

export type { PartnerSummary }

export const PARTNER_TIMEOUT_MS = 8000
const CACHE_PREFIX = 'degooglisation.partner.'
/** The roadmaps shown last time, so that one whose server is down is still shown (discovery leaves it out then). */
const KNOWN_KEY = 'degooglisation.partners.known'

export interface PartnerEntry {
	/**
	 * loading: being read (a cached summary may show meanwhile); live: just read;
	 * stale: the read failed, the cached summary shows; failed: nothing to show;
	 * unlisted: shown last time but not found now (server down, or share revoked).
	 */
	status: 'loading' | 'live' | 'stale' | 'failed' | 'unlisted'
	summary: PartnerSummary | null
	error: string | null
}

export type PartnerLoader = (location: DiscoveredRoadmap) => Promise<PartnerSummary>

function readStored<T>(key: string): T | null {
	try {
		const text = window.localStorage.getItem(key)
		return text ? JSON.parse(text) as T : null
	} catch (error) {
		logger.warn('A partner roadmap kept in this browser could not be read back', { key, error })
		return null
	}
}

function writeStored(key: string, value: unknown): void {
	try {
		if (value === null) {
			window.localStorage.removeItem(key)
		} else {
			window.localStorage.setItem(key, JSON.stringify(value))
		}
	} catch (error) {
		// A full or disabled storage only loses the offline copy.
		logger.warn('A partner roadmap could not be kept in this browser', { key, error })
	}
}

const readCache = (path: string) => readStored<PartnerSummary>(CACHE_PREFIX + path)

export const usePartnersStore = defineStore('partners', () => {
	/** Own roadmaps first, then the partners'; those not listed any more last. */
	const known = ref<DiscoveredRoadmap[]>(readStored<DiscoveredRoadmap[]>(KNOWN_KEY) ?? [])
	const entries = ref<Record<string, PartnerEntry>>(Object.fromEntries(known.value.map((l) => [l.path, { status: 'loading', summary: readCache(l.path), error: null }])))

	/**
	 * Reads the roadmaps listed a few at a time, each on its own with its own
	 * time limit (from when its read starts): one that hangs or fails changes
	 * only its own entry. Those known from before but not listed
	 * now keep showing their last known state.
	 */
	async function load(locations: DiscoveredRoadmap[], loader: PartnerLoader = readPartnerSummary, timeoutMs = PARTNER_TIMEOUT_MS): Promise<void> {
		const listed = new Set(locations.map((l) => l.path))
		const unlisted = known.value.filter((l) => !listed.has(l.path))
		known.value = [...locations.filter((l) => l.origin === 'own'), ...locations.filter((l) => l.origin !== 'own'), ...unlisted]
		writeStored(KNOWN_KEY, known.value)
		for (const location of unlisted) {
			entries.value[location.path] = { status: 'unlisted', summary: readCache(location.path), error: null }
		}
		for (const location of locations) {
			entries.value[location.path] = { status: 'loading', summary: entries.value[location.path]?.summary ?? readCache(location.path), error: null }
		}
		await mapLimited(locations, ROADMAPS_AT_ONCE, async (location) => {
			try {
				const summary = await withTimeLimit(loader(location), timeoutMs)
				writeStored(CACHE_PREFIX + location.path, summary)
				entries.value[location.path] = { status: 'live', summary, error: null }
			} catch (error) {
				const known = readCache(location.path)
				entries.value[location.path] = { status: known ? 'stale' : 'failed', summary: known, error: (error as Error).message }
			}
		})
	}

	/** Stops showing a roadmap no longer listed (a share that was revoked, say). */
	function forget(path: string): void {
		known.value = known.value.filter((l) => l.path !== path)
		writeStored(KNOWN_KEY, known.value)
		writeStored(CACHE_PREFIX + path, null)
		delete entries.value[path]
	}

	return { known, entries, load, forget }
})
