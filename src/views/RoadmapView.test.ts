/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import type { Roadmap } from '../domain/model.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import { selectProps } from '../composables/testing/ncSelect.ts'
import { openRoadmapStore } from '../composables/testing/roadmapStore.ts'
import { emptyRoadmap, makeTask } from '../domain/model.ts'
import { createAppRouter } from '../router/index.ts'

function sampleRoadmap(): Roadmap {
	const roadmap = emptyRoadmap('Feuille de route', 'Saint-Exemple')
	roadmap.categories = [{ id: 'office', label: 'Bureautique' }]
	roadmap.departments = [{ id: 'ec', label: 'État civil' }, { id: 'urb', label: 'Urbanisme' }]
	roadmap.phases = [
		{ id: 'p1', order: 1, title: 'Structuration "mandat"', description: '', start: '2026-01-01', end: '2026-06-30' },
		{ id: 'p2', order: 2, title: 'Solutions', description: '', start: '2026-07-01', end: '2027-12-31' },
		{ id: 'p3', order: 3, title: 'Sans date', description: '', start: null, end: null },
	]
	roadmap.tasks = [
		makeTask({ id: 't1', title: 'Inventaire', phase: 'p1', status: 'done', departments: ['ec'] }),
		makeTask({ id: 't2', title: 'Mandat', phase: 'p1', status: 'blocked', departments: ['ec', 'urb'] }),
		makeTask({ id: 't3', title: 'Bureautique libre', phase: 'p2', status: 'in_progress', category: 'office', replaces: ['Microsoft Office'], replacements: ['LibreOffice'] }),
	]
	roadmap.indicators = [
		{ id: 'licences', name: 'Licences restantes', unit: 'licences', target: 0, targetDate: '2027-12-31', baseline: 150, measurements: [
			{ id: 'm2', date: '2026-03-01', value: 80, note: '' },
			{ id: 'm1', date: '2026-01-01', value: 120, note: '' },
		] },
		{ id: 'trained', name: 'Agents formés', unit: 'agents', target: null, measurements: [] },
	]
	return roadmap
}

let store: ReturnType<typeof openRoadmapStore>
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
	store = openRoadmapStore(sampleRoadmap())
})
afterEach(() => {
	vi.useRealTimers()
	document.body.innerHTML = ''
})

