/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What the roadmap's overview shows, computed without Vue: phases laid out on
 * a timeline with their progress, indicators with their movement, and which
 * free tool replaces which proprietary one.
 */

import type { Indicator, IsoDate, Measurement, Roadmap, Task, TaskStatus } from './model.ts'
import type { PhaseProgress, Progress } from './progress.ts'

import { roadmapProgress } from './progress.ts'

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date, or null for anything else (2026-02-30 included). */
export function dayNumber(date: string | null): number | null {
	const match = date === null ? null : ISO_DATE.exec(date)
	if (!match) {
		return null
	}
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
	const time = Date.UTC(year, month - 1, day)
	const check = new Date(time)
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
		return null
	}
	return time / DAY_MS
}

export interface PhaseOnTimeline extends PhaseProgress {
	start: IsoDate | null
	end: IsoDate | null
	/** Where the phase's bar starts and how wide it is, in % of the timeline; null without dates. */
	left: number | null
	width: number | null
}

export interface Timeline {
	/** First and last day of all dated phases; null when no phase has a date. */
	start: IsoDate | null
	end: IsoDate | null
	/** Where today falls, in % of the timeline; null when outside it or without dates. */
	today: number | null
	overall: Progress
	/** Phases in their order, then the tasks without a (known) phase (phaseId null, never dated). */
	phases: PhaseOnTimeline[]
}

function round(value: number): number {
	return Math.round(value * 100) / 100
}

/**
 * A phase with a single date is shown as a one-day bar on it; the last day of
 * a phase is included, so a phase from the 1st to the 31st covers 31 days.
 */
export function timelineOf(roadmap: Roadmap, today: IsoDate): Timeline {
	const progress = roadmapProgress(roadmap)
	const phasesById = new Map(roadmap.phases.map((phase) => [phase.id, phase]))
	const spans = new Map<string, { first: number, last: number }>()
	for (const phase of roadmap.phases) {
		const start = dayNumber(phase.start)
		const end = dayNumber(phase.end)
		if (start === null && end === null) {
			continue
		}
		const first = start ?? end!
		const last = end ?? start!
		spans.set(phase.id, { first: Math.min(first, last), last: Math.max(first, last) })
	}
	const all = [...spans.values()]
	const first = all.length ? Math.min(...all.map((s) => s.first)) : null
	const last = all.length ? Math.max(...all.map((s) => s.last)) : null
	const days = first !== null && last !== null ? last - first + 1 : 0
	const percentOf = (day: number): number => round((100 * (day - first!)) / days)
	const todayDay = dayNumber(today)
	const phases = progress.phases.map((phaseProgress): PhaseOnTimeline => {
		const phase = phaseProgress.phaseId === null ? undefined : phasesById.get(phaseProgress.phaseId)
		const span = phase ? spans.get(phase.id) : undefined
		return {
			...phaseProgress,
			start: phase?.start ?? null,
			end: phase?.end ?? null,
			left: span ? percentOf(span.first) : null,
			width: span ? round((100 * (span.last - span.first + 1)) / days) : null,
		}
	})
	return {
		start: first === null ? null : new Date(first * DAY_MS).toISOString().slice(0, 10),
		end: last === null ? null : new Date(last * DAY_MS).toISOString().slice(0, 10),
		today: todayDay !== null && first !== null && todayDay >= first && todayDay <= last! ? percentOf(todayDay) : null,
		overall: progress.overall,
		phases,
	}
}

export type Movement = 'up' | 'down' | 'steady'

export interface ChartPoint {
	/** 0 (first measurement) to 1 (last), by date. */
	x: number
	/** 0 (smallest value shown) to 1 (largest); the target is among the values shown. */
	y: number
	measurement: Measurement
}

export interface IndicatorSeries {
	indicator: Indicator
	/** Oldest first; measurements of one day keep the order they were recorded in. */
	measurements: Measurement[]
	latest: Measurement | null
	/** How the latest measurement moved from the one before; null with fewer than two. */
	movement: Movement | null
	/** Whether that movement brought the value closer to the target; null without target or movement. */
	towardsTarget: boolean | null
	points: ChartPoint[]
	/** Height of the target line, on the same 0–1 scale as the points; null without target or measurement. */
	targetY: number | null
}

