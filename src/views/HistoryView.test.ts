// @vitest-environment jsdom
import { flushPromises, mount } from '@vue/test-utils'
import { selectProps } from '../composables/testing/ncSelect'
import type { VueWrapper } from '@vue/test-utils'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import type { RoadmapState } from '../domain/crdt'
import { applyChanges, diffRoadmaps, materialize, stampsOf, stateFromRoadmap } from '../domain/crdt'
import type { RoadmapHistory } from '../domain/history'
import { buildHistory, restoreInto, roadmapAt } from '../domain/history'
import type { Roadmap } from '../domain/model'
import { makeTask } from '../domain/model'
import type { ChangeFile, Operation, SnapshotFile } from '../domain/storageFormat'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap'

function snapshotOf(state: RoadmapState, at: string): SnapshotFile {
	return { format: 'degooglisation-snapshot', version: 1, writer: 'creator00000', seq: 1, at, covers: { ...state.covers }, clock: state.clock, stamps: stampsOf(state), roadmap: materialize(state) }
}

/** A roadmap of 3 tasks; alice finishes one, later bob adds a task and takes another. */
function scenario() {
	const state = stateFromRoadmap(sampleRoadmap(3))
	const snapshot = snapshotOf(state, '2026-11-01T09:00:00.000Z')
	const changes: ChangeFile[] = []
	const write = (writer: string, author: string, at: string, ops: Operation[]) => {
		const change: ChangeFile = { format: 'degooglisation-change', version: 1, writer, seq: changes.filter((c) => c.writer === writer).length + 1, clock: state.clock + 1, author, at, seen: { ...state.covers }, ops }
		applyChanges(state, [structuredClone(change)])
		changes.push(change)
	}
	write('writeralice1', 'alice', '2026-11-22T10:00:00.000Z', [{ op: 'set', path: 'tasks/t00000/status', value: 'done' }])
	write('writerbob001', 'bob', '2026-11-22T11:00:00.000Z', [
		{ op: 'add', path: 'tasks/t-new', value: makeTask({ id: 't-new', title: 'Former les élus' }) as unknown as Record<string, unknown> },
		{ op: 'set', path: 'tasks/t00001/assignees', value: ['bob'] },
	])
	return { snapshot, changes, state, write }
}

let world: ReturnType<typeof scenario>
// Nextcloud's sharee search, the one request for a person's name; the current user is known without it.
const findUser = vi.hoisted(() => vi.fn(async (id: string) => (id === 'bob' ? { label: 'Bruno Petit', shareType: 0, shareWith: 'bob' } : null)))
vi.mock('../api/sharees', async (original) => ({ ...(await original<typeof import('../api/sharees')>()), findUser }))
vi.mock('@nextcloud/auth', async (original) => ({ ...(await original<typeof import('@nextcloud/auth')>()), getCurrentUser: () => ({ uid: 'alice', displayName: 'Alice Martin', isAdmin: false }) }))
const store = reactive({
	roadmap: null as Roadmap | null,
	problems: [] as Array<{ file: string, message: string, kind: string }>,
	readOnly: false,
	readHistory: vi.fn<() => Promise<RoadmapHistory | null>>(),
	readableFileVersions: vi.fn(async () => [
		{ fileId: 42, id: '1763900000', lastModified: '2026-11-21T08:00:00.000Z', author: '', label: '' },
		{ fileId: 42, id: '1763000000', lastModified: '2026-11-10T08:00:00.000Z', author: 'bob', label: '' },
	]),
	readVersion: vi.fn(async () => {
		const old = sampleRoadmap(3)
		old.tasks[2].status = 'dropped'
		return old
	}),
	restoreRoadmap: vi.fn((past: Roadmap) => {
		const draft = structuredClone(materialize(world.state))
		restoreInto(draft, past)
		world.write('writeralice1', 'alice', '2026-11-22T15:00:00.000Z', diffRoadmaps(materialize(world.state), draft))
		store.roadmap = materialize(world.state)
	}),
})
vi.mock('../stores/roadmap', () => ({ useRoadmapStore: () => store }))

