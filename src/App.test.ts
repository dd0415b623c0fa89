// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The app's page with its real stores and storage, over two sandboxes
 * standing for Nextcloud: bastien's server, where the page runs, and a
 * partner commune's (alice's) that shares folders with him. Only the
 * boundary is played: the network, Nextcloud's page globals and its file
 * picker.
 */

import type { Sandbox } from '../sandbox/server.ts'
import type { SandboxNetwork } from './testing/sandboxNetwork.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { DOMParser } from '@xmldom/xmldom'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { startSandbox } from '../sandbox/server.ts'
import { STATE_FOLDER } from './domain/storageFormat.ts'
import { sampleRoadmap } from './domain/testing/sampleRoadmap.ts'
import { createAppRouter } from './router/index.ts'
import { DavClient } from './storage/dav.ts'
import { RoadmapFolder } from './storage/roadmapFolder.ts'
import { startSandboxNetwork } from './testing/sandboxNetwork.ts'

const server = vi.hoisted(() => ({ url: '' }))
vi.mock('@nextcloud/auth', () => ({ getCurrentUser: () => ({ uid: 'bastien', displayName: 'Bastien Roux' }), getRequestToken: () => 'token' }))
vi.mock('@nextcloud/router', async (original) => ({ ...await original<typeof import('@nextcloud/router')>(), getBaseUrl: () => server.url }))
// Nextcloud's file picker: the test says what is picked.
class FilePickerClosed extends Error {}
const pick = vi.hoisted(() => vi.fn(async (): Promise<string> => '/Photos'))
vi.mock('@nextcloud/dialogs', () => {
	const builder: Record<string, unknown> = { build: () => ({ pick }) }
	for (const step of ['setMultiSelect', 'allowDirectories', 'setMimeTypeFilter', 'setButtonFactory', 'startAt']) {
		builder[step] = () => builder
	}
	return { FilePickerClosed, getFilePickerBuilder: () => builder }
})

