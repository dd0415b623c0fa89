// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The board with the real store and storage, over a sandbox standing for Nextcloud: only the network is played. */

import type { VueWrapper } from '@vue/test-utils'
import type { Roadmap, TaskStatus } from '../domain/model.ts'
import type { SandboxNetwork } from '../testing/sandboxNetwork.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { selectProps } from '../composables/testing/ncSelect.ts'
import { emptyRoadmap, makeTask } from '../domain/model.ts'
import { createAppRouter } from '../router/index.ts'
import { useRoadmapStore } from '../stores/roadmap.ts'
import { startSandboxNetwork } from '../testing/sandboxNetwork.ts'

const server = vi.hoisted(() => ({ url: '' }))
vi.mock('@nextcloud/auth', () => ({ getCurrentUser: () => ({ uid: 'alice' }), getRequestToken: () => 'token' }))
vi.mock('@nextcloud/router', async (original) => ({ ...await original<typeof import('@nextcloud/router')>(), getBaseUrl: () => server.url }))

function demoRoadmap(): Roadmap {
	const roadmap = emptyRoadmap('Feuille de route', 'Saint-Exemple')
	roadmap.phases = [
		{ id: 'structuring', order: 1, title: 'Structuration', description: '', start: null, end: null },
		{ id: 'solutions', order: 2, title: 'Solutions', description: '', start: null, end: null },
	]
	roadmap.categories = [{ id: 'schools', label: 'Écoles' }, { id: 'mail', label: 'Messagerie' }]
	roadmap.departments = [{ id: 'ec', label: 'État civil' }, { id: 'edu', label: 'Éducation' }]
	roadmap.tasks = [
		makeTask({ id: 'mail', title: 'Migrer la messagerie', phase: 'solutions', category: 'mail', assignees: ['alice'], order: 1, due: '2020-01-01', departments: ['ec', 'edu'] }),
		makeTask({ id: 'inventory', title: 'Faire l’inventaire', phase: 'structuring', assignees: ['agent@cloud.mairie-b.fr'], order: 2 }),
		makeTask({ id: 'schools', title: 'Équiper les écoles', phase: 'solutions', category: 'schools', assignees: ['bob'], order: 3, departments: ['edu'] }),
		makeTask({ id: 'office', title: 'Passer à LibreOffice', phase: 'solutions', status: 'in_progress', assignees: ['alice'], order: 1 }),
	]
	return roadmap
}

let network: SandboxNetwork
let store: ReturnType<typeof useRoadmapStore>
let path = ''
let counter = 0

beforeAll(async () => {
	network = await startSandboxNetwork()
	server.url = network.url
	vi.stubGlobal('fetch', network.fetch)
	// jsdom lays nothing out: give the column scrollers a height and cards a size, so the virtualiser draws them.
	const scrollerHeight = (element: HTMLElement) => (element.classList.contains('board-column__scroller') ? 2000 : 80)
	vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function(this: HTMLElement) {
		return scrollerHeight(this)
	})
	vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300)
	vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(80)
	vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function(this: HTMLElement) {
		const height = scrollerHeight(this)
		return { x: 0, y: 0, top: 0, left: 0, bottom: height, right: 300, width: 300, height, toJSON() {} } as DOMRect
	})
	// NcSelect watches its size.
	globalThis.ResizeObserver ??= class {
		observe() {} unobserve() {} disconnect() {}
	} as unknown as typeof ResizeObserver
	window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
})
afterAll(async () => {
	vi.unstubAllGlobals()
	await network.close()
})

let wrapper: VueWrapper | null = null
let router: ReturnType<typeof createAppRouter>

/** Stores `roadmap` in a new folder, opens it in the real store and mounts the board. */
async function showBoard(roadmap: Roadmap, options: { readableOnly?: boolean } = {}): Promise<void> {
	path = `/Dégooglisation/Tableau ${++counter}`
	await network.seed(path, roadmap, options)
	setActivePinia(createPinia())
	store = useRoadmapStore()
	await store.open(path)
	document.body.innerHTML = '<div id="content"></div>'
	router = createAppRouter(createMemoryHistory())
	await router.push(`/roadmap${path.split('/').map(encodeURIComponent).join('/')}?view=board`)
	const { default: BoardView } = await import('./BoardView.vue')
	wrapper = mount(BoardView, { attachTo: '#content', global: { plugins: [router] } })
	await flushPromises()
}

