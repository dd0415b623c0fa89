/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import type { PartnerSummary } from '../api/partners.ts'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery.ts'

import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { roadmapProgress } from '../domain/progress.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { usePartnersStore } from './partners.ts'

function location(path: string, origin: DiscoveredRoadmap['origin'] = 'federated'): DiscoveredRoadmap {
	return { path, name: path.split('/').pop()!, fileId: 1, permissions: 'RGDNVCK', ownerId: 'bob', ownerDisplayName: 'Bruno', lastModified: 'Sun, 22 Nov 2026 10:00:00 GMT', origin }
}

function summary(commune: string, readAt: string): PartnerSummary {
	const roadmap = sampleRoadmap(4)
	return { commune, title: roadmap.title, lastUpdate: readAt, progress: roadmapProgress(roadmap), recentlyDone: [], recentSince: '2026-10-23T00:00:00.000Z', readAt }
}

beforeEach(() => {
	setActivePinia(createPinia())
	window.localStorage.clear()
})
afterEach(() => {
	vi.useRealTimers()
})

describe('partners store', () => {
	it('loads each roadmap on its own: a hung server times out without holding the others', async () => {
		vi.useFakeTimers()
		const store = usePartnersStore()
		const loader = vi.fn((l: DiscoveredRoadmap) => (l.path === '/B' ? new Promise<PartnerSummary>(() => {}) : Promise.resolve(summary('Mairie A', '2026-11-22T10:00:00.000Z'))))
		const done = store.load([location('/A', 'own'), location('/B')], loader, 8000)
		await vi.advanceTimersByTimeAsync(10)
		expect(store.entries['/A']).toMatchObject({ status: 'live', summary: { commune: 'Mairie A' } })
		expect(store.entries['/B'].status).toBe('loading')
		await vi.advanceTimersByTimeAsync(8000)
		await done
		expect(store.entries['/B']).toMatchObject({ status: 'failed', summary: null, error: 'no answer within 8 s' })
	})

	it('reads a few roadmaps at a time, each timed from when its read starts: those queued behind hung servers still load', async () => {
		vi.useFakeTimers()
		const store = usePartnersStore()
		const hung = ['/H1', '/H2', '/H3', '/H4', '/H5']
		const loader = vi.fn((l: DiscoveredRoadmap) => (hung.includes(l.path) ? new Promise<PartnerSummary>(() => {}) : Promise.resolve(summary(l.path, '2026-11-22T10:00:00.000Z'))))
		const done = store.load([...hung, '/A', '/B'].map((path) => location(path)), loader, 8000)
		await vi.advanceTimersByTimeAsync(10)
		expect(loader).toHaveBeenCalledTimes(4)
		await vi.advanceTimersByTimeAsync(8000)
		expect(loader).toHaveBeenCalledTimes(7)
		expect(store.entries['/A']).toMatchObject({ status: 'live', summary: { commune: '/A' } })
		expect(store.entries['/B']).toMatchObject({ status: 'live', summary: { commune: '/B' } })
		expect(store.entries['/H5'].status).toBe('loading')
		await vi.advanceTimersByTimeAsync(8000)
		await done
		expect(hung.map((path) => store.entries[path].status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed'])
	})

	it('shows the last known state, marked stale, when a live read fails', async () => {
		const store = usePartnersStore()
		await store.load([location('/B')], async () => summary('Mairie B', '2026-11-20T08:00:00.000Z'))
		expect(JSON.parse(window.localStorage.getItem('degooglisation.partner./B')!).commune).toBe('Mairie B')
		setActivePinia(createPinia())
		const fresh = usePartnersStore()
		await fresh.load([location('/B')], async () => {
			throw new TypeError('Failed to fetch')
		})
		expect(fresh.entries['/B']).toMatchObject({ status: 'stale', summary: { commune: 'Mairie B', readAt: '2026-11-20T08:00:00.000Z' }, error: 'Failed to fetch' })
	})

	it('remembers what it showed: at once on the next visit, and as unlisted when discovery leaves a roadmap out', async () => {
		await usePartnersStore().load([location('/B'), location('/A', 'own')], async (l) => summary(l.path, '2026-11-20T08:00:00.000Z'))
		setActivePinia(createPinia())
		const next = usePartnersStore()
		expect(next.known.map((l) => l.path)).toEqual(['/A', '/B'])
		expect(next.entries['/B']).toMatchObject({ status: 'loading', summary: { commune: '/B' } })
		await next.load([location('/A', 'own')], async (l) => summary(l.path, '2026-11-21T08:00:00.000Z'))
		expect(next.entries['/B']).toMatchObject({ status: 'unlisted', summary: { commune: '/B' } })
		next.forget('/B')
		expect(next.known.map((l) => l.path)).toEqual(['/A'])
		expect(next.entries['/B']).toBeUndefined()
	})
})
