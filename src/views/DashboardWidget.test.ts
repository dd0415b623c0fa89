// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The widget with its real state and storage, over a sandbox standing for Nextcloud: only the network is played. */
import { flushPromises, mount } from '@vue/test-utils'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { localToday } from '../domain/dates'
import type { Roadmap, Task } from '../domain/model'
import { emptyRoadmap, makeTask } from '../domain/model'
import type { SandboxNetwork } from '../testing/sandboxNetwork'
import { startSandboxNetwork } from '../testing/sandboxNetwork'

let network: SandboxNetwork
let counter = 0

beforeAll(async () => {
	network = await startSandboxNetwork()
	vi.stubGlobal('fetch', network.fetch)
	document.head.dataset.user = 'alice'
})
afterAll(async () => {
	vi.unstubAllGlobals()
	await network.close()
})

function roadmapWith(title: string, tasks: Array<Partial<Task> & { id: string }>): Roadmap {
	const roadmap = emptyRoadmap(title, 'Saint-Exemple')
	roadmap.phases = [{ id: 'p1', order: 1, title: 'Structuration', description: '', start: null, end: null }, { id: 'p2', order: 2, title: 'Solutions', description: '', start: null, end: null }]
	roadmap.tasks = tasks.map((task) => makeTask({ title: task.id, phase: 'p1', assignees: ['alice'], ...task }))
	return roadmap
}

/** Each test has a user of its own files: a fresh root folder for its roadmaps. */
let root = ''
async function seed(name: string, roadmap: Roadmap, options: { readableOnly?: boolean } = {}): Promise<string> {
	const path = `/Dégooglisation/${root} ${name}`
	await network.seed(path, roadmap, options)
	return path
}

/** Mounts the widget as the dashboard does: a new page, so a new widget state. */
async function render() {
	vi.resetModules()
	const { default: DashboardWidget } = await import('./DashboardWidget.vue')
	const wrapper = mount(DashboardWidget, { props: { appUrl: '/index.php/apps/degooglisation/' } })
	// Loading starts once mounted: wait for it to show, then to end.
	await flushPromises()
	await vi.waitFor(() => expect(wrapper.find('.degooglisation-widget__state[role="status"]').exists()).toBe(false), { timeout: 20_000, interval: 50 })
	await flushPromises()
	return wrapper
}

function ours(wrapper: Awaited<ReturnType<typeof render>>) {
	return wrapper.findAll('li.degooglisation-widget__task').filter((li) => li.find('.degooglisation-widget__task-meta').text().includes(root))
}

beforeEach(async () => {
	network.down = false
	root = `W${++counter}`
	window.localStorage.clear()
	await network.remove('/Dégooglisation')
})
afterEach(() => {
	document.body.innerHTML = ''
})

