/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import type { Roadmap } from '../domain/model.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DavError } from '../storage/dav.ts'
import { RoadmapFolderError } from '../storage/roadmapFolder.ts'

const store = { create: vi.fn(async (_target: string, _roadmap: Roadmap) => {}) }
vi.mock('../stores/roadmap.ts', () => ({ useRoadmapStore: () => store }))
const pickFolder = vi.fn(async (): Promise<string | null> => '/Projets')
vi.mock('./pickFolder.ts', async (importOriginal) => ({ ...await importOriginal<typeof import('./pickFolder.ts')>(), pickFolder }))

async function mountDialog() {
	const { default: NewRoadmapDialog } = await import('./NewRoadmapDialog.vue')
	const wrapper = mount(NewRoadmapDialog, { attachTo: document.body })
	await flushPromises()
	return wrapper
}

const field = (id: string) => document.getElementById(id) as HTMLInputElement
async function type(id: string, value: string): Promise<void> {
	const input = field(id)
	input.value = value
	input.dispatchEvent(new Event('input'))
	await flushPromises()
}
function button(text: string): HTMLButtonElement {
	return [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!
}
async function submit(): Promise<void> {
	button('Create the roadmap').click()
	await flushPromises()
}
const alertText = () => [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent?.trim()).join(' ')

beforeEach(() => {
	window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
	store.create.mockReset()
	pickFolder.mockClear()
})
afterEach(() => {
	document.body.innerHTML = ''
})

describe('NewRoadmapDialog', () => {
	it('creates the starter roadmap in /Dégooglisation/<commune> and says where', async () => {
		const wrapper = await mountDialog()
		await type('new-roadmap-commune', ' Saint-Exemple ')
		expect(field('new-roadmap-folder').value).toBe('/Dégooglisation/Saint-Exemple')
		await submit()
		expect(store.create).toHaveBeenCalledTimes(1)
		const [target, roadmap] = store.create.mock.calls[0]
		expect(target).toBe('/Dégooglisation/Saint-Exemple')
		expect(roadmap.commune).toBe('Saint-Exemple')
		expect(roadmap.phases).toHaveLength(6)
		expect(roadmap.tasks.length).toBeGreaterThan(50)
		expect(wrapper.emitted('created')).toEqual([['/Dégooglisation/Saint-Exemple']])
		wrapper.unmount()
	})

	it('creates an empty roadmap in a typed folder, cleaned of stray slashes', async () => {
		const wrapper = await mountDialog()
		await type('new-roadmap-commune', 'Boé')
		;(document.querySelector('input[value="empty"]') as HTMLInputElement).click()
		await type('new-roadmap-folder', 'Mairie//Numérique/Feuille/')
		await submit()
		const [target, roadmap] = store.create.mock.calls[0]
		expect(target).toBe('/Mairie/Numérique/Feuille')
		// One phase to start with, so that the first task has somewhere to go.
		expect(roadmap).toMatchObject({ commune: 'Boé', title: 'De-Googling roadmap — Boé', phases: [{ order: 1, title: 'First phase' }], tasks: [], indicators: [] })
		wrapper.unmount()
	})

	it('puts the commune\'s folder in the folder chosen with the file picker', async () => {
		const wrapper = await mountDialog()
		await type('new-roadmap-commune', 'Lyon / Métropole')
		button('Choose where…').click()
		await flushPromises()
		expect(pickFolder).toHaveBeenCalledTimes(1)
		expect(field('new-roadmap-folder').value).toBe('/Projets/Lyon - Métropole')
		wrapper.unmount()
	})

	it('keeps the folder when the picker is closed without choosing, and offers typing when it cannot open', async () => {
		const wrapper = await mountDialog()
		await type('new-roadmap-commune', 'Fontaine')
		pickFolder.mockResolvedValueOnce(null)
		button('Choose where…').click()
		await flushPromises()
		expect(field('new-roadmap-folder').value).toBe('/Dégooglisation/Fontaine')
		pickFolder.mockRejectedValueOnce(new Error('no Files app'))
		button('Choose where…').click()
		await flushPromises()
		expect(alertText()).toContain('The file picker could not be opened (no Files app). Type the folder\'s path instead.')
		wrapper.unmount()
	})

	it('says what is missing and creates nothing', async () => {
		const wrapper = await mountDialog()
		await submit()
		expect(document.body.textContent).toContain('Enter the name of your commune.')
		expect(field('new-roadmap-commune').getAttribute('aria-invalid')).toBe('true')
		const describedBy = field('new-roadmap-commune').getAttribute('aria-describedby')!.split(' ')
		expect(describedBy.map((id) => document.getElementById(id)?.textContent?.trim())).toContain('Enter the name of your commune.')
		expect(store.create).not.toHaveBeenCalled()
		await type('new-roadmap-commune', 'Échirolles')
		expect(document.body.textContent).not.toContain('Enter the name of your commune.')
		await type('new-roadmap-folder', '/')
		await submit()
		expect(document.body.textContent).toContain('Enter the folder that will hold the roadmap, for instance /Dégooglisation/Échirolles.')
		expect(store.create).not.toHaveBeenCalled()
		wrapper.unmount()
	})

	for (const [cause, message] of [
		[new RoadmapFolderError('already-a-roadmap', '/Dégooglisation/Boé already holds a roadmap'), 'The folder /Dégooglisation/Boé already holds a roadmap.'],
		[new RoadmapFolderError('too-large', '/Dégooglisation/Boé: snapshot.w.000001.json: file too large to read'), 'This roadmap is too large to be saved in a file that can be read again without freezing the page. It was not created: nothing was written.'],
		[new DavError(403, 'MKCOL', '/Dégooglisation/Boé'), 'You may not create a folder in /Dégooglisation.'],
		[new DavError(409, 'MKCOL', '/Dégooglisation/Boé'), 'The folder /Dégooglisation does not exist.'],
		[new DavError(507, 'PUT', '/Dégooglisation/Boé/x'), 'There is not enough storage space left'],
		[new TypeError('Failed to fetch'), 'Nextcloud could not be reached. Nothing was lost'],
		[new Error('boom'), 'The roadmap could not be created: boom'],
	] as const) {
		it(`explains a failure (${cause.message}) and keeps what was typed`, async () => {
			const wrapper = await mountDialog()
			await type('new-roadmap-commune', 'Boé')
			store.create.mockRejectedValueOnce(cause)
			await submit()
			expect(alertText()).toContain(message)
			expect(field('new-roadmap-commune').value).toBe('Boé')
			expect(wrapper.emitted('created')).toBeUndefined()
			expect(button('Create the roadmap').disabled).toBe(false)
			wrapper.unmount()
		})
	}
})
