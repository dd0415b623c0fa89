// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { selectProps } from '../composables/testing/ncSelect'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive, toRaw } from 'vue'
import { createMemoryHistory } from 'vue-router'
import type { Roadmap, Task, TaskStatus } from '../domain/model'
import { emptyRoadmap, makeTask } from '../domain/model'
import { createAppRouter } from '../router'

vi.mock('@nextcloud/auth', () => ({ getCurrentUser: () => ({ uid: 'alice' }), getRequestToken: () => 'token' }))

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

const store = reactive({
	path: '/Dégooglisation/Saint-Exemple',
	roadmap: demoRoadmap() as Roadmap | null,
	readOnly: false,
	moveTask: vi.fn((id: string, status: TaskStatus, order: number) => {
		// Like the real store: the edit shows at once.
		const roadmap = structuredClone(toRaw(store.roadmap!))
		Object.assign(roadmap.tasks.find((t) => t.id === id)!, { status, order })
		store.roadmap = roadmap
	}),
	edit: vi.fn(),
	createTask: vi.fn(() => 'created-task'),
})
vi.mock('../stores/roadmap', () => ({ useRoadmapStore: () => store }))

beforeAll(() => {
	// jsdom lays nothing out: give the column scrollers a height and cards a size, so the virtualiser draws them.
	const scrollerHeight = (element: HTMLElement) => (element.classList.contains('board-column__scroller') ? 2000 : 80)
	vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
		return scrollerHeight(this)
	})
	vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300)
	vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(80)
	vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
		const height = scrollerHeight(this)
		return { x: 0, y: 0, top: 0, left: 0, bottom: height, right: 300, width: 300, height, toJSON() {} } as DOMRect
	})
	// NcSelect watches its size.
	globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver
	window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
})

let wrapper: VueWrapper | null = null
let router: ReturnType<typeof createAppRouter>

beforeEach(async () => {
	store.roadmap = demoRoadmap()
	store.readOnly = false
	store.moveTask.mockClear()
	store.edit.mockClear()
	document.body.innerHTML = '<div id="content"></div>'
	router = createAppRouter(createMemoryHistory())
	await router.push('/roadmap/D%C3%A9googlisation/Saint-Exemple?view=board')
	const { default: BoardView } = await import('./BoardView.vue')
	wrapper = mount(BoardView, { attachTo: '#content', global: { plugins: [router] } })
	await flushPromises()
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
		expect((selectProps(departments).options as Array<{ label: string }>).map((o) => o.label)).toEqual(['État civil', 'Éducation'])
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
		// On top of "In progress", before its only card (order 1).
		expect(store.moveTask).toHaveBeenCalledWith('inventory', 'in_progress', 0)
		expect(titlesIn('in_progress')).toEqual(['Faire l’inventaire', 'Passer à LibreOffice'])
		expect(wrapper!.find('.board__announcement').text()).toBe('“Faire l’inventaire” moved to In progress, position 1 of 2')
		expect((document.activeElement as HTMLElement).dataset.taskId).toBe('inventory')

		await card('schools').trigger('keydown', { key: 'ArrowUp', altKey: true })
		await flushPromises()
		expect(store.moveTask).toHaveBeenLastCalledWith('schools', 'todo', 0)
		expect(titlesIn('todo')).toEqual(['Équiper les écoles', 'Migrer la messagerie'])
	})

	it('moves a card through its "Move" menu', async () => {
		await card('office').find('.task-card__actions button').trigger('click')
		await flushPromises()
		const items = wrapper!.findAllComponents({ name: 'NcActionButton' })
		expect(items.map((i) => i.text())).toEqual(['Move to To do', 'Move to Blocked', 'Move to Done', 'Move to Dropped', 'Move up', 'Move down'])
		await items[2].vm.$emit('click', new MouseEvent('click'))
		await flushPromises()
		expect(store.moveTask).toHaveBeenCalledWith('office', 'done', 1)
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
		expect(store.moveTask).toHaveBeenCalledWith('schools', 'in_progress', 0)
		await card('mail').trigger('dragstart', { dataTransfer })
		await column('in_progress').trigger('drop', { dataTransfer, clientY: 500 })
		await flushPromises()
		expect(store.moveTask).toHaveBeenLastCalledWith('mail', 'in_progress', 2)
		expect(wrapper!.find('.board__announcement').text()).toBe('“Migrer la messagerie” moved to In progress, position 3 of 3')
	})

	it('renumbers a column in one edit when orders leave no room', async () => {
		const roadmap = demoRoadmap()
		roadmap.tasks[0].order = 1
		roadmap.tasks[1].order = 1 + Number.EPSILON
		roadmap.tasks[2].order = 5
		store.roadmap = roadmap
		await flushPromises()
		await card('schools').trigger('keydown', { key: 'ArrowUp', altKey: true })
		expect(store.moveTask).not.toHaveBeenCalled()
		expect(store.edit).toHaveBeenCalledTimes(1)
		const draft = structuredClone(roadmap)
		store.edit.mock.calls[0][0](draft)
		expect(draft.tasks.filter((t: Task) => t.status === 'todo').map((t: Task) => [t.id, t.order])).toEqual([['mail', 1], ['inventory', 3], ['schools', 2]])
	})

	it('creates a task to do in the first phase and opens it', async () => {
		await wrapper!.findAll('button').find((b) => b.text() === 'New task')!.trigger('click')
		await flushPromises()
		expect(store.createTask).toHaveBeenCalledWith({ title: 'New task', phase: 'structuring', status: 'todo' })
		expect(router.currentRoute.value.query.task).toBe('created-task')
	})

	it('offers no move and no new task on a read-only roadmap', async () => {
		store.readOnly = true
		await flushPromises()
		expect(wrapper!.findAll('button').some((b) => b.text() === 'New task')).toBe(false)
		expect(wrapper!.findAllComponents({ name: 'NcActions' })).toHaveLength(0)
		expect(card('mail').attributes('draggable')).toBe('false')
		await card('mail').trigger('keydown', { key: 'ArrowRight', altKey: true })
		await card('mail').trigger('dragstart', { dataTransfer: { setData: vi.fn() } })
		await column('done').trigger('drop', { clientY: 10 })
		expect(store.moveTask).not.toHaveBeenCalled()
		expect(store.edit).not.toHaveBeenCalled()
	})

	it('groups cards by phase on demand', async () => {
		wrapper!.findComponent({ name: 'BoardFilters' }).vm.$emit('update:grouped', true)
		await flushPromises()
		expect(column('todo').findAll('.board-column__group').map((h) => h.text())).toEqual(['Structuration (1)', 'Solutions (2)'])
		expect(titlesIn('todo')).toEqual(['Faire l’inventaire', 'Migrer la messagerie', 'Équiper les écoles'])
		// Up and down stay within the phase: the first card of a group goes no higher.
		await card('inventory').trigger('keydown', { key: 'ArrowUp', altKey: true })
		expect(store.moveTask).not.toHaveBeenCalled()
		await card('schools').trigger('keydown', { key: 'ArrowUp', altKey: true })
		await flushPromises()
		expect(store.moveTask).toHaveBeenCalledWith('schools', 'todo', 0)
		expect(titlesIn('todo')).toEqual(['Faire l’inventaire', 'Équiper les écoles', 'Migrer la messagerie'])
	})
})
