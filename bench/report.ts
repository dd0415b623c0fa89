/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The council report and the spreadsheet export for a big roadmap: 5,000
 * tasks with a year of history (about ten saves a working day, a measurement
 * of every indicator each month), and its ODS export.
 */

import type { Operation } from '../src/domain/storageFormat.ts'

import { TASK_STATUSES } from '../src/domain/model.ts'
import { councilReport } from '../src/domain/report.ts'
import { HistoryBuilder } from '../src/domain/testing/historyBuilder.ts'
import { sampleRoadmap } from '../src/domain/testing/sampleRoadmap.ts'
import { importTasks, roadmapToOds } from '../src/spreadsheet/index.ts'

interface Figure {
	figure: string
	median: number
	unit: string
	budget: string
	runs: number
}

const DAY_MS = 86_400_000
const YEAR_START = Date.UTC(2026, 0, 5)
const PEOPLE = ['alice', 'bob', 'claire', 'agent@cloud.mairie-b.fr']

function median(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

async function timed(runs: number, action: () => unknown): Promise<number> {
	await action()
	const values: number[] = []
	for (let i = 0; i < runs; i++) {
		const start = performance.now()
		await action()
		values.push(performance.now() - start)
	}
	return Number(median(values).toFixed(1))
}

/**
 * Deterministic, so that two runs of the benchmark measure the same history.
 *
 * @yields {number} the states of a linear congruential generator, below 2^31
 */
function* sequence(seed: number): Generator<number> {
	let state = seed
	for (;;) {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
		yield state
	}
}

function yearOfHistory() {
	const roadmap = sampleRoadmap(5000)
	roadmap.phases[1].end = '2028-12-31'
	roadmap.indicators = Array.from({ length: 15 }, (_, i) => ({ id: `indicator-${i}`, name: `Indicateur ${i}`, unit: '%', target: 90, measurements: [] }))
	const builder = new HistoryBuilder(roadmap, new Date(YEAR_START).toISOString())
	const random = sequence(42)
	const pick = (n: number) => random.next().value % n
	let changes = 0
	for (let day = 0; day < 365; day++) {
		const weekday = new Date(YEAR_START + day * DAY_MS).getUTCDay()
		if (weekday === 0 || weekday === 6) {
			continue
		}
		for (let save = 0; save < 10; save++) {
			const at = new Date(YEAR_START + day * DAY_MS + (8 + save) * 3_600_000).toISOString()
			const ops: Operation[] = Array.from({ length: 1 + pick(4) }, (): Operation => {
				const task = `t${String(pick(5000)).padStart(5, '0')}`
				const kind = pick(3)
				if (kind === 0) {
					return { op: 'set', path: `tasks/${task}/status`, value: TASK_STATUSES[pick(TASK_STATUSES.length)] }
				}
				if (kind === 1) {
					return { op: 'set', path: `tasks/${task}/assignees`, value: [PEOPLE[pick(PEOPLE.length)]] }
				}
				return { op: 'set', path: `tasks/${task}/title`, value: `Tâche ${task} (${day}.${save})` }
			})
			if (save === 0 && new Date(YEAR_START + day * DAY_MS).getUTCDate() <= 7 && weekday === 1) {
				const date = new Date(YEAR_START + day * DAY_MS).toISOString().slice(0, 10)
				for (let i = 0; i < 15; i++) {
					ops.push({ op: 'add', path: `indicators/indicator-${i}/measurements/m${day}`, value: { id: `m${day}`, date, value: day / 5 + i, note: '' } })
				}
			}
			builder.change(PEOPLE[pick(PEOPLE.length)], at, ops)
			changes++
		}
	}
	return { history: builder.build(), changes }
}

export async function reportFigures(): Promise<Figure[]> {
	const { history, changes } = yearOfHistory()
	const period = { from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }
	const report = await timed(5, () => councilReport(history, period))
	const big = sampleRoadmap(5000)
	let bytes: Uint8Array = new Uint8Array()
	const ods = await timed(5, () => {
		bytes = roadmapToOds(big, 'fr')
	})
	let ids = 0
	const odsImport = await timed(3, () => importTasks(big, bytes, 'export.ods', () => `new-${++ids}`))
	return [
		{ figure: `council report: 5,000 tasks, a year of history (${changes} change files), 3-month period`, median: report, unit: 'ms', budget: '≤ 1000 ms (project)', runs: 5 },
		{ figure: 'ODS export of 5,000 tasks', median: ods, unit: 'ms', budget: '≤ 500 ms (project)', runs: 5 },
		{ figure: 'ODS export of 5,000 tasks: file size', median: Math.round(bytes.length / 1024), unit: 'KB', budget: '—', runs: 1 },
		{ figure: 'ODS import of 5,000 tasks (read, check, apply)', median: odsImport, unit: 'ms', budget: '≤ 3000 ms (project)', runs: 3 },
	]
}
