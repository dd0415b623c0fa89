// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import PublishDialog from './PublishDialog.vue'

const FOLDER = '/Dégooglisation/Saint-Exemple'
const page = () => new DOMWrapper(document.body)
const json = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const published = (options: object, expires: string | null) => ({ publication: { token: 'a'.repeat(32), options, expires, createdAt: '2026-12-01T00:00:00+00:00', url: 'https://cloud/p/aaa', feed: 'https://cloud/p/aaa/feed.atom', badge: 'https://cloud/p/aaa/badge.svg' } })

afterEach(() => {
	vi.unstubAllGlobals()
	document.body.innerHTML = ''
})

describe('PublishDialog', () => {
	it('publishes nothing personal unless ticked, with the end date chosen, and withdraws the page', async () => {
		const fetchSpy = vi.fn(async (_url: string, init: RequestInit) => {
			if (init.method === 'GET') {
				return json(200, { publication: null })
			}
			if (init.method === 'DELETE') {
				return json(200, { publication: null })
			}
			const body = JSON.parse(init.body as string)
			return json(200, published(body.options, body.expires))
		})
		vi.stubGlobal('fetch', fetchSpy)
		const wrapper = mount(PublishDialog, { props: { folder: FOLDER }, attachTo: document.body })
		await flushPromises()
		const boxes = page().findAll('input[type="checkbox"]')
		expect(boxes.map((box) => (box.element as HTMLInputElement).checked)).toEqual([false, false, false, false])
		await boxes[1].setValue(true)
		await page().find('input[type="date"]').setValue('2027-03-31')
		await page().findAll('button').find((b) => b.text() === 'Publish for residents')!.trigger('click')
		await flushPromises()
		const [url, init] = fetchSpy.mock.calls[1] as [string, RequestInit]
		expect(url).toMatch(/\/apps\/degooglisation\/api\/publication$/)
		expect(JSON.parse(init.body as string)).toEqual({ path: FOLDER, options: { assignees: false, descriptions: true, checklists: false, links: false }, expires: '2027-03-31' })
		expect(page().findAll('input[readonly]').map((input) => (input.element as HTMLInputElement).value)).toEqual(['https://cloud/p/aaa', 'https://cloud/p/aaa/feed.atom', '<a href="https://cloud/p/aaa"><img src="https://cloud/p/aaa/badge.svg" alt="Dégooglisation"></a>'])

		await page().findAll('button').find((b) => b.text() === 'Unpublish')!.trigger('click')
		await flushPromises()
		expect((fetchSpy.mock.calls[2] as [string, RequestInit])[1].method).toBe('DELETE')
		expect(page().findAll('input[readonly]')).toHaveLength(0)
		wrapper.unmount()
	})

	it('tells a user who does not own the folder that only its owner publishes it', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => json(404, { message: 'not a roadmap folder you own' })))
		const wrapper = mount(PublishDialog, { props: { folder: FOLDER }, attachTo: document.body })
		await flushPromises()
		expect(page().text()).toContain('Only the owner of the roadmap\'s folder can publish it for residents.')
		expect(page().findAll('input[type="checkbox"]')).toHaveLength(0)
		wrapper.unmount()
	})

	it('says what failed when the server has no publication API', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Not found</html>', { status: 404 })))
		const wrapper = mount(PublishDialog, { props: { folder: FOLDER }, attachTo: document.body })
		await flushPromises()
		expect(page().text()).toContain('The publication could not be changed: HTTP 404')
		expect(page().text()).not.toContain('Only the owner')
		wrapper.unmount()
	})
})