/** Waits until the store has written every edit. */
async function saved(): Promise<void> {
	await vi.waitFor(() => expect(store.unsent === 0 && store.saveState === 'saved').toBe(true), { timeout: 10_000, interval: 20 })
}

function changeFilesWritten(): number {
	return network.requests.filter((r) => r.startsWith('PUT ') && r.includes('/.degooglisation/change.')).length
}

beforeEach(async () => {
	network.down = false
	await showBoard(demoRoadmap())
}, 60_000) // the first import compiles @nextcloud/vue: slow on a busy machine
afterEach(() => {
	wrapper?.unmount()
	wrapper = null
})

function column(status: TaskStatus) {
	return wrapper!.find(`.board-column__scroller[data-status="${status}"]`)
}
function titlesIn(status: TaskStatus): string[] {
	return column(status).findAll('.task-card__title').map((h) => h.text())
}
function card(id: string) {
	return wrapper!.find(`[data-task-id="${id}"]`)
}
async function typeSearch(text: string): Promise<void> {
	await wrapper!.find('input[type="search"]').setValue(text)
	await flushPromises()
}

describe('BoardView', () => {
	it('shows a column per status and each card with its phase, category, assignees and due date', () => {
		expect(wrapper!.findAll('.board-column__title').map((h) => h.text())).toEqual(['To do 3', 'In progress 1', 'Blocked 0', 'Done 0', 'Dropped 0'])
		expect(titlesIn('todo')).toEqual(['Migrer la messagerie', 'Faire l’inventaire', 'Équiper les écoles'])
		const mail = card('mail')
		expect(mail.text()).toContain('Solutions')
		expect(mail.text()).toContain('Messagerie')
		expect(mail.find('.task-card__overdue').text()).toMatch(/^Overdue since .*2020$/)
		expect(mail.classes()).toContain('task-card--overdue')
		expect(card('inventory').find('.task-card__overdue').exists()).toBe(false)
		// The federated assignee shows as initials, without a menu.
		expect(card('inventory').findAll('.avatardiv').length).toBe(1)
	})

	it('combines filters: text without accents, assignee "me"', async () => {
		await typeSearch('ECOLES')
		expect(titlesIn('todo')).toEqual(['Équiper les écoles'])
		await typeSearch('')
		expect(titlesIn('todo')).toHaveLength(3)
		const filters = wrapper!.findComponent({ name: 'BoardFilters' })
		filters.vm.$emit('change', { assignees: ['me'] })
		await flushPromises()
		expect(titlesIn('todo')).toEqual(['Migrer la messagerie'])
		expect(titlesIn('in_progress')).toEqual(['Passer à LibreOffice'])
		filters.vm.$emit('change', { text: 'libre' })
		await flushPromises()
		expect(titlesIn('todo')).toEqual([])
		expect(titlesIn('in_progress')).toEqual(['Passer à LibreOffice'])
		expect(wrapper!.text()).toContain('1 task shown of 4')
	})

	it('filters by department, offering the roadmap\'s departments', async () => {
		const filters = wrapper!.findComponent({ name: 'BoardFilters' })
		const departments = filters.findAllComponents({ name: 'NcSelect' }).find((s) => selectProps(s).inputLabel === 'Departments')!
		expect((selectProps(departments).options as Array<{ label: string }>).map((o) => o.label)).toEqual(['État civil', 'Éducation', 'No department'])
		departments.vm.$emit('update:modelValue', [{ id: 'edu', label: 'Éducation' }])
		await flushPromises()
		expect(titlesIn('todo')).toEqual(['Migrer la messagerie', 'Équiper les écoles'])
		expect(titlesIn('in_progress')).toEqual([])
		filters.vm.$emit('change', { departments: ['ec'] })
		await flushPromises()
		expect(titlesIn('todo')).toEqual(['Migrer la messagerie'])
	})

	it('moves a card with Alt and the arrow keys, announces it and keeps focus on it', async () => {
		await card('inventory').trigger('keydown', { key: 'ArrowRight', altKey: true })
		await flushPromises()
		await new Promise((resolve) => setTimeout(resolve, 50))
		expect(titlesIn('in_progress')).toEqual(['Faire l’inventaire', 'Passer à LibreOffice'])
		expect(wrapper!.find('.board__announcement').text()).toBe('“Faire l’inventaire” moved to In progress, position 1 of 2')
		expect((document.activeElement as HTMLElement).dataset.taskId).toBe('inventory')

		await card('schools').trigger('keydown', { key: 'ArrowUp', altKey: true })
		await flushPromises()
		expect(titlesIn('todo')).toEqual(['Équiper les écoles', 'Migrer la messagerie'])
		await saved()
		// On top of "In progress", before its only card (order 1); at the top of "To do".
		const stored = await network.stored(path)
		expect(stored.tasks.find((t) => t.id === 'inventory')).toMatchObject({ status: 'in_progress', order: 0 })
		expect(stored.tasks.find((t) => t.id === 'schools')).toMatchObject({ status: 'todo', order: 0 })
	})

	it('keeps a move made while the server cannot be reached, and sends it once it can', async () => {
		network.down = true
		await card('inventory').trigger('keydown', { key: 'ArrowRight', altKey: true })
		await flushPromises()
		expect(titlesIn('in_progress')).toEqual(['Faire l’inventaire', 'Passer à LibreOffice'])
		// The storage retries a few times at once before saying so.
		await vi.waitFor(() => expect(store.saveState).toBe('offline'), { timeout: 20_000, interval: 100 })
		expect(store.unsent).toBe(1)
		network.down = false
		window.dispatchEvent(new Event('online'))
		await saved()
		expect((await network.stored(path)).tasks.find((t) => t.id === 'inventory')!.status).toBe('in_progress')
	})

	it('moves a card through its "Move" menu', async () => {
		await card('office').find('.task-card__actions button').trigger('click')
		await flushPromises()
		const items = wrapper!.findAllComponents({ name: 'NcActionButton' })
		expect(items.map((i) => i.text())).toEqual(['Move to To do', 'Move to Blocked', 'Move to Done', 'Move to Dropped', 'Move up', 'Move down'])
		await items[2].vm.$emit('click', new MouseEvent('click'))
		await flushPromises()
		expect(store.roadmap!.tasks.find((t) => t.id === 'office')).toMatchObject({ status: 'done', order: 1 })
		await new Promise((resolve) => setTimeout(resolve, 50))
		expect(titlesIn('done')).toEqual(['Passer à LibreOffice'])
		expect((document.activeElement as HTMLElement).dataset.taskId).toBe('office')
		expect(wrapper!.find('.board__announcement').text()).toBe('“Passer à LibreOffice” moved to Done, position 1 of 1')
	})

	it('opens a card on Enter and on click', async () => {
		await card('schools').trigger('keydown', { key: 'Enter' })
		await flushPromises()
		expect(router.currentRoute.value.query).toEqual({ view: 'board', task: 'schools' })
		await card('office').trigger('click')
		await flushPromises()
		expect(router.currentRoute.value.query.task).toBe('office')
	})

	it('moves focus between cards with the arrow keys', async () => {
		await card('mail').trigger('keydown', { key: 'ArrowDown' })
		await flushPromises()
		expect((document.activeElement as HTMLElement).dataset.taskId).toBe('inventory')
		await card('inventory').trigger('keydown', { key: 'ArrowRight' })
		await flushPromises()
		expect((document.activeElement as HTMLElement).dataset.taskId).toBe('office')
	})

	it('computes the order of a dropped card from where it is dropped', async () => {
		const dataTransfer = { setData: vi.fn(), effectAllowed: '', dropEffect: '' }
		await card('schools').trigger('dragstart', { dataTransfer })
		// Each card is 80 px high at y 0 in jsdom: the pointer above the first card's middle drops before it.
		await column('in_progress').trigger('dragover', { dataTransfer, clientY: 10 })
		await column('in_progress').trigger('drop', { dataTransfer, clientY: 10 })
		await flushPromises()
		expect(store.roadmap!.tasks.find((t) => t.id === 'schools')).toMatchObject({ status: 'in_progress', order: 0 })
		await card('mail').trigger('dragstart', { dataTransfer })
		await column('in_progress').trigger('drop', { dataTransfer, clientY: 500 })
		await flushPromises()
		expect(store.roadmap!.tasks.find((t) => t.id === 'mail')).toMatchObject({ status: 'in_progress', order: 2 })
		expect(wrapper!.find('.board__announcement').text()).toBe('“Migrer la messagerie” moved to In progress, position 3 of 3')
	})

	it('renumbers a column in one edit when orders leave no room', async () => {
		wrapper!.unmount()
		const roadmap = demoRoadmap()
		roadmap.tasks[0].order = 1
		roadmap.tasks[1].order = 1 + Number.EPSILON
		roadmap.tasks[2].order = 5
		await showBoard(roadmap)
		const before = changeFilesWritten()
		await card('schools').trigger('keydown', { key: 'ArrowUp', altKey: true })
		await saved()
		expect(changeFilesWritten() - before).toBe(1)
		const stored = await network.stored(path)
		expect(stored.tasks.filter((t) => t.status === 'todo').map((t) => [t.id, t.order])).toEqual([['inventory', 3], ['mail', 1], ['schools', 2]])
	})

	it('creates a task to do in the first phase and opens it', async () => {
		await wrapper!.findAll('button').find((b) => b.text() === 'New task')!.trigger('click')
		await flushPromises()
		const created = store.roadmap!.tasks.find((t) => t.id === router.currentRoute.value.query.task)
		expect(created).toMatchObject({ title: 'New task', phase: 'structuring', status: 'todo' })
		await saved()
		expect((await network.stored(path)).tasks.map((t) => t.id)).toContain(created!.id)
	})

	it('offers no move and no new task on a read-only roadmap', async () => {
		wrapper!.unmount()
		await showBoard(demoRoadmap(), { readableOnly: true })
		expect(store.readOnly).toBe(true)
		expect(wrapper!.findAll('button').some((b) => b.text() === 'New task')).toBe(false)
		expect(wrapper!.findAllComponents({ name: 'NcActions' })).toHaveLength(0)
		expect(card('mail').attributes('draggable')).toBe('false')
		await card('mail').trigger('keydown', { key: 'ArrowRight', altKey: true })
		await card('mail').trigger('dragstart', { dataTransfer: { setData: vi.fn() } })
		await column('done').trigger('drop', { clientY: 10 })
		await flushPromises()
		expect(store.roadmap!.tasks.find((t) => t.id === 'mail')!.status).toBe('todo')
		expect(network.requests.filter((r) => r.startsWith('PUT ') && r.includes(`${path}/`))).toEqual([])
	})

	it('groups cards by phase on demand', async () => {
		wrapper!.findComponent({ name: 'BoardFilters' }).vm.$emit('update:grouped', true)
		await flushPromises()
		expect(column('todo').findAll('.board-column__group').map((h) => h.text())).toEqual(['Structuration (1)', 'Solutions (2)'])
		expect(titlesIn('todo')).toEqual(['Faire l’inventaire', 'Migrer la messagerie', 'Équiper les écoles'])
		// Up and down stay within the phase: the first card of a group goes no higher.
		const before = changeFilesWritten()
		await card('inventory').trigger('keydown', { key: 'ArrowUp', altKey: true })
		await flushPromises()
		expect(store.unsent).toBe(0)
		expect(changeFilesWritten()).toBe(before)
		await card('schools').trigger('keydown', { key: 'ArrowUp', altKey: true })
		await flushPromises()
		expect(store.roadmap!.tasks.find((t) => t.id === 'schools')).toMatchObject({ status: 'todo', order: 0 })
		expect(titlesIn('todo')).toEqual(['Faire l’inventaire', 'Équiper les écoles', 'Migrer la messagerie'])
	})
})