describe('RoadmapView', () => {
	it('shows the indicators and what replaces what before the tasks, which are folded by phase', async () => {
		const wrapper = await mountView()
		expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Phases', 'Indicators', 'What replaces what', 'Departments', 'Tasks by phase'])
		const phases = wrapper.findAll('details.overview-phase')
		expect(phases.map((p) => p.get('.overview-phase__title').text())).toEqual(['Structuration "mandat" — 50 %', 'Solutions — 0 %', 'Sans date — 0 %'])
		expect(phases[0].findAll('.status-mark').map((c) => c.text())).toEqual(['Done 1', 'In progress 0', 'Blocked 1', 'To do 0'])
		// Folded: no control per task until the phase is opened.
		expect(wrapper.findAllComponents(NcSelect).filter((s) => selectProps(s).inputId?.startsWith('status-'))).toHaveLength(0)
		expect(wrapper.html()).not.toContain('&amp;quot;')
		wrapper.unmount()
	})

	it('lays the dated phases on a timeline with the years and a today marker that stays off the dates', async () => {
		const wrapper = await mountView()
		const bars = wrapper.findAll('.timeline__bar')
		expect(bars).toHaveLength(2)
		expect(bars[0].attributes('style')).toContain('left: 0%')
		expect(wrapper.findAll('.timeline__year').map((y) => y.text())).toEqual(['2027'])
		// 2026-04-01 is 90 days into the 730 shown; the marker is drawn in the tracks, the dates beside them.
		expect(wrapper.get('.timeline__today').attributes('style')).toContain('left: 12.33%')
		expect(wrapper.get('.timeline__today').element.closest('.timeline__track')).not.toBeNull()
		expect(wrapper.findAll('.timeline__dates').map((d) => d.text())).toEqual([
			'Jan 1 to Jun 30 — 50 %',
			'Jul 1, 2026 to Dec 31, 2027 — 0 %',
			'No dates — 0 %',
		])
		expect(wrapper.text()).toContain('Overall progress: 33 %')
		wrapper.unmount()
	})

	it('shows each indicator against its target, with a chart that has values, dates and the target', async () => {
		const wrapper = await mountView()
		const licences = wrapper.get('[data-indicator="licences"]')
		expect(licences.text()).toContain('Latest: 80 licences')
		expect(licences.text()).toContain('Target: 0 licences by Dec 31, 2027')
		expect(licences.text()).toContain('Starting value: 150 licences')
		expect(licences.text()).toContain('down, closer to the target')
		const chart = licences.get('svg[role="img"]')
		expect(chart.findAll('circle')).toHaveLength(2)
		expect(chart.findAll('text').map((t) => t.text())).toEqual(['0', '60', '120', 'Jan 1', 'Mar 1', 'target 0', '120', '80'])
		expect(chart.attributes('aria-label')).toMatch(/from 120 on Jan 1 to 80 licences on Mar 1 \(target 0\)/)
		const trained = wrapper.get('[data-indicator="trained"]')
		expect(trained.text()).toContain('Not measured yet')
		expect(trained.find('svg').exists()).toBe(false)
		wrapper.unmount()
	})

	it('adds a measurement through the store, refusing a value that is not a number', async () => {
		const wrapper = await mountView()
		const trained = () => wrapper.get('[data-indicator="trained"]')
		await trained().get('button').trigger('click')
		const date = trained().get('input[type="date"]')
		await date.setValue('2026-03-15')
		await date.trigger('focusout')
		await trained().get('#measurement-value-trained').setValue('douze')
		await trained().get('form').trigger('submit')
		expect(trained().get('[role="alert"]').text()).toBe('Enter a number, for instance 42 or 12.5.')
		expect(store.edit).not.toHaveBeenCalled()
		await trained().get('#measurement-value-trained').setValue('12,5')
		await trained().get('form').trigger('submit')
		await flushPromises()
		await vi.dynamicImportSettled()
		await flushPromises()
		expect(store.roadmap!.indicators[1].measurements).toMatchObject([{ date: '2026-03-15', value: 12.5 }])
		expect(trained().text()).toContain('Latest: 12.5 agents')
		expect(trained().find('form').exists()).toBe(false)
		wrapper.unmount()
	})

	it('tables which free tool replaces which proprietary one, with the migration\'s state', async () => {
		const wrapper = await mountView()
		const table = wrapper.get('table')
		expect(table.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
			['Proprietary tool', 'col'],
			['Service', 'col'],
			['Free replacement', 'col'],
			['Migration', 'col'],
		])
		expect(table.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([
			['Microsoft Office', 'Bureautique', 'LibreOffice', 'Under way'],
		])
		wrapper.unmount()
	})

	it('shows the progress of each department, a task of two departments counting in both', async () => {
		const wrapper = await mountView()
		expect(wrapper.findAll('.department').map((d) => [d.get('.department__name').text(), d.get('.department__figures').text()])).toEqual([
			['État civil', '50 % — 1 of 2 tasks done'],
			['Urbanisme', '0 % — 0 of 1 task done'],
			['No department', '0 % — 0 of 1 task done'],
		])
		wrapper.unmount()
	})

	it('changes a task\'s status once its phase is opened', async () => {
		const wrapper = await mountView()
		const first = wrapper.findAll('details.overview-phase')[0]
		;(first.element as HTMLDetailsElement).open = true
		await first.trigger('toggle')
		const selects = wrapper.findAllComponents(NcSelect).filter((s) => selectProps(s).inputId?.startsWith('status-'))
		expect(selects.map((s) => selectProps(s).inputId)).toEqual(['status-t1', 'status-t2'])
		selects[1].vm.$emit('update:modelValue', { id: 'done', label: 'Done' })
		await flushPromises()
		expect(store.roadmap!.tasks.find((t) => t.id === 't2')!.status).toBe('done')
		expect(wrapper.findAll('details.overview-phase')[0].get('.overview-phase__title').text()).toBe('Structuration "mandat" — 100 %')
		wrapper.unmount()
	})

	it('adds a task in the chosen phase and opens it in the sidebar', async () => {
		const wrapper = await mountView()
		await wrapper.find('#roadmap-new-task').setValue('Former les agents')
		wrapper.findAllComponents(NcSelect).find((s) => selectProps(s).inputId === 'roadmap-new-task-phase')!.vm.$emit('update:modelValue', { id: 'p2', label: 'Solutions' })
		await wrapper.find('form.overview-tasks__new').trigger('submit')
		await flushPromises()
		expect(store.roadmap!.tasks.at(-1)).toMatchObject({ title: 'Former les agents', phase: 'p2' })
		expect(router.currentRoute.value.query.task).toBe(store.roadmap!.tasks.at(-1)!.id)
		wrapper.unmount()
	})

	it('guides the first steps of an empty roadmap to its settings', async () => {
		const roadmap = emptyRoadmap('Vide', 'Petit-Libre')
		roadmap.phases = [{ id: 'p1', order: 1, title: 'First phase', description: '', start: '2026-04-01', end: null }]
		store = openRoadmapStore(roadmap)
		const wrapper = await mountView()
		const steps = wrapper.get('.overview__first-steps')
		expect(steps.text()).toContain('Your roadmap starts with one phase.')
		expect(steps.get('a').attributes('href')).toBe('/roadmap/D%C3%A9googlisation/Saint-Exemple?view=settings')
		wrapper.unmount()
	})

	it('offers no edit control on a read-only roadmap', async () => {
		store = openRoadmapStore(sampleRoadmap(), { canWrite: false })
		const wrapper = await mountView()
		expect(wrapper.find('form').exists()).toBe(false)
		expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Print the overview'])
		wrapper.unmount()
	})
})
