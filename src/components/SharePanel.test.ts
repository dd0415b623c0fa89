/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import type { Share } from '../storage/ocs.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OcsError } from '../storage/ocs.ts'

const FOLDER = '/Dégooglisation/Saint-Exemple'

function share(id: string, shareType: number, shareWith: string, permissions: number, displayName = shareWith): Share {
	return { id, share_type: shareType, share_with: shareWith, share_with_displayname: displayName, permissions, path: FOLDER, uid_owner: 'alice', item_type: 'folder', file_target: '/Saint-Exemple' }
}

let existing: Share[]
const client = {
	sharesOf: vi.fn(async () => existing),
	searchSharees: vi.fn(async (search: string) => (search.startsWith('bo') ? [{ label: 'Bruno Petit', shareType: 0, shareWith: 'bob' }] : [])),
	createShare: vi.fn(async (_path: string, shareType: number, shareWith: string, permissions: number) => {
		const created = share(String(existing.length + 10), shareType, shareWith, permissions)
		existing = [...existing, created]
		return created
	}),
	updateShare: vi.fn(async (id: string, permissions: number) => {
		existing = existing.map((s) => (s.id === id ? { ...s, permissions } : s))
		return existing.find((s) => s.id === id)!
	}),
	deleteShare: vi.fn(async (id: string) => {
		existing = existing.filter((s) => s.id !== id)
	}),
}
// Nextcloud's OCS API is faked at the API module's edge; the panel and src/api/shares run for real.
vi.mock('../api/clients.ts', () => ({ ocsClient: () => client }))

const { default: SharePanel } = await import('./SharePanel.vue')

async function mountPanel() {
	const wrapper = mount(SharePanel, { props: { folder: FOLDER }, attachTo: document.body })
	await flushPromises()
	return wrapper
}

async function type(wrapper: Awaited<ReturnType<typeof mountPanel>>, text: string) {
	await wrapper.find('#share-panel-search').setValue(text)
	vi.advanceTimersByTime(300)
	await flushPromises()
}

const button = (wrapper: Awaited<ReturnType<typeof mountPanel>>, label: string | RegExp) => wrapper.findAll('button').find((b) => (typeof label === 'string' ? b.text() === label : label.test(b.text())))

beforeEach(() => {
	setActivePinia(createPinia())
	vi.useFakeTimers()
	existing = [share('1', 1, 'secretariat', 1, 'Secrétariat'), share('2', 6, 'agent@cloud.mairie-b.fr', 15)]
	vi.clearAllMocks()
})
afterEach(() => {
	vi.useRealTimers()
	document.body.innerHTML = ''
})