/** The test's own connection, taken before the page's network stands in for fetch. */
const realFetch = globalThis.fetch.bind(globalThis)
const davOf = (url: string, user: string) => new DavClient({ baseUrl: url, user, auth: { user, password: user }, fetch: realFetch, DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'] })

let network: SandboxNetwork
let commune: Sandbox
let communeData: string
/** Requests of the page held unanswered while this says so (a slow server). */
let holds: (url: string) => boolean = () => false

async function shareWithBastien(name: string, accept: boolean): Promise<void> {
	const ocs = async (url: string, user: string, method: string, path: string, body?: Record<string, unknown>) => {
		const response = await realFetch(`${url}/ocs/v2.php/apps/files_sharing/api/v1/${path}?format=json`, { method, headers: { Authorization: `Basic ${btoa(`${user}:${user}`)}`, 'OCS-APIRequest': 'true', 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) })
		return (await response.json()).ocs
	}
	await new RoadmapFolder({ dav: davOf(commune.url, 'alice'), path: `/${name}`, writer: { id: 'writeralice1', author: 'alice' } }).create(sampleRoadmap(2))
	expect((await ocs(commune.url, 'alice', 'POST', 'shares', { path: `/${name}`, shareType: 6, shareWith: `bastien@${network.url}`, permissions: 31 })).meta.statuscode).toBe(200)
	if (!accept) {
		return
	}
	const pending = (await ocs(network.url, 'bastien', 'GET', 'remote_shares/pending')).data.find((share: { name: string }) => share.name === `/${name}`)
	await ocs(network.url, 'bastien', 'POST', `remote_shares/pending/${pending.id}`)
}

beforeAll(async () => {
	network = await startSandboxNetwork('bastien')
	server.url = network.url
	communeData = await mkdtemp(join(tmpdir(), 'degooglisation-app-'))
	commune = await startSandbox({ port: 0, dataDir: communeData, users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice' }], hazards: { preconditionGapMs: 0 } })
	await network.seed('/Dégooglisation/A', sampleRoadmap(3))
	await network.seed('/Archives/Roadmap', sampleRoadmap(1))
	await davOf(network.url, 'bastien').createFolder('/Photos')
	await shareWithBastien('Mairie B', true)
	await shareWithBastien('Feuille partagée', false)
	await shareWithBastien('Refus', false)
	// The page's requests go to bastien's server; the servers' own requests to each other pass untouched.
	vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
		const url = String(input instanceof Request ? input.url : input)
		if (url.startsWith(commune.url)) {
			return realFetch(input, init)
		}
		return holds(url) ? new Promise(() => {}) : network.fetch(input, init)
	})
	window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
})
afterAll(async () => {
	vi.unstubAllGlobals()
	await network.close()
	await commune.close()
	await rm(communeData, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
})
beforeEach(() => {
	holds = () => false
	setActivePinia(createPinia())
})

async function mountApp(initialPath = '/') {
	// Nextcloud's page has these; NcContent teleports into #skip-actions.
	document.body.innerHTML = '<div id="skip-actions"></div><div id="content"></div>'
	const { default: App } = await import('./App.vue')
	const router = createAppRouter(createMemoryHistory())
	await router.push(initialPath)
	const wrapper = mount(App, { attachTo: '#content', global: { plugins: [router] } })
	await flushPromises()
	return { wrapper, router }
}

/** Waits for the roadmap the page went to to show, so that nothing is still loading when the test ends. */
async function unmountOnceShown(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']): Promise<void> {
	await vi.waitFor(() => expect(wrapper.find('.roadmap-header__title').exists()).toBe(true), { timeout: 10_000 })
	await flushPromises()
	wrapper.unmount()
}

const navigationNames = (wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) => wrapper.findAll('.app-navigation-entry__name').map((entry) => entry.text())

describe('App navigation', () => {
	it('opens the roadmap the URL names without waiting for the list of roadmaps', async () => {
		// Every request but those of the roadmap itself stays unanswered.
		holds = (url) => !decodeURIComponent(url).includes('/Dégooglisation/A')
		const { wrapper } = await mountApp('/roadmap/D%C3%A9googlisation/A')
		await vi.waitFor(() => expect(wrapper.find('.roadmap-header__title').exists()).toBe(true), { timeout: 10_000 })
		expect(wrapper.get('.roadmap-header__title').text()).toBe(sampleRoadmap(3).title)
		expect(navigationNames(wrapper)).not.toContain('A')
		wrapper.unmount()
	})

	it('groups roadmaps by where they come from, and answers federated shares waiting for an answer', async () => {
		const { wrapper } = await mountApp()
		await vi.waitFor(() => expect(wrapper.text()).toContain('Waiting for your answer'), { timeout: 10_000 })
		const text = wrapper.text()
		for (const caption of ['My roadmaps', 'From partner communes', 'Partner communes']) {
			expect(text).toContain(caption)
		}
		expect(navigationNames(wrapper)).toEqual(expect.arrayContaining(['A', 'Mairie B']))
		const pending = () => wrapper.findAll('.pending-share').map((share) => share.find('span').text())
		expect(pending()).toEqual([`Feuille partagée from alice@${commune.url.replace(/^https?:\/\//, '')}`, `Refus from alice@${commune.url.replace(/^https?:\/\//, '')}`])
		const answer = async (name: string, button: string) => {
			await wrapper.findAll('.pending-share').find((share) => share.text().startsWith(name))!.findAll('button').find((b) => b.text() === button)!.trigger('click')
			await vi.waitFor(() => expect(pending().some((share) => share.startsWith(name))).toBe(false), { timeout: 10_000 })
		}
		await answer('Refus', 'Decline')
		await answer('Feuille partagée', 'Accept')
		await vi.waitFor(() => expect(navigationNames(wrapper)).toContain('Feuille partagée'), { timeout: 10_000 })
		expect(navigationNames(wrapper)).not.toContain('Refus')
		expect(wrapper.text()).not.toContain('Waiting for your answer')
		await unmountOnceShown(wrapper)
	})

	it('opens a roadmap folder chosen in the file picker, and says when a folder holds no roadmap', async () => {
		const { wrapper, router } = await mountApp()
		// The app goes from its home to the user's first roadmap once the list is read: that is where the picker is used.
		await vi.waitFor(() => expect(router.currentRoute.value.path).toMatch(/^\/roadmap\//), { timeout: 10_000 })
		const action = () => wrapper.findAll('a, button').find((e) => e.text() === 'Open a roadmap folder…')!
		await action().trigger('click')
		await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true), { timeout: 10_000 })
		expect(wrapper.get('[role="alert"]').text()).toContain('The folder /Photos holds no Dégooglisation roadmap.')
		const before = router.currentRoute.value.fullPath
		pick.mockRejectedValueOnce(new FilePickerClosed('closed'))
		await action().trigger('click')
		await flushPromises()
		expect(router.currentRoute.value.fullPath).toBe(before)
		pick.mockResolvedValueOnce(`/Archives/Roadmap/${STATE_FOLDER}`)
		await action().trigger('click')
		await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/roadmap/Archives/Roadmap'), { timeout: 10_000 })
		expect(wrapper.find('[role="alert"]').exists()).toBe(false)
		await unmountOnceShown(wrapper)
	})

	it('opens the creation dialog from the navigation', async () => {
		const { wrapper } = await mountApp()
		await wrapper.findAll('button').find((b) => b.text() === 'New roadmap')!.trigger('click')
		await vi.waitFor(() => expect(document.getElementById('new-roadmap-commune')).not.toBeNull(), { timeout: 10_000 })
		await unmountOnceShown(wrapper)
	})
})

describe('App: a roadmap that cannot be opened', () => {
	const shown = async (path: string) => {
		const { wrapper } = await mountApp(path)
		await vi.waitFor(() => expect(wrapper.text()).toContain('This roadmap cannot be opened'), { timeout: 10_000 })
		// The list of roadmaps, read meanwhile, is there too before the test ends.
		await vi.waitFor(() => expect(navigationNames(wrapper)).toContain('Mairie B'), { timeout: 10_000 })
		return wrapper
	}

	it('says a roadmap saved by a newer version of the app needs an update, the reader\'s words folded away', async () => {
		const path = '/Dégooglisation/Future'
		await network.seed(path, sampleRoadmap(2))
		const dav = davOf(network.url, 'bastien')
		// Its only snapshot comes from a version 2 of the format.
		for (const entry of await dav.list(`${path}/${STATE_FOLDER}`)) {
			if (!entry.name.startsWith('snapshot.')) {
				continue
			}
			const snapshot = JSON.parse(new TextDecoder().decode((await dav.get(`${path}/${STATE_FOLDER}/${entry.name}`)).body))
			await dav.put(`${path}/${STATE_FOLDER}/${entry.name}`, JSON.stringify({ ...snapshot, version: 2 }))
		}
		const wrapper = await shown('/roadmap/D%C3%A9googlisation/Future')
		expect(wrapper.text()).toContain('This roadmap was saved by a newer version of Dégooglisation than the one installed on this Nextcloud. Ask your administrator to update the app: the roadmap opens again then. Nothing in it was changed.')
		expect(wrapper.get('details summary').text()).toBe('Details')
		expect(wrapper.get('details pre').text()).toMatch(/^snapshot\.\w+\.000001(\.complete)?\.json: version: version 2 is newer than this version of Dégooglisation understands \(1\); update the app/)
		wrapper.unmount()
	})

	it('says a folder that is not there may have moved, not the server\'s answer', async () => {
		const wrapper = await shown('/roadmap/Nulle%20part')
		expect(wrapper.text()).toContain('The folder /Nulle part was not found: it may have been moved, renamed or deleted, or be no longer shared with you.')
		expect(wrapper.get('details pre').text()).toMatch(/404/)
		wrapper.unmount()
	})
})
