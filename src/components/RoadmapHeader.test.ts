// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap'

const FOLDER = '/Dégooglisation/Saint-Exemple'
const store = reactive({
	locations: [{ path: FOLDER, name: 'Saint-Exemple', permissions: 'RGDNVCK', origin: 'own' }],
	roadmap: sampleRoadmap(2), readOnly: false, saveState: 'idle', saveError: null, unsent: 0, merged: null, conflicts: [], problems: [],
	ocsClient: () => ({ sharesOf: vi.fn(async () => []), searchSharees: vi.fn(async () => []) }),
})
vi.mock('../stores/roadmap', () => ({ useRoadmapStore: () => store }))

const { default: RoadmapHeader } = await import('./RoadmapHeader.vue')
const { createAppRouter } = await import('../router')

async function mountHeader() {
	const router = createAppRouter(createMemoryHistory())
	const wrapper = mount(RoadmapHeader, { props: { folder: FOLDER, view: 'overview' }, global: { plugins: [router] } })
	await flushPromises()
	return wrapper
}

describe('RoadmapHeader sharing', () => {
	it('opens and closes the share panel from a "Share" button', async () => {
		const wrapper = await mountHeader()
		const share = wrapper.findAll('button').find((b) => b.text() === 'Share')!
		expect(share.attributes('aria-expanded')).toBe('false')
		await share.trigger('click')
		expect(share.attributes('aria-expanded')).toBe('true')
		// The panel's code loads on first use.
		await vi.waitFor(() => expect(wrapper.find('.share-panel').exists()).toBe(true))
		expect(wrapper.find('.share-panel h3').text()).toBe('Share this roadmap')
		await wrapper.findAll('button').find((b) => b.text() === 'Close')!.trigger('click')
		expect(wrapper.find('.share-panel').exists()).toBe(false)
		wrapper.unmount()
	})

	it('offers no "Share" button to someone who may not share the folder', async () => {
		store.locations[0].permissions = 'GDNVCK'
		const wrapper = await mountHeader()
		expect(wrapper.findAll('button').some((b) => b.text() === 'Share')).toBe(false)
		wrapper.unmount()
	})
})