export function indicatorSeries(indicator: Indicator): IndicatorSeries {
	const measurements = indicator.measurements
		.map((measurement, index) => ({ measurement, index, day: dayNumber(measurement.date) ?? 0 }))
		.sort((a, b) => a.day - b.day || a.index - b.index)
		.map((entry) => entry.measurement)
	const latest = measurements.at(-1) ?? null
	const previous = measurements.at(-2) ?? null
	const movement: Movement | null = latest && previous
		? latest.value > previous.value ? 'up' : latest.value < previous.value ? 'down' : 'steady'
		: null
	const target = indicator.target
	const towardsTarget = target === null || !latest || !previous || movement === null
		? null
		: Math.abs(target - latest.value) < Math.abs(target - previous.value)
	const values = [...measurements.map((m) => m.value), ...(target === null ? [] : [target])]
	const low = Math.min(...values)
	const high = Math.max(...values)
	const yOf = (value: number): number => (high === low ? 0.5 : (value - low) / (high - low))
	const days = measurements.map((m) => dayNumber(m.date) ?? 0)
	const firstDay = days[0] ?? 0
	const span = (days.at(-1) ?? 0) - firstDay
	const points = measurements.map((measurement, i) => ({
		// Measurements of one day are spread so that each stays visible.
		x: span === 0 ? (measurements.length === 1 ? 0.5 : i / (measurements.length - 1)) : (days[i] - firstDay) / span,
		y: yOf(measurement.value),
		measurement,
	}))
	return { indicator, measurements, latest, movement, towardsTarget, points, targetY: target === null || !latest ? null : yOf(target) }
}

export type MeasurementProblem = 'date' | 'value'

/**
 * Reads a measurement typed by someone: a real date, and a number written the
 * French way (`12,5`, `1 200`) or the English way (`12.5`).
 */
export function readMeasurement(date: string, value: string): { date: IsoDate, value: number } | { problem: MeasurementProblem } {
	if (dayNumber(date.trim()) === null) {
		return { problem: 'date' }
	}
	const number = readNumber(value)
	if (number === null) {
		return { problem: 'value' }
	}
	return { date: date.trim(), value: number }
}

/** A number written the French way (`12,5`, `1 200`) or the English way (`12.5`); null for anything else. */
export function readNumber(value: string): number | null {
	const text = value.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
	const number = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN
	return Number.isFinite(number) ? number : null
}

/** Where the migration away from one proprietary tool stands. */
export type MigrationStatus = 'todo' | 'in_progress' | 'blocked' | 'done' | 'dropped'

export interface ReplacementRow {
	/** The proprietary tool, as the tasks name it. */
	tool: string
	/** Labels of the categories of the tasks that replace it (the service concerned), without repeats. */
	services: string[]
	/** Free replacements the tasks chose, without repeats. */
	replacements: string[]
	status: MigrationStatus
	/** Ids of the tasks that replace it. */
	tasks: string[]
}

/**
 * Dropped tasks do not count unless all are dropped; then: all done is done,
 * any blocked is blocked, any started or done is in progress, else to do.
 */
export function migrationStatus(statuses: TaskStatus[]): MigrationStatus {
	const counted = statuses.filter((s) => s !== 'dropped')
	if (counted.length === 0) {
		return statuses.length ? 'dropped' : 'todo'
	}
	if (counted.every((s) => s === 'done')) {
		return 'done'
	}
	if (counted.includes('blocked')) {
		return 'blocked'
	}
	if (counted.some((s) => s === 'in_progress' || s === 'done')) {
		return 'in_progress'
	}
	return 'todo'
}

function unique(values: string[]): string[] {
	return [...new Set(values.filter((v) => v.trim() !== ''))]
}

/** One row per proprietary tool that tasks replace, in the order the tasks first name them. */
export function replacementRows(roadmap: Roadmap): ReplacementRow[] {
	const categories = new Map(roadmap.categories.map((c) => [c.id, c.label]))
	const phaseOrder = new Map(roadmap.phases.map((p) => [p.id, p.order]))
	const tasks = [...roadmap.tasks].sort((a, b) => (phaseOrder.get(a.phase ?? '') ?? Number.MAX_SAFE_INTEGER) - (phaseOrder.get(b.phase ?? '') ?? Number.MAX_SAFE_INTEGER))
	const byTool = new Map<string, Task[]>()
	for (const task of tasks) {
		for (const tool of unique(task.replaces)) {
			const list = byTool.get(tool) ?? []
			list.push(task)
			byTool.set(tool, list)
		}
	}
	return [...byTool].map(([tool, list]) => ({
		tool,
		services: unique(list.map((task) => (task.category ? categories.get(task.category) ?? '' : ''))),
		replacements: unique(list.flatMap((task) => task.replacements)),
		status: migrationStatus(list.map((task) => task.status)),
		tasks: list.map((task) => task.id),
	}))
}
