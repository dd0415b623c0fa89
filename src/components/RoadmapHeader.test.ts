/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'

const FOLDER = '/Dégooglisation/Saint-Exemple'
const store = reactive({
	locations: [{ path: FOLDER, name: 'Saint-Exemple', permissions: 'RGDNVCK', origin: 'own' }],
	roadmap: sampleRoadmap(2),
	readOnly: false,
	saveState: 'idle',
	saveError: null,
	unsent: 0,
	merged: null,
	conflicts: [],
	problems: [],
	waiting: [],
	ocsClient: () => ({ sharesOf: vi.fn(async () => []), searchSharees: vi.fn(async () => []) }),
})
vi.mock('../stores/roadmap.ts', () => ({ useRoadmapStore: () => store }))

const { default: RoadmapHeader } = await import('./RoadmapHeader.vue')
const { createAppRouter } = await import('../router/index.ts')

async function mountHeader() {
	const router = createAppRouter(createMemoryHistory())
	const wrapper = mount(RoadmapHeader, { props: { folder: FOLDER, view: 'overview' }, global: { plugins: [router, createPinia()] } })
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

describe('RoadmapHeader problems', () => {
	it('says what an unreadable file means for the reader, with the technical detail folded away', async () => {
		store.problems = [
			{ file: '.degooglisation/change.writerbast01.000003.json', message: 'ops[0].value: expected "string"', kind: 'invalid' },
			{ file: '.degooglisation/snapshot.writerbast01.000004.json', message: 'version 2 is newer than this version of Dégooglisation understands (1); update the app', kind: 'newer-version' },
		] as never
		const wrapper = await mountHeader()
		const notes = wrapper.findAll('.file-problem')
		expect(notes[0].get('p').text()).toBe('The changes saved with and after the file .degooglisation/change.writerbast01.000003.json are waiting: it could not be read (damaged or incomplete). It is left untouched; they will show as soon as it can be read.')
		expect(notes[1].get('p').text()).toMatch(/^The file .* was written by a newer version of Dégooglisation\. Ask your administrator to update the app/)
		// The parser's own words only behind "Details", quotation marks shown once.
		expect(notes[0].get('details summary').text()).toBe('Details')
		expect(notes[0].get('details pre').text()).toBe('ops[0].value: expected "string"')
		expect(wrapper.html()).not.toContain('&amp;quot;')
		store.problems = []
		wrapper.unmount()
	})

	it('says in the header whose changes are held back behind a file, instead of silently leaving them out', async () => {
		const file = 'change.writerbast01.000003.json'
		store.problems = [{ file, message: 'ops[0].value: expected "string"', kind: 'invalid' }] as never
		store.waiting = [{ writer: 'writerbast01', author: 'bastien', count: 2, file, reason: 'unreadable', detail: 'ops[0].value: expected "string"' }] as never
		const wrapper = await mountHeader()
		const notes = wrapper.findAll('.file-problem')
		expect(notes).toHaveLength(1)
		expect(notes[0].get('p').text()).toMatch(/^2 changes by bastien are waiting for a file that could not be read: change\.writerbast01\.000003\.json/)
		expect(notes[0].get('details pre').text()).toBe('ops[0].value: expected "string"')
		store.problems = []
		store.waiting = []
		wrapper.unmount()
	})

	it('shows the value kept in a conflict with its quotation marks, not escaped twice', async () => {
		store.conflicts = [{ path: 'tasks/t00000/title', kept: { author: 'alice', value: 'Le "plan"', writer: 'a', seq: 1 }, discarded: { author: 'bob', value: 'x', writer: 'b', seq: 1 } }] as never
		const wrapper = await mountHeader()
		expect(wrapper.text()).toContain('the value kept is "Le \\"plan\\"".')
		expect(wrapper.text()).not.toContain('&quot;')
		store.conflicts = []
		wrapper.unmount()
	})
})
