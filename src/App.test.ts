// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'

const share = { id: '154908497374920704', remote: 'http://127.0.0.1:8082/', owner: 'bob', name: '/Feuille partagée', mountpoint: '{{TemporaryMountPointName#/Feuille partagée}}', accepted: 0 }
const store = reactive({
	locations: [
		{ path: '/Dégooglisation/A', name: 'A', origin: 'own' },
		{ path: '/B', name: 'B', origin: 'shared' },
		{ path: '/C', name: 'C', origin: 'federated' },
	],
	pendingShares: [share],
	path: null, roadmap: null, loading: false, listing: false, loadError: null,
	refreshList: vi.fn(async () => {}),
	open: vi.fn(async () => {}),
	answerShare: vi.fn(async () => {}),
})
vi.mock('./stores/roadmap', () => ({ useRoadmapStore: () => store }))

describe('App navigation', () => {
	it('groups roadmaps by where they come from and offers pending federated shares', async () => {
		window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
		// Nextcloud's page has these; NcContent teleports into #skip-actions.
		document.body.innerHTML = '<div id="skip-actions"></div><div id="content"></div>'
		const { default: App } = await import('./App.vue')
		const { createAppRouter } = await import('./router')
		const { createMemoryHistory } = await import('vue-router')
		const router = createAppRouter(createMemoryHistory())
		await router.push('/')
		const wrapper = mount(App, { attachTo: '#content', global: { plugins: [router] } })
		await flushPromises()
		const text = wrapper.text()
		for (const caption of ['My roadmaps', 'Shared with me', 'From partner communes', 'Partner communes', 'Waiting for your answer']) expect(text).toContain(caption)
		expect(text).toContain('Feuille partagée from bob@127.0.0.1:8082')
		const accept = wrapper.findAll('button').find((b) => b.text() === 'Accept')!
		await accept.trigger('click')
		expect(store.answerShare).toHaveBeenCalledWith(share, true)
		const decline = wrapper.findAll('button').find((b) => b.text() === 'Decline')!
		await decline.trigger('click')
		expect(store.answerShare).toHaveBeenLastCalledWith(share, false)
		wrapper.unmount()
	})
})
