// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive, toRaw } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '../router'
import type { Roadmap } from '../domain/model'
import { emptyRoadmap, makeTask } from '../domain/model'
import { roadmapProgress } from '../domain/progress'

function sampleRoadmap(): Roadmap {
	const roadmap = emptyRoadmap('Feuille de route', 'Saint-Exemple')
	roadmap.categories = [{ id: 'office', label: 'Bureautique' }]
	roadmap.phases = [
		{ id: 'p1', order: 1, title: 'Structuration', description: '', start: '2026-01-01', end: '2026-06-30' },
		{ id: 'p2', order: 2, title: 'Solutions', description: '', start: '2026-07-01', end: '2026-12-31' },
		{ id: 'p3', order: 3, title: 'Sans date', description: '', start: null, end: null },
	]
	roadmap.tasks = [
		makeTask({ id: 't1', title: 'Inventaire', phase: 'p1', status: 'done' }),
		makeTask({ id: 't2', title: 'Mandat', phase: 'p1', status: 'blocked' }),
		makeTask({ id: 't3', title: 'Bureautique libre', phase: 'p2', status: 'in_progress', category: 'office', replaces: ['Microsoft Office'], replacements: ['LibreOffice'] }),
	]
	roadmap.indicators = [
		{ id: 'licences', name: 'Licences restantes', unit: 'licences', target: 0, measurements: [
			{ id: 'm2', date: '2026-03-01', value: 80, note: '' },
			{ id: 'm1', date: '2026-01-01', value: 120, note: '' },
		] },
		{ id: 'trained', name: 'Agents formés', unit: 'agents', target: null, measurements: [] },
	]
	return roadmap
}

const store = reactive({
	roadmap: null as Roadmap | null,
	readOnly: false,
	get progress() {
		return this.roadmap ? roadmapProgress(this.roadmap) : null
	},
	edit: vi.fn((change: (draft: Roadmap) => void) => {
		const draft = structuredClone(toRaw(store.roadmap!))
		change(draft)
		store.roadmap = draft
	}),
	addTask: vi.fn(),
	setTaskStatus: vi.fn(),
})
vi.mock('../stores/roadmap', () => ({ useRoadmapStore: () => store }))

let router: ReturnType<typeof createAppRouter>

async function mountView() {
	router = createAppRouter(createMemoryHistory())
	await router.push('/roadmap/D%C3%A9googlisation/Saint-Exemple')
	const { default: RoadmapView } = await import('./RoadmapView.vue')
	const wrapper = mount(RoadmapView, { attachTo: document.body, global: { plugins: [router] } })
	// The chart is an async component.
	await flushPromises()
	await vi.dynamicImportSettled()
	await flushPromises()
	return wrapper
}

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] })
	vi.setSystemTime(new Date(2026, 3, 1, 12))
	store.roadmap = sampleRoadmap()
	store.readOnly = false
	store.edit.mockClear()
})
afterEach(() => {
	vi.useRealTimers()
	document.body.innerHTML = ''
})

