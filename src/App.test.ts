/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'

const share = { id: '154908497374920704', owner: 'bob@127.0.0.1:8082', name: 'Feuille partagée' }
const store = reactive({
	locations: [
		{ path: '/Dégooglisation/A', name: 'A', origin: 'own' },
		{ path: '/B', name: 'B', origin: 'shared' },
		{ path: '/C', name: 'C', origin: 'federated' },
	],
	pendingShares: [share],
	path: null,
	roadmap: null,
	loading: false,
	listing: false,
	loadError: null,
	refreshList: vi.fn(async () => {}),
	open: vi.fn(async () => {}),
	answerShare: vi.fn(async () => {}),
	holdsRoadmap: vi.fn(async (path: string) => path === '/Archives/Roadmap'),
})
vi.mock('./stores/roadmap.ts', () => ({ useRoadmapStore: () => store }))
const pickFolder = vi.fn(async (): Promise<string | null> => '/Photos')
vi.mock('./components/pickFolder.ts', async (importOriginal) => ({ ...await importOriginal<typeof import('./components/pickFolder.ts')>(), pickFolder }))

async function mountApp(initialPath = '/') {
	window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
	// Nextcloud's page has these; NcContent teleports into #skip-actions.
	document.body.innerHTML = '<div id="skip-actions"></div><div id="content"></div>'
	const { default: App } = await import('./App.vue')
	const { createAppRouter } = await import('./router/index.ts')
	const { createMemoryHistory } = await import('vue-router')
	const router = createAppRouter(createMemoryHistory())
	await router.push(initialPath)
	const wrapper = mount(App, { attachTo: '#content', global: { plugins: [router] } })
	await flushPromises()
	return { wrapper, router }
}

describe('App navigation', () => {
	it('opens the roadmap the URL names without waiting for the list of roadmaps', async () => {
		store.refreshList.mockImplementationOnce(() => new Promise(() => {}))
		store.open.mockClear()
		const { wrapper } = await mountApp('/roadmap/D%C3%A9googlisation/A')
		expect(store.open).toHaveBeenCalledWith('/Dégooglisation/A')
		wrapper.unmount()
	})

	it('groups roadmaps by where they come from and offers pending federated shares', async () => {
		const { wrapper } = await mountApp()
		const text = wrapper.text()
		for (const caption of ['My roadmaps', 'Shared with me', 'From partner communes', 'Partner communes', 'Waiting for your answer']) {
			expect(text).toContain(caption)
		}
		expect(text).toContain('Feuille partagée from bob@127.0.0.1:8082')
		const accept = wrapper.findAll('button').find((b) => b.text() === 'Accept')!
		await accept.trigger('click')
		expect(store.answerShare).toHaveBeenCalledWith(share, true)
		const decline = wrapper.findAll('button').find((b) => b.text() === 'Decline')!
		await decline.trigger('click')
		expect(store.answerShare).toHaveBeenLastCalledWith(share, false)
		wrapper.unmount()
	})

	it('opens a roadmap folder chosen in the file picker, and says when a folder holds no roadmap', async () => {
		const { wrapper, router } = await mountApp()
		const action = () => wrapper.findAll('a, button').find((e) => e.text() === 'Open a roadmap folder…')!
		await action().trigger('click')
		await flushPromises()
		expect(store.holdsRoadmap).toHaveBeenCalledWith('/Photos')
		expect(wrapper.get('[role="alert"]').text()).toContain('The folder /Photos holds no Dégooglisation roadmap.')
		const before = router.currentRoute.value.fullPath
		pickFolder.mockResolvedValueOnce(null)
		await action().trigger('click')
		await flushPromises()
		expect(router.currentRoute.value.fullPath).toBe(before)
		pickFolder.mockResolvedValueOnce('/Archives/Roadmap/.degooglisation')
		await action().trigger('click')
		await flushPromises()
		expect(router.currentRoute.value.fullPath).toBe('/roadmap/Archives/Roadmap')
		expect(wrapper.find('[role="alert"]').exists()).toBe(false)
		wrapper.unmount()
	})

	it('opens the creation dialog from the navigation', async () => {
		const { wrapper } = await mountApp()
		await wrapper.findAll('button').find((b) => b.text() === 'New roadmap')!.trigger('click')
		await flushPromises()
		await vi.dynamicImportSettled()
		await flushPromises()
		expect(document.getElementById('new-roadmap-commune')).not.toBeNull()
		wrapper.unmount()
	})
})
