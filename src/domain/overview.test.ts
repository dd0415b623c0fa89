/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { Indicator } from './model.ts'

import { describe, expect, it } from 'vitest'
import { emptyRoadmap, makeTask } from './model.ts'
import { dayNumber, indicatorSeries, migrationStatus, readMeasurement, replacementRows, timelineOf } from './overview.ts'
import { createStarterRoadmap } from './starter/createStarterRoadmap.ts'

describe('dayNumber', () => {
	it('reads real dates only', () => {
		expect(dayNumber('1970-01-02')).toBe(1)
		expect(dayNumber('2026-02-30')).toBeNull()
		expect(dayNumber('2026-2-3')).toBeNull()
		expect(dayNumber(null)).toBeNull()
	})
})

describe('timelineOf', () => {
	const roadmap = emptyRoadmap('R', 'C')
	roadmap.phases = [
		{ id: 'second', order: 2, title: 'Second', description: '', start: '2026-01-11', end: '2026-01-20' },
		{ id: 'first', order: 1, title: 'First', description: '', start: '2026-01-01', end: '2026-01-10' },
		{ id: 'undated', order: 3, title: 'Undated', description: '', start: null, end: null },
		{ id: 'day', order: 4, title: 'One day', description: '', start: null, end: '2026-01-20' },
	]
	roadmap.tasks = [
		makeTask({ id: 't1', title: 't1', phase: 'first', status: 'done' }),
		makeTask({ id: 't2', title: 't2', phase: 'first', status: 'blocked' }),
		makeTask({ id: 't3', title: 't3', phase: null, status: 'in_progress' }),
	]

	it('places dated phases in % of the span of all phases, last day included', () => {
		const timeline = timelineOf(roadmap, '2026-01-06')
		expect([timeline.start, timeline.end]).toEqual(['2026-01-01', '2026-01-20'])
		expect(timeline.phases.map((p) => [p.phaseId, p.left, p.width])).toEqual([
			['first', 0, 50],
			['second', 50, 50],
			['undated', null, null],
			['day', 95, 5],
			[null, null, null],
		])
		expect(timeline.today).toBe(25)
	})

	it('carries the counts of progress.ts per phase and overall', () => {
		const timeline = timelineOf(roadmap, '2026-01-06')
		expect(timeline.phases[0].counts).toMatchObject({ done: 1, blocked: 1, todo: 0, in_progress: 0 })
		expect(timeline.phases[0].percent).toBe(50)
		expect(timeline.phases.at(-1)!.counts.in_progress).toBe(1)
		expect(timeline.overall).toMatchObject({ total: 3, percent: 33 })
	})

	it('has no today marker outside the phases or without dates', () => {
		expect(timelineOf(roadmap, '2025-12-31').today).toBeNull()
		expect(timelineOf(roadmap, '2026-01-21').today).toBeNull()
		const undated = emptyRoadmap('R', 'C')
		undated.phases = [{ id: 'p', order: 1, title: 'P', description: '', start: null, end: null }]
		expect(timelineOf(undated, '2026-01-06')).toMatchObject({ start: null, end: null, today: null })
	})

	it('lays out the starter roadmap within 0–100 %', () => {
		const starter = createStarterRoadmap({ lang: 'fr', commune: 'X', startDate: '2026-01-01' })
		const timeline = timelineOf(starter, '2026-01-01')
		expect(timeline.today).toBe(0)
		for (const phase of timeline.phases.filter((p) => p.phaseId !== null)) {
			expect(phase.left).toBeGreaterThanOrEqual(0)
			expect(phase.left! + phase.width!).toBeLessThanOrEqual(100.01)
		}
	})
})

