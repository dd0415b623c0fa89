/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import type { VueWrapper } from '@vue/test-utils'
import type { Roadmap } from '../domain/model.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import TaskDepartmentsField from '../components/TaskDepartmentsField.vue'
import SettingsView from './SettingsView.vue'
import { selectProps } from '../composables/testing/ncSelect.ts'
import { openRoadmapStore } from '../composables/testing/roadmapStore.ts'
import { emptyRoadmap, makeTask } from '../domain/model.ts'
import { createAppRouter } from '../router/index.ts'

function roadmapToShape(): Roadmap {
	const roadmap = emptyRoadmap('Feuille de route', 'Saint-Exemple')
	roadmap.phases = [
		{ id: 'p1', order: 1, title: 'Structuration', description: '', start: '2026-01-01', end: '2026-06-30' },
		{ id: 'p2', order: 2, title: 'Solutions', description: '', start: '2026-07-01', end: '2027-06-30' },
		{ id: 'p3', order: 3, title: 'Fédération', description: '', start: null, end: null },
	]
	roadmap.categories = [{ id: 'office', label: 'Bureautique' }]
	roadmap.departments = [{ id: 'ec', label: 'État civil' }, { id: 'urb', label: 'Urbanisme' }]
	roadmap.tasks = [
		makeTask({ id: 't1', title: 'Inventaire', phase: 'p1', category: 'office', departments: ['ec', 'urb'] }),
		makeTask({ id: 't2', title: 'Mandat', phase: 'p2' }),
	]
	roadmap.indicators = [{ id: 'licences', name: 'Licences', unit: 'licences', target: 0, measurements: [
		{ id: 'm1', date: '2026-01-01', value: 120, note: '' },
		{ id: 'm2', date: '2026-03-01', value: 80, note: '' },
	] }]
	return roadmap
}

let store: ReturnType<typeof openRoadmapStore>
let wrapper: VueWrapper

async function mountView() {
	const router = createAppRouter(createMemoryHistory())
	await router.push('/roadmap/D%C3%A9googlisation/Saint-Exemple?view=settings')
	wrapper = mount(SettingsView, { attachTo: document.body, global: { plugins: [router] } })
	await flushPromises()
}

/** Types into a field and leaves it, as a person does: fields save when left. */
async function change(input: ReturnType<VueWrapper['get']>, value: string): Promise<void> {
	await input.setValue(value)
	await input.trigger('change')
	await input.trigger('focusout')
	await flushPromises()
}
function fieldIn(scope: ReturnType<VueWrapper['get']>, label: string) {
	const found = scope.findAll('label').find((l) => l.text() === label)
	if (!found) {
		throw new Error(`no field ${label}`)
	}
	return scope.get(`[id="${found.attributes('for')}"]`)
}
const phaseTitles = () => [...store.roadmap!.phases].sort((a, b) => a.order - b.order).map((p) => p.title)
const rows = () => wrapper.findAll('.phase-row')
const button = (scope: ReturnType<VueWrapper['get']> | VueWrapper, text: string) => scope.findAll('button').find((b) => b.text() === text || b.attributes('aria-label') === text)!

beforeEach(async () => {
	// A year after the measurements: their dates are said with their year.
	vi.useFakeTimers({ toFake: ['Date'] })
	vi.setSystemTime(new Date(2027, 5, 1, 12))
	window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
	store = openRoadmapStore(roadmapToShape())
	await mountView()
})
afterEach(() => {
	vi.useRealTimers()
	wrapper.unmount()
	document.body.innerHTML = ''
})

