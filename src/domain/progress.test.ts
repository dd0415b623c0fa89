import { describe, expect, it } from 'vitest'
import { emptyRoadmap, makeTask } from './model'
import { departmentProgress, roadmapProgress } from './progress'

describe('roadmapProgress', () => {
	const roadmap = emptyRoadmap('R', 'C')
	roadmap.phases = [
		{ id: 'b', order: 2, title: 'Solutions', description: '', start: null, end: null },
		{ id: 'a', order: 1, title: 'Structuration', description: '', start: null, end: null },
		{ id: 'empty', order: 3, title: 'Fédération', description: '', start: null, end: null },
	]
	roadmap.tasks = [
		makeTask({ id: '1', title: '1', phase: 'a', status: 'done' }),
		makeTask({ id: '2', title: '2', phase: 'a', status: 'todo' }),
		makeTask({ id: '3', title: '3', phase: 'a', status: 'dropped' }),
		makeTask({ id: '4', title: '4', phase: 'b', status: 'blocked' }),
		makeTask({ id: '5', title: '5', phase: 'b', status: 'in_progress' }),
		makeTask({ id: '6', title: '6', phase: 'b', status: 'done' }),
		makeTask({ id: '7', title: '7', phase: 'gone', status: 'done' }),
	]

	it('counts per phase in phase order, leaving dropped tasks out of the percentage', () => {
		const { phases } = roadmapProgress(roadmap)
		expect(phases.map((p) => [p.phaseId, p.percent, p.total, p.counted])).toEqual([
			['a', 50, 3, 2],
			['b', 33, 3, 3],
			['empty', null, 0, 0],
			[null, 100, 1, 1],
		])
		expect(phases[1].counts).toEqual({ todo: 0, in_progress: 1, blocked: 1, done: 1, dropped: 0 })
	})

	it('gives the overall figure over every task', () => {
		expect(roadmapProgress(roadmap).overall).toMatchObject({ total: 7, counted: 6, percent: 50 })
		expect(roadmapProgress(emptyRoadmap('R', 'C')).overall.percent).toBeNull()
	})
})

describe('departmentProgress', () => {
	it('counts each task in every department it concerns, dropped tasks left out of the percentage', () => {
		const roadmap = emptyRoadmap('R', 'C')
		roadmap.departments = [{ id: 'ec', label: 'État civil' }, { id: 'urb', label: 'Urbanisme' }, { id: 'ccas', label: 'CCAS' }]
		roadmap.tasks = [
			makeTask({ id: 'a', title: 'A', status: 'done', departments: ['ec', 'urb'] }),
			makeTask({ id: 'b', title: 'B', status: 'todo', departments: ['ec'] }),
			makeTask({ id: 'c', title: 'C', status: 'dropped', departments: ['urb', 'gone'] }),
		]
		expect(departmentProgress(roadmap).map((d) => [d.label, d.total, d.percent])).toEqual([['État civil', 2, 50], ['Urbanisme', 2, 100], ['CCAS', 0, null]])
	})
})