describe('SharePanel', () => {
	it('lists the folder\'s shares by kind, name and permission', async () => {
		const wrapper = await mountPanel()
		expect(client.sharesOf).toHaveBeenCalledWith(FOLDER)
		const rows = wrapper.findAll('.share-panel__share')
		expect(rows.map((r) => [r.find('.share-panel__kind').text(), r.find('.share-panel__name').text(), (r.find('select').element as HTMLSelectElement).value])).toEqual([
			['Group', 'Secrétariat', 'read'],
			['Partner commune', 'agent@cloud.mairie-b.fr', 'edit'],
		])
		expect(wrapper.find('label[for="share-permission-2"]').text()).toBe('Permission of agent@cloud.mairie-b.fr')
		wrapper.unmount()
	})

	it('finds a colleague through the sharee search and shares read-only', async () => {
		const wrapper = await mountPanel()
		await type(wrapper, 'bob')
		expect(client.searchSharees).toHaveBeenCalledWith('bob', [0, 1, 6])
		await button(wrapper, 'Share with Bruno Petit (Colleague)')!.trigger('click')
		await flushPromises()
		expect(client.createShare).toHaveBeenCalledWith(FOLDER, 0, 'bob', 1)
		expect(wrapper.find('.share-panel__status').text()).toBe('Shared with Bruno Petit (read only).')
		expect(wrapper.findAll('.share-panel__name').map((n) => n.text())).toContain('bob')
		expect((wrapper.find('#share-panel-search').element as HTMLInputElement).value).toBe('')
		wrapper.unmount()
	})

	it('offers a typed federated cloud id as a partner commune, with edit rights when chosen', async () => {
		const wrapper = await mountPanel()
		await wrapper.findAll('input[type="radio"]')[1].setValue(true)
		await type(wrapper, 'maire@cloud.mairie-c.fr')
		await button(wrapper, 'Share with maire@cloud.mairie-c.fr (Partner commune)')!.trigger('click')
		await flushPromises()
		expect(client.createShare).toHaveBeenCalledWith(FOLDER, 6, 'maire@cloud.mairie-c.fr', 15)
		wrapper.unmount()
	})

	it('offers typed cloud ids with a scheme, a port or a path, and not a bare word', async () => {
		const wrapper = await mountPanel()
		for (const id of ['agent@http://127.0.0.1:8082', 'agent@cloud.mairie-c.fr/nextcloud']) {
			await type(wrapper, id)
			expect(button(wrapper, `Share with ${id} (Partner commune)`)).toBeTruthy()
		}
		await type(wrapper, 'agent@localhost')
		expect(button(wrapper, /agent@localhost/)).toBeFalsy()
		wrapper.unmount()
	})

	it('says in plain words why a share failed, and keeps what was typed', async () => {
		const wrapper = await mountPanel()
		client.createShare.mockRejectedValueOnce(new OcsError(403, 403, 'Sharing Saint-Exemple failed, could not find maire@cloud.mairie-c.fr, maybe the server is currently unreachable or uses a self-signed certificate.'))
		await type(wrapper, 'maire@cloud.mairie-c.fr')
		await button(wrapper, /maire@cloud.mairie-c.fr/)!.trigger('click')
		await flushPromises()
		expect(wrapper.text()).toContain('The partner commune\'s server for maire@cloud.mairie-c.fr could not be reached')
		expect((wrapper.find('#share-panel-search').element as HTMLInputElement).value).toBe('maire@cloud.mairie-c.fr')

		client.createShare.mockRejectedValueOnce(new OcsError(429, 429, 'Too many requests'))
		await button(wrapper, /maire@cloud.mairie-c.fr/)!.trigger('click')
		await flushPromises()
		expect(wrapper.text()).toContain('try again in a few minutes')

		// Nextcloud's words are shown as they are: quotation marks, not `&quot;`.
		client.createShare.mockRejectedValueOnce(new OcsError(403, 403, 'Sharing "Saint-Exemple" is not allowed by the admin'))
		await button(wrapper, /maire@cloud.mairie-c.fr/)!.trigger('click')
		await flushPromises()
		expect(wrapper.text()).toContain('Nextcloud refused this share: Sharing "Saint-Exemple" is not allowed by the admin')

		// Nextcloud's answer once the session has ended (measured on Nextcloud 32 and 34).
		client.createShare.mockRejectedValueOnce(new OcsError(401, 997, 'Current user is not logged in'))
		await button(wrapper, /maire@cloud.mairie-c.fr/)!.trigger('click')
		await flushPromises()
		expect(wrapper.text()).toContain('Your Nextcloud session has ended: log in again')
		wrapper.unmount()
	})

	it('changes a permission and revokes only after confirmation', async () => {
		const wrapper = await mountPanel()
		await wrapper.find('#share-permission-1').setValue('edit')
		await flushPromises()
		expect(client.updateShare).toHaveBeenCalledWith('1', 15)
		expect(wrapper.find('.share-panel__status').text()).toBe('Secrétariat can now edit this roadmap.')

		const revokeFirst = () => wrapper.findAll('.share-panel__share')[1].findAll('button').find((b) => b.text() === 'Revoke')!
		await revokeFirst().trigger('click')
		await flushPromises()
		expect(wrapper.text()).toContain('Revoke the access of agent@cloud.mairie-b.fr?')
		expect(document.activeElement?.textContent?.trim()).toBe('Cancel')
		await button(wrapper, 'Cancel')!.trigger('click')
		await flushPromises()
		expect(document.activeElement?.id).toBe('share-revoke-2')
		expect(client.deleteShare).not.toHaveBeenCalled()
		await revokeFirst().trigger('click')
		await button(wrapper, 'Yes, revoke')!.trigger('click')
		await flushPromises()
		expect(client.deleteShare).toHaveBeenCalledWith('2')
		expect(wrapper.findAll('.share-panel__name').map((n) => n.text())).toEqual(['Secrétariat'])
		wrapper.unmount()
	})
})
