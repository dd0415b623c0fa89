/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it } from 'vitest'
import { emptyRoadmap, makeTask } from './model.ts'
import { departmentProgress, roadmapProgress } from './progress.ts'

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
	it('counts each task in each of its departments, then those of none', () => {
		const roadmap = emptyRoadmap('R', 'C')
		roadmap.departments = [{ id: 'ecoles', label: 'Écoles' }, { id: 'ccas', label: 'CCAS' }, { id: 'rh', label: 'RH' }]
		roadmap.tasks = [
			makeTask({ id: '1', title: '1', departments: ['ecoles'], status: 'done' }),
			makeTask({ id: '2', title: '2', departments: ['ecoles', 'ccas'], status: 'todo' }),
			makeTask({ id: '3', title: '3', departments: ['ccas'], status: 'dropped' }),
			makeTask({ id: '4', title: '4', departments: ['disparu'], status: 'done' }),
			makeTask({ id: '5', title: '5', status: 'todo' }),
		]
		expect(departmentProgress(roadmap).map(({ departmentId, label, percent, total, counted }) => ({ departmentId, label, percent, total, counted }))).toEqual([
			{ departmentId: 'ecoles', label: 'Écoles', percent: 50, total: 2, counted: 2 },
			{ departmentId: 'ccas', label: 'CCAS', percent: 0, total: 2, counted: 1 },
			{ departmentId: 'rh', label: 'RH', percent: null, total: 0, counted: 0 },
			{ departmentId: null, label: '', percent: 50, total: 2, counted: 2 },
		])
	})
})