describe('indicatorSeries', () => {
	const indicator: Indicator = {
		id: 'i',
		name: 'Licences',
		unit: 'licences',
		target: 0,
		measurements: [
			{ id: 'm3', date: '2026-03-01', value: 40, note: '' },
			{ id: 'm1', date: '2026-01-01', value: 100, note: '' },
			{ id: 'm2', date: '2026-02-01', value: 60, note: '' },
		],
	}

	it('sorts measurements by date and says how the latest moved', () => {
		const series = indicatorSeries(indicator)
		expect(series.measurements.map((m) => m.id)).toEqual(['m1', 'm2', 'm3'])
		expect(series.latest?.value).toBe(40)
		expect(series.movement).toBe('down')
		expect(series.towardsTarget).toBe(true)
	})

	it('gives chart points by date, scaled with the target among the values', () => {
		const series = indicatorSeries(indicator)
		expect(series.points.map((p) => [Math.round(p.x * 100) / 100, p.y])).toEqual([[0, 1], [0.53, 0.6], [1, 0.4]])
		expect(series.targetY).toBe(0)
	})

	it('moving away from the target is not progress', () => {
		const series = indicatorSeries({ ...indicator, target: 90, measurements: [{ id: 'a', date: '2026-01-01', value: 50, note: '' }, { id: 'b', date: '2026-02-01', value: 40, note: '' }] })
		expect([series.movement, series.towardsTarget]).toEqual(['down', false])
	})

	it('handles no measurement, one, and several on one day', () => {
		expect(indicatorSeries({ ...indicator, measurements: [] })).toMatchObject({ latest: null, movement: null, towardsTarget: null, points: [], targetY: null })
		const one = indicatorSeries({ ...indicator, target: null, measurements: [{ id: 'a', date: '2026-01-01', value: 5, note: '' }] })
		expect(one.points.map((p) => [p.x, p.y])).toEqual([[0.5, 0.5]])
		const sameDay = indicatorSeries({ ...indicator, target: null, measurements: [{ id: 'a', date: '2026-01-01', value: 5, note: '' }, { id: 'b', date: '2026-01-01', value: 5, note: '' }] })
		expect(sameDay.points.map((p) => p.x)).toEqual([0, 1])
		expect(sameDay.movement).toBe('steady')
		expect(sameDay.latest?.id).toBe('b')
	})
})

describe('readMeasurement', () => {
	it('reads French and English numbers on a real date', () => {
		expect(readMeasurement('2026-03-01', '12,5')).toEqual({ date: '2026-03-01', value: 12.5 })
		expect(readMeasurement(' 2026-03-01 ', '1 200')).toEqual({ date: '2026-03-01', value: 1200 })
		expect(readMeasurement('2026-03-01', '-3.25')).toEqual({ date: '2026-03-01', value: -3.25 })
	})

	it('says what is wrong', () => {
		expect(readMeasurement('2026-02-30', '1')).toEqual({ problem: 'date' })
		expect(readMeasurement('', '1')).toEqual({ problem: 'date' })
		expect(readMeasurement('2026-03-01', '')).toEqual({ problem: 'value' })
		expect(readMeasurement('2026-03-01', '12abc')).toEqual({ problem: 'value' })
		expect(readMeasurement('2026-03-01', '1e999')).toEqual({ problem: 'value' })
	})
})

describe('replacementRows', () => {
	it('gives one row per proprietary tool with the services, the replacements and a status from its tasks', () => {
		const roadmap = emptyRoadmap('R', 'C')
		roadmap.categories = [{ id: 'mail', label: 'Messagerie' }, { id: 'office', label: 'Bureautique' }]
		roadmap.phases = [
			{ id: 'p2', order: 2, title: 'P2', description: '', start: null, end: null },
			{ id: 'p1', order: 1, title: 'P1', description: '', start: null, end: null },
		]
		roadmap.tasks = [
			makeTask({ id: 'docs', title: 'Docs', phase: 'p2', category: 'office', replaces: ['Microsoft Office', 'Gmail'], replacements: ['LibreOffice'], status: 'done' }),
			makeTask({ id: 'mail', title: 'Mail', phase: 'p1', category: 'mail', replaces: ['Gmail'], replacements: ['SOGo', 'Thunderbird'], status: 'in_progress' }),
			makeTask({ id: 'infra', title: 'Infra', phase: 'p1', replacements: ['Proxmox'] }),
		]
		expect(replacementRows(roadmap)).toEqual([
			{ tool: 'Gmail', services: ['Messagerie', 'Bureautique'], replacements: ['SOGo', 'Thunderbird', 'LibreOffice'], status: 'in_progress', tasks: ['mail', 'docs'] },
			{ tool: 'Microsoft Office', services: ['Bureautique'], replacements: ['LibreOffice'], status: 'done', tasks: ['docs'] },
		])
	})

	it('derives the migration status from the tasks', () => {
		expect(migrationStatus(['done', 'dropped'])).toBe('done')
		expect(migrationStatus(['dropped', 'dropped'])).toBe('dropped')
		expect(migrationStatus(['done', 'blocked'])).toBe('blocked')
		expect(migrationStatus(['done', 'todo'])).toBe('in_progress')
		expect(migrationStatus(['todo', 'todo'])).toBe('todo')
		expect(migrationStatus([])).toBe('todo')
	})

	it('covers the starter roadmap\'s proprietary tools', () => {
		const rows = replacementRows(createStarterRoadmap({ lang: 'fr', commune: 'X', startDate: '2026-01-01' }))
		expect(rows.find((r) => r.tool === 'Microsoft Office')?.replacements).toContain('LibreOffice')
		expect(rows.every((r) => r.status === 'todo')).toBe(true)
	})
})