describe('SettingsView', () => {
	it('changes the title, the commune and the description, keeping a title', async () => {
		const general = wrapper.get('[aria-labelledby="settings-general-heading"]')
		await change(fieldIn(general, 'Title'), 'Feuille de route 2026-2032')
		await change(fieldIn(general, 'Commune'), 'Saint-Exemple-sur-Mer')
		await change(fieldIn(general, 'Description'), 'Un mandat pour sortir des GAFAM.')
		await change(fieldIn(general, 'Title'), '   ')
		expect(store.roadmap).toMatchObject({ title: 'Feuille de route 2026-2032', commune: 'Saint-Exemple-sur-Mer', description: 'Un mandat pour sortir des GAFAM.' })
	})

	it('adds a dated phase at the end, refusing an end before the start', async () => {
		const form = wrapper.get('.settings-section__add')
		await change(fieldIn(form, 'Name of the new phase'), 'Généralisation')
		await change(fieldIn(form, 'Start of the new phase'), '2028-01-01')
		await change(fieldIn(form, 'End of the new phase'), '2027-12-31')
		await form.trigger('submit')
		expect(form.get('[role="alert"]').text()).toBe('The end of a phase cannot come before its start.')
		expect(store.roadmap!.phases).toHaveLength(3)
		await change(fieldIn(form, 'End of the new phase'), '2028-12-31')
		await form.trigger('submit')
		await flushPromises()
		expect(phaseTitles()).toEqual(['Structuration', 'Solutions', 'Fédération', 'Généralisation'])
		expect(store.roadmap!.phases.at(-1)).toMatchObject({ order: 4, start: '2028-01-01', end: '2028-12-31' })
		expect(wrapper.text()).toContain('Phase “Généralisation” added')
	})

	it('renames, describes and re-dates a phase, saying when the end would come before the start', async () => {
		const first = rows()[0]
		await change(fieldIn(first, 'Name of the phase'), 'Structurer')
		await change(fieldIn(first, 'Description'), 'Décider et organiser.')
		await change(fieldIn(first, 'End'), '2025-12-31')
		expect(first.get('[role="alert"]').text()).toBe('The end of a phase cannot come before its start.')
		expect(store.roadmap!.phases[0]).toMatchObject({ title: 'Structurer', description: 'Décider et organiser.', end: '2026-06-30' })
		await change(fieldIn(first, 'End'), '2026-09-30')
		expect(store.roadmap!.phases[0].end).toBe('2026-09-30')
		expect(first.find('[role="alert"]').exists()).toBe(false)
	})

	it('puts phases in order with Alt+↑/↓ and the arrow buttons, says so, and keeps the focus', async () => {
		const up = button(rows()[2], 'Move “Fédération” up')
		;(up.element as HTMLElement).focus()
		await up.trigger('keydown', { key: 'ArrowUp', altKey: true })
		await flushPromises()
		expect(phaseTitles()).toEqual(['Structuration', 'Fédération', 'Solutions'])
		expect(wrapper.text()).toContain('“Fédération” is now phase 2 of 3')
		expect(document.activeElement?.getAttribute('aria-label')).toBe('Move “Fédération” up')
		// Only the moved phase's order is written, between its new neighbours': the others keep theirs.
		expect(Object.fromEntries(store.roadmap!.phases.map((p) => [p.id, p.order]))).toEqual({ p1: 1, p2: 2, p3: 1.5 })
		await button(rows()[1], 'Move “Fédération” up').trigger('click')
		await flushPromises()
		expect(phaseTitles()).toEqual(['Fédération', 'Structuration', 'Solutions'])
		// At the top, "up" can do no more: the focus goes to "down".
		expect(document.activeElement?.getAttribute('aria-label')).toBe('Move “Fédération” down')
		await rows()[0].trigger('keydown', { key: 'ArrowDown', altKey: true })
		await flushPromises()
		expect(phaseTitles()).toEqual(['Structuration', 'Fédération', 'Solutions'])
	})

	it('moves a phase by dragging it onto another', async () => {
		const handle = rows()[2].get('.phase-row__handle')
		await handle.trigger('dragstart', { dataTransfer: { setData() {}, effectAllowed: '' } })
		await rows()[0].trigger('drop')
		await flushPromises()
		expect(phaseTitles()).toEqual(['Fédération', 'Structuration', 'Solutions'])
	})

	it('removes a phase after asking where its tasks go, so that none is left without its phase', async () => {
		await button(rows()[1], 'Remove this phase').trigger('click')
		await flushPromises()
		const dialog = document.querySelector('[role="dialog"]')!
		expect(dialog.textContent).toContain('Its 1 task will move to the phase you choose.')
		const destination = wrapper.findAllComponents(NcSelect).find((s) => selectProps(s).inputLabel === 'Move its tasks to')!
		// The phase before it is proposed; the user picks another.
		expect((selectProps(destination).modelValue as { label: string }).label).toBe('Structuration')
		destination.vm.$emit('update:modelValue', { id: 'p3', label: 'Fédération' })
		await flushPromises()
		;[...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Remove the phase')!.click()
		await flushPromises()
		expect(phaseTitles()).toEqual(['Structuration', 'Fédération'])
		expect(store.roadmap!.tasks.find((t) => t.id === 't2')!.phase).toBe('p3')
	})

	it('adds an indicator with its target, target date and starting value, and refuses a target that is no number', async () => {
		const form = wrapper.findAll('.settings-section__add')[1]
		await change(fieldIn(form, 'Name of the new indicator'), 'Postes sous Linux')
		await change(fieldIn(form, 'Unit'), 'postes')
		await change(fieldIn(form, 'Target'), 'quarante')
		await form.trigger('submit')
		expect(form.get('[role="alert"]').text()).toBe('Enter a number, for instance 42 or 12.5.')
		await change(fieldIn(form, 'Target'), '40')
		await change(fieldIn(form, 'Target date'), '2028-12-31')
		await change(fieldIn(form, 'Starting value'), '1 200,5')
		await form.trigger('submit')
		await flushPromises()
		expect(store.roadmap!.indicators.find((i) => i.id !== 'licences')).toMatchObject({ name: 'Postes sous Linux', unit: 'postes', target: 40, targetDate: '2028-12-31', baseline: 1200.5, measurements: [] })
	})

	it('edits an indicator, corrects and deletes a measurement, and removes the indicator', async () => {
		const indicator = wrapper.get('[data-indicator-id="licences"]')
		await change(fieldIn(indicator, 'Target'), '5')
		await change(fieldIn(indicator, 'Target'), 'cinq')
		expect(indicator.text()).toContain('Enter a number, for instance 42 or 12.5.')
		await change(fieldIn(indicator, 'Starting value'), '')
		expect(store.roadmap!.indicators[0]).toMatchObject({ target: 5 })
		const measurements = indicator.findAll('.measurement-row')
		await change(fieldIn(measurements[1], 'Value (licences)'), '75')
		await change(fieldIn(measurements[1], 'Date'), '2026-03-15')
		expect(store.roadmap!.indicators[0].measurements[1]).toMatchObject({ id: 'm2', value: 75, date: '2026-03-15' })
		await button(measurements[0], 'Delete the measurement of Jan 1, 2026').trigger('click')
		expect(store.roadmap!.indicators[0].measurements.map((m) => m.id)).toEqual(['m2'])
		await button(indicator, 'Remove this indicator').trigger('click')
		expect(store.roadmap!.indicators).toEqual([])
	})

	it('adds, renames and removes departments and categories; tasks keep working without the removed ones', async () => {
		const departments = wrapper.get('[aria-labelledby="settings-departments-heading"]')
		expect(departments.findAll('.label-list__uses').map((u) => u.text())).toEqual(['1 task', '1 task'])
		await change(fieldIn(departments, 'New department'), 'CCAS')
		await departments.get('form').trigger('submit')
		await flushPromises()
		const item = (label: string) => departments.findAll('.label-list__item').find((i) => (i.get('input').element as HTMLInputElement).value === label)!
		await change(item('Urbanisme').get('input'), 'Urbanisme et foncier')
		await button(item('État civil'), 'Remove “État civil”').trigger('click')
		expect(store.roadmap!.departments.map((d) => d.label).sort()).toEqual(['CCAS', 'Urbanisme et foncier'])
		expect(store.roadmap!.tasks[0].departments).toEqual(['urb'])

		const categories = wrapper.get('[aria-labelledby="settings-categories-heading"]')
		await button(categories, 'Remove “Bureautique”').trigger('click')
		expect(store.roadmap!.categories).toEqual([])
		expect(store.roadmap!.tasks[0].category).toBeNull()
	})

	it('shows a read-only roadmap\'s settings without letting them change', async () => {
		wrapper.unmount()
		store = openRoadmapStore(roadmapToShape(), { canWrite: false })
		await mountView()
		expect(wrapper.text()).toContain('You can read this roadmap but not change it')
		expect((wrapper.get('fieldset.settings__all').element as HTMLFieldSetElement).disabled).toBe(true)
	})
})

describe('TaskDepartmentsField', () => {
	it('puts a task in the departments chosen, and says where to add departments when there are none', async () => {
		const field = mount(TaskDepartmentsField, { props: { taskId: 't2' }, global: { plugins: [createAppRouter(createMemoryHistory())] } })
		const select = field.findComponent(NcSelect)
		expect((selectProps(select).options as Array<{ label: string }>).map((o) => o.label)).toEqual(['État civil', 'Urbanisme'])
		select.vm.$emit('update:modelValue', [{ id: 'urb', label: 'Urbanisme' }])
		await flushPromises()
		expect(store.roadmap!.tasks.find((t) => t.id === 't2')!.departments).toEqual(['urb'])
		expect((selectProps(field.findComponent(NcSelect)).modelValue as Array<{ label: string }>).map((o) => o.label)).toEqual(['Urbanisme'])
		field.unmount()

		store.edit((draft) => {
			draft.departments = []
		})
		const empty = mount(TaskDepartmentsField, { props: { taskId: 't2' }, global: { plugins: [createAppRouter(createMemoryHistory())] } })
		expect(empty.text()).toContain('This roadmap has no departments yet.')
		expect(empty.get('a').attributes('href')).toContain('view=settings')
		empty.unmount()
	})
})