const { default: HistoryView } = await import('./HistoryView.vue')

async function mountView() {
	const wrapper = mount(HistoryView, { attachTo: document.body })
	await flushPromises()
	return wrapper
}

interface Moment { value: number, label: string }
const momentSelect = (wrapper: VueWrapper, id: 'history-from' | 'history-to') => wrapper.findAllComponents(NcSelect).find((s) => selectProps(s).inputId === id)!
const moments = (wrapper: VueWrapper, id: 'history-from' | 'history-to') => selectProps(momentSelect(wrapper, id)).options as Moment[]
async function chooseMoment(wrapper: VueWrapper, id: 'history-from' | 'history-to', value: number): Promise<void> {
	momentSelect(wrapper, id).vm.$emit('update:modelValue', moments(wrapper, id).find((m) => m.value === value))
	await flushPromises()
}

beforeEach(() => {
	world = scenario()
	store.roadmap = materialize(world.state)
	store.readOnly = false
	vi.clearAllMocks()
	store.readHistory.mockImplementation(async () => buildHistory([world.snapshot], world.changes))
})

describe('HistoryView', () => {
	it('shows who changed what, newest first, and how far back the history goes', async () => {
		const wrapper = await mountView()
		expect(wrapper.find('.history__reach').text()).toMatch(/^The whole history, since the roadmap was created on /)
		const groups = wrapper.findAll('.history__group')
		expect(groups.map((g) => g.find('.history__author').text())).toEqual(['Bruno Petit (bob)', 'Alice Martin'])
		// One request per person, whatever the number of their changes.
		expect(findUser.mock.calls.map(([id]) => id)).toEqual(['bob'])
		expect(groups[0].find('.history__summary').text()).toBe('« Former les élus » (added), « Tâche 1 » (assignees)')
		expect(groups[1].find('.history__summary').text()).toBe('« Tâche 0 » (status)')
		expect(groups[1].find('time').attributes('datetime')).toBe('2026-11-22T10:00:00.000Z')
		wrapper.unmount()
	})

	it('compares two moments task by task: by default the latest changes', async () => {
		const wrapper = await mountView()
		expect(wrapper.findAll('.history__diff li').map((li) => li.text())).toEqual([
			'Former les élus — added',
			'Tâche 1 — Bruno Petit (bob) assigned, Alice Martin no longer assigned',
		])
		await chooseMoment(wrapper, 'history-from', 0)
		expect(wrapper.findAll('.history__diff li').map((li) => li.text())).toContain('Tâche 0 — status: To do → Done')
		await wrapper.findAll('.history__group')[1].find('button').trigger('click')
		expect(wrapper.findAll('.history__diff li').map((li) => li.text())).toEqual(['Tâche 0 — status: To do → Done'])
		wrapper.unmount()
	})

	it('restores an earlier moment after confirmation, as a new change: the history grows', async () => {
		const wrapper = await mountView()
		await chooseMoment(wrapper, 'history-from', 0)
		const restoreButton = () => wrapper.findAll('button').find((b) => b.text().startsWith('Restore the roadmap'))!
		await restoreButton().trigger('click')
		await wrapper.findAll('button').find((b) => b.text() === 'Cancel')!.trigger('click')
		expect(store.restoreRoadmap).not.toHaveBeenCalled()
		await restoreButton().trigger('click')
		await wrapper.findAll('button').find((b) => b.text() === 'Yes, restore')!.trigger('click')
		await flushPromises()
		expect(store.restoreRoadmap).toHaveBeenCalledWith(roadmapAt(buildHistory([world.snapshot], world.changes.slice(0, 2)), 0))
		expect(store.roadmap!.tasks.map((t) => [t.id, t.status, t.assignees])).toEqual(sampleRoadmap(3).tasks.map((t) => [t.id, t.status, t.assignees]))
		expect(wrapper.find('.history__status').text()).toMatch(/^The roadmap is back as it was at: Start of the history/)
		expect(wrapper.findAll('.history__group').map((g) => g.find('.history__author').text())).toEqual(['Alice Martin', 'Bruno Petit (bob)', 'Alice Martin'])
		// The comparison follows "now": from the restored moment to now, nothing differs any more.
		expect((selectProps(momentSelect(wrapper, 'history-to')).modelValue as Moment).value).toBe(3)
		expect(wrapper.find('.history__compare').text()).toContain('No difference between these two moments.')
		wrapper.unmount()
	})

	it('says when older changes were folded away, and offers no restore to readers', async () => {
		store.readOnly = true
		const folded = { ...world.snapshot, covers: { writerold0001: 4 }, at: '2026-11-20T08:00:00.000Z' }
		store.readHistory.mockResolvedValueOnce(buildHistory([folded], world.changes))
		const wrapper = await mountView()
		expect(wrapper.find('.history__reach').text()).toMatch(/^The history goes back to .*: older changes were folded/)
		await chooseMoment(wrapper, 'history-from', 0)
		expect(wrapper.findAll('button').some((b) => b.text().startsWith('Restore'))).toBe(false)
		wrapper.unmount()
	})

	it('looks further back in Nextcloud\'s file versions, compares one with now and restores it', async () => {
		const folded = { ...world.snapshot, covers: { writerold0001: 4 }, at: '2026-11-20T08:00:00.000Z' }
		store.readHistory.mockResolvedValue(buildHistory([folded], world.changes))
		const wrapper = await mountView()
		await wrapper.findAll('button').find((b) => b.text() === 'Look further back in Nextcloud\'s file versions')!.trigger('click')
		await flushPromises()
		expect(wrapper.find('.history__versions').text()).toContain('1 older version of the roadmap file can be chosen below')
		expect(moments(wrapper, 'history-from')[0].label).toMatch(/^Nextcloud file version of .* \(saved by Bruno Petit \(bob\)\)$/)
		await chooseMoment(wrapper, 'history-from', -1)
		await flushPromises()
		expect(store.readVersion).toHaveBeenCalledWith(expect.objectContaining({ id: '1763000000' }))
		expect(wrapper.findAll('.history__diff li').map((li) => li.text())).toContain('Tâche 2 — status: Dropped → Blocked')
		await wrapper.findAll('button').find((b) => b.text().startsWith('Restore the roadmap'))!.trigger('click')
		await wrapper.findAll('button').find((b) => b.text() === 'Yes, restore')!.trigger('click')
		expect(store.restoreRoadmap.mock.calls[0][0].tasks[2].status).toBe('dropped')
		wrapper.unmount()
	})

	it('says when a roadmap keeps no history', async () => {
		store.readHistory.mockResolvedValueOnce(null)
		const wrapper = await mountView()
		expect(wrapper.text()).toBe('This roadmap keeps no history: it was made by hand or by another tool, and opens read-only.')
		wrapper.unmount()
	})

	it('says why the history cannot be read', async () => {
		store.readHistory.mockRejectedValueOnce(new Error('PROPFIND /x: HTTP 503'))
		const wrapper = await mountView()
		expect(wrapper.get('[role="alert"] p').text()).toBe('The history could not be read. Try again later.')
		expect(wrapper.get('[role="alert"] details pre').text()).toBe('PROPFIND /x: HTTP 503')
		wrapper.unmount()
	})
})

describe('HistoryView problems', () => {
	it('names whose changes wait behind a file that cannot be read, as the history knows them', async () => {
		store.problems = [{ file: '.degooglisation/change.writerbob001.000002.json', message: 'tasks: unknown field', kind: 'invalid' }]
		const wrapper = await mountView()
		expect(wrapper.get('.file-problem p').text()).toBe('The changes Bruno Petit (bob) saved from this file on are waiting: the file .degooglisation/change.writerbob001.000002.json could not be read (damaged or incomplete). It is left untouched; they will show as soon as it can be read.')
		expect(wrapper.get('.file-problem pre').text()).toBe('tasks: unknown field')
		store.problems = []
		wrapper.unmount()
	})
})