describe('RoadmapView', () => {
	it('lays the dated phases on a timeline with a today marker, and gives each phase its counts', async () => {
		const wrapper = await mountView()
		const bars = wrapper.findAll('.timeline__bar')
		expect(bars).toHaveLength(2)
		expect(bars[0].attributes('style')).toContain('left: 0%')
		expect(bars[1].attributes('style')).toContain('left: 49.59%')
		// 2026-04-01 is day 91 of 365.
		expect(wrapper.get('.timeline__today').attributes('style')).toContain('left: 24.66%')
		expect(wrapper.text()).toContain('Overall progress: 33 %')
		const first = wrapper.findAll('.roadmap__phase')[0]
		expect(first.get('h4').text()).toBe('Structuration — 50 %')
		expect(first.findAll('.roadmap__count').map((c) => c.text())).toEqual(['Done 1', 'In progress 0', 'Blocked 1', 'To do 0'])
		expect(wrapper.findAll('.roadmap__phase')[2].text()).toContain('No dates')
		expect(wrapper.get('#status-t2').element).toBeInstanceOf(HTMLSelectElement)
		wrapper.unmount()
	})

	it('shows each indicator\'s latest measurement against its target, with a chart of its movement', async () => {
		const wrapper = await mountView()
		const licences = wrapper.get('[data-indicator="licences"]')
		expect(licences.text()).toContain('Latest: 80 licences')
		expect(licences.text()).toContain('Target: 0 licences')
		expect(licences.text()).toContain('down, closer to the target')
		const chart = licences.get('svg[role="img"]')
		expect(chart.findAll('circle')).toHaveLength(2)
		expect(chart.attributes('aria-label')).toMatch(/from 120 on .* to 80 licences on .*\(target 0\)/)
		expect(licences.findAll('.indicator__history li').map((li) => li.text())).toEqual([expect.stringMatching(/: 120 licences$/), expect.stringMatching(/: 80 licences$/)])
		const trained = wrapper.get('[data-indicator="trained"]')
		expect(trained.text()).toContain('Not measured yet')
		expect(trained.find('.indicator__history').exists()).toBe(false)
		expect(trained.find('svg').exists()).toBe(false)
		wrapper.unmount()
	})

	it('adds a measurement through the store, refusing a value that is not a number', async () => {
		const wrapper = await mountView()
		const trained = () => wrapper.get('[data-indicator="trained"]')
		await trained().get('button').trigger('click')
		await trained().get('#measurement-date-trained').setValue('2026-03-15')
		await trained().get('#measurement-value-trained').setValue('douze')
		await trained().get('form').trigger('submit')
		expect(trained().get('[role="alert"]').text()).toBe('Enter a number, for instance 42 or 12.5.')
		expect(trained().get('#measurement-value-trained').attributes('aria-invalid')).toBe('true')
		expect(store.edit).not.toHaveBeenCalled()
		await trained().get('#measurement-value-trained').setValue('12,5')
		await trained().get('form').trigger('submit')
		await flushPromises()
		await vi.dynamicImportSettled()
		await flushPromises()
		expect(store.edit).toHaveBeenCalledTimes(1)
		expect(store.roadmap!.indicators[1].measurements).toMatchObject([{ date: '2026-03-15', value: 12.5 }])
		expect(trained().text()).toContain('Latest: 12.5 agents')
		expect(trained().find('form').exists()).toBe(false)
		wrapper.unmount()
	})

	it('tables which free tool replaces which proprietary one, with the migration\'s state', async () => {
		const wrapper = await mountView()
		const table = wrapper.get('table')
		expect(table.get('caption').text()).not.toBe('')
		expect(table.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
			['Proprietary tool', 'col'], ['Service', 'col'], ['Free replacement', 'col'], ['Migration', 'col'],
		])
		expect(table.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([
			['Microsoft Office', 'Bureautique', 'LibreOffice', 'Under way'],
		])
		wrapper.unmount()
	})

	it('adds a task in the chosen phase and opens it in the sidebar', async () => {
		store.addTask.mockReturnValueOnce('new-task-id')
		const wrapper = await mountView()
		await wrapper.find('#roadmap-new-task').setValue('Former les agents')
		await wrapper.find('form.roadmap__new-task').trigger('submit')
		await flushPromises()
		expect(store.addTask).toHaveBeenCalledWith('Former les agents', expect.any(String))
		expect(router.currentRoute.value.query.task).toBe('new-task-id')
		wrapper.unmount()
	})

	it('offers no edit control on a read-only roadmap', async () => {
		store.readOnly = true
		const wrapper = await mountView()
		expect(wrapper.find('form').exists()).toBe(false)
		expect(wrapper.find('button').exists()).toBe(false)
		expect(wrapper.find('select').exists()).toBe(false)
		expect(wrapper.get('#status-t2').text()).toBe('Blocked')
		wrapper.unmount()
	})
})
