// @vitest-environment jsdom
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, reactive } from 'vue'
import type { DashboardTask } from '../stores/dashboard'
import DashboardWidget from './DashboardWidget.vue'

const task = (over: Partial<DashboardTask>): DashboardTask => ({
	taskId: 't1', title: 'Migrer la messagerie', status: 'todo', due: null, overdue: false, phaseId: 'p1', phaseTitle: 'Solutions', roadmapPath: '/Dégooglisation/A', roadmapTitle: 'Feuille A', ...over,
})

const fakeStore = reactive({
	loading: false,
	error: null as string | null,
	unreadable: [] as string[],
	status: '',
	roadmaps: [] as Array<{ location: { path: string }, roadmap: { title: string } }>,
	tasks: [] as DashboardTask[],
	picked: null as null | { location: { path: string } },
	progress: null as null | { overall: { percent: number | null }, phases: Array<{ phaseId: string | null, title: string, percent: number | null }> },
	load: vi.fn(),
	pick: vi.fn(),
	markDone: vi.fn(),
	canWrite: vi.fn(() => true),
})

vi.mock('../stores/dashboard', () => ({ useDashboardStore: () => fakeStore }))

function render() {
	return mount(DashboardWidget, { props: { appUrl: '/index.php/apps/degooglisation/' } })
}

beforeEach(() => {
	Object.assign(fakeStore, { loading: false, error: null, unreadable: [], status: '', roadmaps: [{ location: { path: '/Dégooglisation/A' }, roadmap: { title: 'Feuille A' } }], tasks: [], picked: null, progress: null })
	vi.clearAllMocks()
})

describe('DashboardWidget', () => {
	it('loads on mount and lists tasks with their roadmap, phase and due date, overdue ones marked', () => {
		fakeStore.tasks = [task({ taskId: 'late', title: 'En retard', due: '2026-10-01', overdue: true }), task({ taskId: 'soon', title: 'Bientôt', due: '2026-12-01' })]
		const wrapper = render()
		expect(fakeStore.load).toHaveBeenCalledOnce()
		const items = wrapper.findAll('li.degooglisation-widget__task')
		expect(items.map((i) => i.find('a').text())).toEqual(['En retard', 'Bientôt'])
		expect(items[0].find('.degooglisation-widget__overdue').text()).toBe('overdue since 2026-10-01 ·')
		expect(items[1].find('.degooglisation-widget__overdue').exists()).toBe(false)
		expect(items[0].find('a').attributes('href')).toBe('/index.php/apps/degooglisation/?roadmap=%2FD%C3%A9googlisation%2FA&task=late')
	})

	it('marks a task done with a labelled button, only where the user may write', async () => {
		fakeStore.tasks = [task({ taskId: 'a', title: 'Modifiable' }), task({ taskId: 'b', title: 'Lecture seule', roadmapPath: '/Partagé' })]
		fakeStore.canWrite.mockImplementation(((t: DashboardTask) => t.roadmapPath !== '/Partagé') as () => boolean)
		const wrapper = render()
		const buttons = wrapper.findAll('button.degooglisation-widget__done')
		expect(buttons).toHaveLength(1)
		expect(buttons[0].attributes('aria-label')).toBe('Mark “Modifiable” as done')
		await buttons[0].trigger('click')
		expect(fakeStore.markDone).toHaveBeenCalledWith(expect.objectContaining({ taskId: 'a' }))
		fakeStore.status = 'Modifiable'
		await nextTick()
		expect(wrapper.find('[role="status"][aria-live="polite"]').text()).toBe('“Modifiable” marked as done')
	})

	it('shows at most seven tasks', () => {
		fakeStore.tasks = Array.from({ length: 12 }, (_, i) => task({ taskId: `t${i}`, title: `Tâche ${i}` }))
		expect(render().findAll('li.degooglisation-widget__task')).toHaveLength(7)
	})

	it('tells the user what to do when there is nothing to show', () => {
		fakeStore.roadmaps = []
		expect(render().text()).toContain('No roadmap yet.')
		fakeStore.roadmaps = [{ location: { path: '/A' }, roadmap: { title: 'A' } }]
		expect(render().text()).toContain('No open task is assigned to you.')
	})

	it('says when loading fails and offers to try again', async () => {
		fakeStore.error = 'HTTP 503'
		const wrapper = render()
		expect(wrapper.find('[role="alert"]').text()).toContain('Your tasks could not be loaded: HTTP 503')
		await wrapper.find('[role="alert"] button').trigger('click')
		expect(fakeStore.load).toHaveBeenCalledTimes(2)
	})

	it('draws a bar per phase and lets the user pick the roadmap', async () => {
		fakeStore.roadmaps = [{ location: { path: '/A' }, roadmap: { title: 'A' } }, { location: { path: '/B' }, roadmap: { title: 'B' } }]
		fakeStore.picked = fakeStore.roadmaps[1]
		fakeStore.progress = { overall: { percent: 42 }, phases: [{ phaseId: 'p1', title: 'Structuration', percent: 50 }, { phaseId: null, title: '', percent: 100 }] }
		const wrapper = render()
		const bars = wrapper.findAll('[role="progressbar"]')
		expect(bars.map((b) => [b.attributes('aria-label'), b.attributes('aria-valuenow')])).toEqual([['Structuration', '50']])
		expect(wrapper.text()).toContain('Overall: 42 %')
		const select = wrapper.find('select')
		expect(wrapper.find('label').attributes('for')).toBe(select.attributes('id'))
		await select.setValue('/A')
		expect(fakeStore.pick).toHaveBeenCalledWith('/A')
	})
})
