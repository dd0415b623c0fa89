// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { roadmapProgress } from '../domain/progress'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap'
import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery'
import type { PartnerSummary } from '../api/partners'
import { useRoadmapStore } from '../stores/roadmap'
import { DOMParser } from '@xmldom/xmldom'
import { changeFileName, STATE_FOLDER } from '../domain/storageFormat'
import { DavClient } from '../storage/dav'
import { RoadmapFolder } from '../storage/roadmapFolder'
import { startSandboxNetwork } from '../testing/sandboxNetwork'

function location(path: string, origin: DiscoveredRoadmap['origin'], owner = 'alice'): DiscoveredRoadmap {
	return { path, name: path.split('/').pop()!, fileId: 1, permissions: 'RGDNVCK', ownerId: owner, ownerDisplayName: owner === 'alice' ? 'Alice Martin' : '', lastModified: '', origin }
}

function summary(commune: string, readAt: string, finished: number): PartnerSummary {
	const roadmap = sampleRoadmap(4)
	return {
		commune, title: roadmap.title, lastUpdate: readAt, progress: roadmapProgress(roadmap),
		recentlyDone: Array.from({ length: finished }, (_, i) => ({ id: `d${i}`, title: `Finie ${i}`, at: '2026-11-21T10:00:00.000Z' })),
		recentSince: '2026-10-23T00:00:00.000Z', readAt,
	}
}

const locations = [
	location('/Dégooglisation/Saint-Exemple', 'own'),
	location('/Collègue', 'shared'),
	location('/Mairie B', 'federated', 'agent@cloud.mairie-b.fr'),
	location('/Mairie C', 'federated', 'dgs@cloud.mairie-c.fr'),
]
// Reading a roadmap is faked at the API module's edge; the stores are the real ones.
const read = vi.fn()
vi.mock('../api/partners', async (original) => ({ ...await original<typeof import('../api/partners')>(), readPartnerSummary: (l: DiscoveredRoadmap) => read(l) }))

const { default: PartnersView } = await import('./PartnersView.vue')
const { summarizeRoadmap } = await import('../api/partners')
const { createAppRouter } = await import('../router')

beforeEach(() => {
	setActivePinia(createPinia())
	useRoadmapStore().locations = locations
	window.localStorage.clear()
	vi.useFakeTimers()
})
afterEach(() => {
	vi.useRealTimers()
})