describe('DashboardWidget', () => {
	it('lists the user\'s open tasks with their roadmap, phase and due date, overdue ones first and marked', async () => {
		const path = await seed('A', roadmapWith(`${root} Feuille A`, [
			{ id: 'soon', title: 'Bientôt', due: '2999-12-01' },
			{ id: 'late', title: 'En retard', due: '2020-10-01' },
			{ id: 'theirs', title: 'Pas à moi', assignees: ['bob'] },
			{ id: 'finished', title: 'Finie', status: 'done' },
		]))
		const wrapper = await render()
		const items = ours(wrapper)
		expect(items.map((i) => i.find('a').text())).toEqual(['En retard', 'Bientôt'])
		expect(items[0].find('.degooglisation-widget__overdue').text()).toBe('overdue since 2020-10-01 ·')
		expect(items[1].find('.degooglisation-widget__overdue').exists()).toBe(false)
		expect(items[0].find('.degooglisation-widget__task-meta').text()).toContain(`Structuration · ${root} Feuille A`)
		expect(items[0].find('a').attributes('href')).toBe(`/index.php/apps/degooglisation/?roadmap=${encodeURIComponent(path)}&task=late`)
	})

	it('marks a task done with a labelled button, only where the user may write, and the change is in the roadmap files', async () => {
		const writable = await seed('A', roadmapWith(`${root} Modifiable`, [{ id: 'a', title: 'Modifiable' }]))
		await seed('B', roadmapWith(`${root} Lecture seule`, [{ id: 'b', title: 'Lecture seule' }]), { readableOnly: true })
		const wrapper = await render()
		expect(ours(wrapper).map((i) => i.find('a').text()).sort()).toEqual(['Lecture seule', 'Modifiable'])
		const buttons = ours(wrapper).flatMap((i) => i.findAll('button.degooglisation-widget__done'))
		expect(buttons.map((b) => b.attributes('aria-label'))).toEqual(['Mark “Modifiable” as done'])
		await buttons[0].trigger('click')
		await vi.waitFor(() => expect(wrapper.find('[role="status"][aria-live="polite"]').text()).toBe('“Modifiable” marked as done'), { timeout: 10_000 })
		expect(ours(wrapper).map((i) => i.find('a').text())).toEqual(['Lecture seule'])
		expect((await network.stored(writable)).tasks[0].status).toBe('done')
	})

	it('keeps a task marked done while the server cannot be reached, also across a reload, and sends it once it can', async () => {
		const path = await seed('A', roadmapWith(`${root} Feuille`, [{ id: 'a', title: 'Hors ligne' }]))
		const wrapper = await render()
		network.down = true
		await ours(wrapper)[0].find('button.degooglisation-widget__done').trigger('click')
		await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true), { timeout: 20_000, interval: 100 })
		expect(wrapper.find('[role="alert"]').text()).toContain('Failed to fetch')
		expect((await network.stored(path)).tasks[0].status).toBe('todo')
		wrapper.unmount()

		network.down = false
		const reloaded = await render()
		expect(ours(reloaded)).toHaveLength(0)
		await vi.waitFor(async () => expect((await network.stored(path)).tasks[0].status).toBe('done'), { timeout: 10_000, interval: 100 })
	})

	it('shows at most seven tasks', async () => {
		await seed('A', roadmapWith(`${root} Longue`, Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, title: `Tâche ${i}` }))))
		const wrapper = await render()
		expect(wrapper.findAll('li.degooglisation-widget__task').length).toBeLessThanOrEqual(7)
		expect(ours(wrapper)).toHaveLength(7)
	})

	it('says when loading fails and offers to try again', async () => {
		await seed('A', roadmapWith(`${root} Feuille`, [{ id: 'a', title: 'Revenue' }]))
		network.down = true
		const wrapper = await render()
		expect(wrapper.find('[role="alert"]').text()).toContain('Your tasks could not be loaded: Failed to fetch')
		network.down = false
		await wrapper.find('[role="alert"] button').trigger('click')
		await vi.waitFor(() => expect(ours(wrapper).map((i) => i.find('a').text())).toEqual(['Revenue']), { timeout: 10_000 })
	})

	it('draws a bar per phase and lets the user pick the roadmap', async () => {
		const a = await seed('A', roadmapWith(`${root} A`, [{ id: 'a1', status: 'done' }, { id: 'a2' }]))
		await seed('B', roadmapWith(`${root} B`, [{ id: 'b1', phase: 'p2', status: 'done' }]))
		const wrapper = await render()
		const select = wrapper.find('select')
		expect(wrapper.find('label').attributes('for')).toBe(select.attributes('id'))
		await select.setValue(a)
		await flushPromises()
		const bars = wrapper.findAll('[role="progressbar"]')
		expect(bars.map((b) => [b.attributes('aria-label'), b.attributes('aria-valuenow')])).toEqual([['Structuration', '50'], ['Solutions', '0']])
		expect(wrapper.text()).toContain('Overall: 50 %')
		expect(localToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
	})

	it('tells the user what to do when there is nothing to show', async () => {
		await seed('A', roadmapWith(`${root} Vide`, [{ id: 'a', assignees: ['bob'] }]))
		const wrapper = await render()
		expect(ours(wrapper)).toHaveLength(0)
	})
})
