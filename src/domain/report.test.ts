/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { Roadmap, Task } from './model.ts'
import type { ReportRecord } from './reportRecord.ts'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeTask, TASK_STATUSES } from './model.ts'
import { roadmapProgress } from './progress.ts'
import { councilReport, defaultReportPeriod, monthsBefore } from './report.ts'
import { lastReportPeriod, parseReportRecord, parseReportRecordFileName, reportRecordFileName, serializeReportRecord } from './reportRecord.ts'
import { hashtagsIn, taskTags } from './reportTags.ts'
import { createStarterRoadmap } from './starter/createStarterRoadmap.ts'
import { HistoryBuilder } from './testing/historyBuilder.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

const task = (roadmap: Roadmap, id: string): Task => roadmap.tasks.find((t) => t.id === id)!
function measure(roadmap: Roadmap, indicator: string, date: string, value: number) {
	roadmap.indicators.find((i) => i.id === indicator)!.measurements.push({ id: `${indicator}-${date}`, date, value, note: '' })
}

const PERIOD = { from: '2026-09-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }

/** Saint-Exemple from the template, started 2026-01-05: a year of edits by alice, bob and claire. */
function saintExemple() {
	const roadmap = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2026-01-05' })
	return new HistoryBuilder(roadmap, '2026-01-05T08:00:00.000Z')
		.edit('alice', '2026-02-01T09:00:00.000Z', (r) => {
			measure(r, 'desktop-linux-share', '2026-02-01', 10)
			measure(r, 'odf-share', '2026-02-01', 50)
			r.indicators.find((i) => i.id === 'office-licences-remaining')!.target = 0
			measure(r, 'office-licences-remaining', '2026-02-01', 100)
		})
		.edit('alice', '2026-02-10T09:00:00.000Z', (r) => {
			task(r, 'structuring-council-mandate').status = 'done'
		})
		.edit('bob', '2026-09-15T09:00:00.000Z', (r) => {
			task(r, 'solutions-browser').status = 'done'
		})
		.edit('bob', '2026-09-20T09:00:00.000Z', (r) => {
			task(r, 'solutions-office-suite').status = 'in_progress'
		})
		.edit('alice', '2026-10-01T09:00:00.000Z', (r) => {
			task(r, 'solutions-mail').status = 'in_progress'
			task(r, 'solutions-mail').due = '2026-11-15'
			task(r, 'solutions-mail').assignees = ['alice']
		})
		.edit('claire', '2026-10-05T09:00:00.000Z', (r) => {
			task(r, 'transformation-directory').status = 'blocked'
		})
		.edit('alice', '2026-10-10T09:00:00.000Z', (r) => {
			r.tasks.push(makeTask({ id: 'etat-civil', title: 'Migrer le logiciel d\'état civil', phase: 'solutions', due: '2027-01-15', replaces: ['Logiciel propriétaire d\'état civil'] }))
		})
		.edit('bob', '2026-11-01T09:00:00.000Z', (r) => {
			measure(r, 'desktop-linux-share', '2026-11-01', 30)
			measure(r, 'odf-share', '2026-11-01', 52)
			measure(r, 'office-licences-remaining', '2026-11-01', 60)
		})
		.edit('bob', '2026-11-20T09:00:00.000Z', (r) => {
			task(r, 'solutions-office-suite').status = 'done'
			measure(r, 'tnl-level', '2026-11-20', 2)
		})
		.edit('bob', '2026-12-15T09:00:00.000Z', (r) => {
			task(r, 'solutions-mail').status = 'done'
		})
		.build()
}

describe('the council report', () => {
	const report = councilReport(saintExemple(), PERIOD)

	it('gives progress at the start and the end of the period, overall and per phase, with the difference', () => {
		expect(report.progress.overall.before.counts.done).toBe(1)
		expect(report.progress.overall.after.counts.done).toBe(3)
		expect(report.progress.overall.after.total).toBe(61)
		expect(report.progress.overall.doneChange).toBe(2)
		expect(report.progress.overall.percentChange).toBe(Math.floor(300 / 61) - Math.floor(100 / 60))
		const solutions = report.progress.phases.find((p) => p.phaseId === 'solutions')!
		expect(solutions).toMatchObject({ title: 'Solutions', start: '2027-07-05', end: '2029-07-04', doneChange: 2 })
		expect(solutions.before.total).toBe(12)
		expect(solutions.after.total).toBe(13)
	})

	it('tells what was finished, started, blocked and added in the period, by phase and by whom; later changes stay out', () => {
		const byPhase = new Map(report.activity.map((phase) => [phase.phaseId, phase]))
		expect([...byPhase.keys()]).toEqual(['transformation', 'solutions'])
		const solutions = byPhase.get('solutions')!
		expect(solutions.finished.map((a) => [a.taskId, a.by, a.at])).toEqual([
			['solutions-browser', 'bob', '2026-09-15T09:00:00.000Z'],
			['solutions-office-suite', 'bob', '2026-11-20T09:00:00.000Z'],
		])
		// Started and finished within the period: told once, as finished.
		expect(solutions.started.map((a) => [a.taskId, a.by, a.status, a.assignees])).toEqual([['solutions-mail', 'alice', 'in_progress', ['alice']]])
		expect(solutions.added.map((a) => [a.taskId, a.by, a.title])).toEqual([['etat-civil', 'alice', 'Migrer le logiciel d\'état civil']])
		expect(byPhase.get('transformation')!.blocked.map((a) => [a.taskId, a.by])).toEqual([['transformation-directory', 'claire']])
		expect(report.activity.flatMap((p) => p.finished).map((a) => a.taskId)).not.toContain('structuring-council-mandate')
	})

	it('gives every indicator its baseline, latest value, target, series and whether it is on track for the target date', () => {
		const indicators = Object.fromEntries(report.indicators.map((i) => [i.id, i]))
		expect(report.indicators).toHaveLength(15)
		const linux = indicators['desktop-linux-share']
		expect(linux).toMatchObject({ target: 90, targetDate: '2032-01-04', status: 'on_track', change: 20 })
		expect(linux.baseline).toMatchObject({ date: '2026-02-01', value: 10 })
		expect(linux.latest).toMatchObject({ date: '2026-11-01', value: 30 })
		expect(linux.atStart).toMatchObject({ date: '2026-02-01', value: 10 })
		expect(linux.series.map((m) => m.value)).toEqual([10, 30])
		// 20 points in 273 days, carried on for 1,890 days more.
		expect(linux.projected).toBeCloseTo(30 + (20 / 273) * 1890, 6)
		expect(indicators['odf-share']).toMatchObject({ status: 'off_track', change: 2 })
		expect(indicators['odf-share'].projected).toBeCloseTo(52 + (2 / 273) * 1890, 6)
		// A target below the baseline is approached downwards.
		expect(indicators['office-licences-remaining']).toMatchObject({ status: 'on_track', change: -40 })
		expect(indicators['training-sessions']).toMatchObject({ status: 'unknown', baseline: null, latest: null, change: null, series: [] })
		// One measurement draws no line.
		expect(indicators['tnl-level']).toMatchObject({ status: 'unknown', projected: null, change: null })
		expect(indicators['mailboxes-migrated']).toMatchObject({ status: 'unknown', target: null })
	})

	it('decides reached, missed and unknown from the dates', () => {
		const roadmap = sampleRoadmap(1)
		roadmap.phases[1].end = '2026-10-31'
		roadmap.indicators = [
			{ id: 'reached', name: 'A', unit: '%', target: 50, measurements: [{ id: 'a1', date: '2026-01-01', value: 10, note: '' }, { id: 'a2', date: '2026-02-01', value: 55, note: '' }] },
			{ id: 'missed', name: 'B', unit: '%', target: 50, measurements: [{ id: 'b1', date: '2026-01-01', value: 10, note: '' }, { id: 'b2', date: '2026-02-01', value: 20, note: '' }] },
			{ id: 'single', name: 'C', unit: '%', target: 50, measurements: [{ id: 'c1', date: '2026-01-01', value: 10, note: '' }] },
			{ id: 'later', name: 'D', unit: '%', target: 50, measurements: [{ id: 'd1', date: '2026-01-01', value: 10, note: '' }, { id: 'd2', date: '2027-01-01', value: 90, note: '' }] },
		]
		const history = new HistoryBuilder(roadmap, '2026-01-01T00:00:00.000Z').build()
		const statuses = Object.fromEntries(councilReport(history, PERIOD).indicators.map((i) => [i.id, [i.status, i.latest?.value]]))
		// Past the target date, a target not met is missed; measurements after the report's day stay out.
		expect(statuses).toEqual({ reached: ['reached', 55], missed: ['missed', 20], single: ['missed', 10], later: ['missed', 10] })
	})

	it('counts what replaces what, now and at the start of the period', () => {
		expect(report.replacements.rows.length).toBeGreaterThan(30)
		expect(report.replacements.rows.find((row) => row.tool === 'Google Chrome')).toMatchObject({ status: 'done', replacements: ['Firefox ESR'] })
		expect(report.replacements.counts).toMatchObject({ done: 2, in_progress: 4, blocked: 1 })
		expect(report.replacements.countsAtStart).toMatchObject({ done: 0, in_progress: 0, blocked: 0 })
		const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
		expect(total(report.replacements.counts)).toBe(report.replacements.rows.length)
		expect(total(report.replacements.countsAtStart)).toBe(report.replacements.rows.length - 1)
	})

	it('places the commune on the Pacte and the label from the template\'s tagged tasks and indicators', () => {
		expect(report.pacte.level).toBe(0)
		const level1 = report.pacte.levels[0]
		expect(level1).toMatchObject({ level: 1, tag: 'pacte-1', state: 'in_progress', counted: 10, done: 2 })
		expect(level1.indicators).toEqual([{ id: 'odf-share', name: 'Part des documents produits en format ouvert (ODF)', status: 'off_track', latest: 52, target: 90 }])
		expect(report.pacte.levels[1]).toMatchObject({ state: 'in_progress', counted: 7, done: 0 })
		expect(report.pacte.levels[2]).toMatchObject({ state: 'not_started', counted: 4 })
		expect(report.tnl.held).toEqual({ value: 2, name: 'bronze', date: '2026-11-20', target: 4, indicatorId: 'tnl-level' })
		expect(report.tnl.application).toEqual([{ id: 'federation-tnl-label', title: 'Candidater au label Territoire Numérique Libre', status: 'todo' }])
		expect(report.tnl.axes.map((axis) => [axis.axis, axis.state, axis.done, axis.counted])).toEqual([
			['strategie', 'in_progress', 1, 6],
			['pratiques', 'not_started', 0, 5],
			['logiciels', 'in_progress', 1, 7],
			['ecosysteme', 'not_started', 0, 7],
			['donnees', 'not_started', 0, 2],
		])
	})

	it('lists the next milestones: phase ends, late phases, overdue and due-soon tasks', () => {
		const { phaseEnds, overdue, dueSoon, horizon } = report.milestones
		expect(phaseEnds.map((p) => [p.phaseId, p.end, p.late])).toEqual([
			['structuring', '2026-07-04', true],
			['transformation', '2027-07-04', false],
			['solutions', '2029-07-04', false],
			['communication', '2030-07-04', false],
			['inclusion', '2032-01-04', false],
			['federation', '2032-01-04', false],
		])
		expect(overdue.map((t) => [t.taskId, t.due, t.assignees])).toEqual([['solutions-mail', '2026-11-15', ['alice']]])
		expect(horizon).toBe('2027-03-02')
		expect(dueSoon.map((t) => t.taskId)).toEqual(['etat-civil'])
	})

	it('says when the period starts before the oldest moment the history holds', () => {
		const history = saintExemple()
		expect(report.startExact).toBe(true)
		const folded = { ...history, complete: false, startAt: '2026-10-01T00:00:00.000Z' }
		expect(councilReport(folded, PERIOD)).toMatchObject({ startExact: false, startAt: '2026-10-01T00:00:00.000Z' })
		// The start read elsewhere (a Nextcloud version of the readable file) gives exact start figures.
		const version = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2026-01-05' })
		const withVersion = councilReport(folded, PERIOD, { startRoadmap: version })
		expect(withVersion).toMatchObject({ startExact: true, startAt: PERIOD.from })
		expect(withVersion.progress.overall.before.counts.done).toBe(0)
	})

	it('refuses a period that ends before it starts', () => {
		expect(() => councilReport(saintExemple(), { from: PERIOD.to, to: PERIOD.from })).toThrow(RangeError)
	})
})

describe('the council report of any history', () => {
	const editArb = fc.record({ day: fc.integer({ min: 0, max: 364 }), task: fc.nat(5), status: fc.constantFrom(...TASK_STATUSES), who: fc.constantFrom('alice', 'bob') })

	it('agrees with the roadmap at both ends, and tells exactly the tasks finished in the period', () => {
		fc.assert(fc.property(fc.array(editArb, { maxLength: 25 }), (edits) => {
			const builder = new HistoryBuilder(sampleRoadmap(6), '2026-01-01T00:00:00.000Z')
			const sorted = [...edits].sort((a, b) => a.day - b.day)
			sorted.forEach((edit, i) => builder.change(edit.who, new Date(Date.UTC(2026, 0, 1 + edit.day, 0, i)).toISOString(), [{ op: 'set', path: `tasks/t0000${edit.task}/status`, value: edit.status }]))
			const history = builder.build()
			const report = councilReport(history, PERIOD)
			const statusAt = (instant: string) => {
				const status = new Map(sampleRoadmap(6).tasks.map((t) => [t.id, t.status]))
				sorted.forEach((edit, i) => {
					if (Date.UTC(2026, 0, 1 + edit.day, 0, i) < Date.parse(instant)) {
						status.set(`t0000${edit.task}`, edit.status)
					}
				})
				return status
			}
			const [start, end] = [statusAt(PERIOD.from), statusAt(PERIOD.to)]
			const roadmapWith = (status: Map<string, Task['status']>) => {
				const roadmap = sampleRoadmap(6)
				for (const task of roadmap.tasks) {
					task.status = status.get(task.id)!
				}
				return roadmap
			}
			expect(report.progress.overall.before).toEqual(roadmapProgress(roadmapWith(start)).overall)
			expect(report.progress.overall.after).toEqual(roadmapProgress(roadmapWith(end)).overall)
			const lastSetInPeriod = new Map<string, string>()
			sorted.forEach((edit, i) => {
				const at = Date.UTC(2026, 0, 1 + edit.day, 0, i)
				if (at >= Date.parse(PERIOD.from) && at < Date.parse(PERIOD.to)) {
					lastSetInPeriod.set(`t0000${edit.task}`, edit.status)
				}
			})
			const finished = [...lastSetInPeriod].filter(([id, status]) => status === 'done' && end.get(id) === 'done').map(([id]) => id).sort()
			expect(report.activity.flatMap((phase) => phase.finished.map((a) => a.taskId)).sort()).toEqual(finished)
		}), { numRuns: 60 })
	})
})

describe('Pacte levels and label axes of any roadmap', () => {
	function standing(tags: Array<[string, Task['status']]>) {
		const roadmap = sampleRoadmap(0)
		roadmap.indicators = []
		roadmap.tasks = tags.map(([description, status], i) => makeTask({ id: `own-${i}`, title: `Tâche ${i}`, description, status }))
		return councilReport(new HistoryBuilder(roadmap, '2026-01-01T00:00:00.000Z').build(), PERIOD)
	}

	it('reads hashtags in task descriptions; dropped tasks do not count', () => {
		const report = standing([['Bureautique libre #pacte-1', 'done'], ['#pacte-1 (abandonnée)', 'dropped'], ['Postes #Pacte-2', 'in_progress'], ['#tnl-donnees', 'todo']])
		expect(report.pacte.level).toBe(1)
		expect(report.pacte.levels.map((l) => [l.level, l.state, l.counted, l.done])).toEqual([[1, 'reached', 1, 1], [2, 'in_progress', 1, 0], [3, 'untracked', 0, 0]])
		expect(report.tnl.axes.find((a) => a.axis === 'donnees')).toMatchObject({ state: 'not_started', counted: 1 })
		expect(report.tnl.held).toBeNull()
	})

	it('counts a level only when every level below it is reached', () => {
		expect(standing([['#pacte-1', 'todo'], ['#pacte-2', 'done']]).pacte.level).toBe(0)
		expect(standing([['#pacte-1 #pacte-2 #pacte-3', 'done']]).pacte.level).toBe(3)
	})

	it('recognises only whole known hashtags', () => {
		expect(hashtagsIn('#pacte-1, (#tnl-label) #PACTE-3.')).toEqual(['pacte-1', 'tnl-label', 'pacte-3'])
		expect(hashtagsIn('#pacte-10 x#pacte-1 #pacte-1x #pacte #tnl-')).toEqual([])
	})

	it('tags the template\'s tasks by id, and adds their own hashtags', () => {
		const office = makeTask({ id: 'solutions-office-suite', title: 'LibreOffice', description: 'voir #tnl-pratiques' })
		expect(taskTags(office)).toEqual(['pacte-1', 'tnl-logiciels', 'tnl-pratiques'])
	})
})

describe('the report period', () => {
	it('starts where the previous report ended, else three months back', () => {
		expect(defaultReportPeriod('2026-12-01T10:00:00Z', null)).toEqual({ from: '2026-09-01T10:00:00.000Z', to: '2026-12-01T10:00:00.000Z' })
		expect(defaultReportPeriod('2026-12-01T10:00:00Z', { from: '2026-06-01T00:00:00Z', to: '2026-10-15T08:00:00Z' }).from).toBe('2026-10-15T08:00:00.000Z')
		expect(defaultReportPeriod('2026-12-01T10:00:00Z', { from: '2026-06-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }).from).toBe('2026-09-01T10:00:00.000Z')
		expect(monthsBefore('2026-05-31T00:00:00.000Z', 3)).toBe('2026-02-28T00:00:00.000Z')
	})

	const record = (seq: number, at: string, to: string): ReportRecord => ({ format: 'degooglisation-report', version: 1, writer: 'k3x9q2m8v1ab', seq, author: 'alice', at, from: '2026-01-01T00:00:00.000Z', to, file: '/Dégooglisation/Saint-Exemple/Rapport.odt' })

	it('is recorded in a file of its own that reads back, and the report ending last wins', () => {
		expect(reportRecordFileName('k3x9q2m8v1ab', 2)).toBe('report.k3x9q2m8v1ab.000002.json')
		expect(parseReportRecordFileName('report.k3x9q2m8v1ab.000002.json')).toEqual({ writer: 'k3x9q2m8v1ab', seq: 2 })
		expect(parseReportRecordFileName('change.k3x9q2m8v1ab.000002.json')).toBeNull()
		const saved = record(1, '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z')
		expect(parseReportRecord(serializeReportRecord(saved))).toEqual({ record: saved })
		expect(parseReportRecord('{')).toMatchObject({ problem: expect.stringContaining('not valid JSON') })
		expect(parseReportRecord('{"format":"degooglisation-report"}')).toHaveProperty('problem')
		const later = record(2, '2026-11-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z')
		expect(lastReportPeriod([later, saved])).toEqual({ from: later.from, to: later.to })
		expect(lastReportPeriod([])).toBeNull()
	})
})