describe('PartnersView', () => {
	it('shows own and partner roadmaps side by side, each loading on its own, the unreachable one from its last known state', async () => {
		window.localStorage.setItem('degooglisation.partner./Mairie B', JSON.stringify(summary('Mairie B', '2026-11-20T08:00:00.000Z', 0)))
		read.mockImplementation((l: DiscoveredRoadmap) => {
			if (l.path === '/Mairie B') return Promise.reject(new TypeError('Failed to fetch'))
			if (l.path === '/Mairie C') return new Promise(() => {})
			return Promise.resolve(summary('Saint-Exemple', '2026-11-22T10:00:00.000Z', 7))
		})
		const router = createAppRouter(createMemoryHistory())
		const wrapper = mount(PartnersView, { global: { plugins: [router] } })
		await vi.advanceTimersByTimeAsync(10)
		await flushPromises()
		const cards = () => wrapper.findAll('.partners__card')
		expect(cards().map((c) => c.find('h3').text())).toEqual(['Saint-Exemple', 'Mairie B', 'Mairie C'])
		expect(read).toHaveBeenCalledTimes(3)

		const own = cards()[0]
		expect(own.find('.partners__origin').text()).toBe('Your roadmap')
		expect(own.findAll('.partners__phases li').map((li) => li.findAll('span').map((span) => span.text()))).toEqual([['Structuration', '0 %'], ['Solutions', '50 %']])
		const recent = own.findAll('.partners__recent li').map((li) => li.text())
		expect(recent.slice(0, 5).every((text) => text.startsWith('Finie '))).toBe(true)
		expect(recent.slice(5)).toEqual(['and 2 other tasks'])
		expect(own.find('h3 a').attributes('href')).toBe('/roadmap/D%C3%A9googlisation/Saint-Exemple')

		const b = cards()[1]
		expect(b.find('.partners__origin').text()).toBe('Shared by agent@cloud.mairie-b.fr')
		expect(b.find('.partners__stale p').text()).toMatch(/^Last known state from .*2026.*: the server did not answer\.$/)
		// The browser's own words only behind "Details".
		expect(b.find('.partners__stale summary').text()).toBe('Details')
		expect(b.find('.partners__stale pre').text()).toBe('Failed to fetch')
		expect(b.findAll('.partners__phases li')).toHaveLength(2)

		expect(cards()[2].text()).toContain('Loading…')
		await vi.advanceTimersByTimeAsync(8000)
		await flushPromises()
		expect(cards()[2].find('.partners__failed p').text()).toBe('This roadmap could not be read, and no earlier state is kept in this browser. Try again later.')
		expect(cards()[2].find('.partners__failed pre').text()).toBe('no answer within 8 s')
		wrapper.unmount()
	})

	it('still shows a partner the list no longer holds, from its last known state, until told to stop', async () => {
		const gone = location('/Mairie D', 'federated', 'dgs@cloud.mairie-d.fr')
		window.localStorage.setItem('degooglisation.partners.known', JSON.stringify([gone]))
		window.localStorage.setItem('degooglisation.partner./Mairie D', JSON.stringify(summary('Mairie D', '2026-11-19T08:00:00.000Z', 1)))
		read.mockImplementation(async (l: DiscoveredRoadmap) => summary(l.name, '2026-11-22T10:00:00.000Z', 0))
		const router = createAppRouter(createMemoryHistory())
		const wrapper = mount(PartnersView, { global: { plugins: [router] } })
		await vi.advanceTimersByTimeAsync(10)
		await flushPromises()
		const card = () => wrapper.findAll('.partners__card').find((c) => c.find('h3').text() === 'Mairie D')
		expect(wrapper.findAll('.partners__card').map((c) => c.find('h3').text())).toEqual(['Saint-Exemple', 'Mairie B', 'Mairie C', 'Mairie D'])
		expect(card()!.find('.partners__stale').text()).toMatch(/^Not found right now \(its server may be down, or the share was withdrawn\)\. Last known state from .*2026/)
		expect(card()!.findAll('.partners__recent li')).toHaveLength(1)
		await card()!.find('button').trigger('click')
		expect(card()).toBeUndefined()
		expect(window.localStorage.getItem('degooglisation.partner./Mairie D')).toBeNull()
		wrapper.unmount()
	})

	it('says whose changes a partner roadmap holds back behind a file that could not be read, and how many', async () => {
		vi.useRealTimers()
		const network = await startSandboxNetwork()
		try {
			const dav = new DavClient({ baseUrl: network.url, user: 'alice', auth: { user: 'alice', password: 'alice' }, fetch: globalThis.fetch.bind(globalThis), DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'] })
			await network.seed('/Mairie B', sampleRoadmap(4))
			// Bastien, of the partner commune, saves three changes; the first file arrives damaged.
			const bastien = new RoadmapFolder({ dav, path: '/Mairie B', writer: { id: 'writerbast01', author: 'bastien' } })
			await bastien.load()
			for (const title of ['Un', 'Deux', 'Trois']) await bastien.save([{ op: 'set', path: 'tasks/t00001/title', value: title }])
			await dav.put(`/Mairie B/${STATE_FOLDER}/${changeFileName('writerbast01', 1)}`, '{"format": "degooglisation-change", "vers')
			read.mockImplementation((l: DiscoveredRoadmap) => (l.path === '/Mairie B' ? summarizeRoadmap(dav, l) : new Promise(() => {})))
			const wrapper = mount(PartnersView, { global: { plugins: [createAppRouter(createMemoryHistory())] } })
			await vi.waitFor(() => expect(wrapper.findAll('.partners__card')[1].find('.file-problem').exists()).toBe(true), { timeout: 10_000 })
			const note = wrapper.findAll('.partners__card')[1].get('.file-problem')
			expect(note.get('p').text()).toBe('2 changes by bastien are waiting for a file that could not be read: change.writerbast01.000001.json (damaged or incomplete). The file is left untouched; the changes will show as soon as it can be read.')
			expect(note.get('details summary').text()).toBe('Details')
			expect(note.get('details pre').text()).not.toBe('')
			wrapper.unmount()
		} finally {
			await network.close()
		}
	})
})
