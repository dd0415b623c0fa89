/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The report for the municipal council, computed without Vue from the
 * roadmap's history: where the roadmap stood at the start and at the end of a
 * period and what changed in between (who finished, started, blocked or added
 * which task), the indicators against their targets, what replaces what, the
 * commune's standing on measure 4 of the Pacte pour la Transition and on the
 * Territoire Numérique Libre label, and the next milestones.
 * How each figure is decided: docs/reporting.md.
 */

import type { RoadmapHistory } from './history.ts'
import type { Indicator, IsoDate, Measurement, Roadmap, Task, TaskStatus } from './model.ts'
import type { MigrationStatus, ReplacementRow } from './overview.ts'
import type { Progress } from './progress.ts'
import type { PacteLevel, ReportTag, TnlAxis } from './reportTags.ts'

import { addDays, isOverdue } from './board.ts'
import { applyChanges, cloneState, materialize } from './crdt.ts'
import { dayNumber, indicatorSeries, replacementRows, timelineOf } from './overview.ts'
import { roadmapProgress } from './progress.ts'
import { indicatorTags, PACTE_LEVELS, taskTags, TNL_AXES } from './reportTags.ts'

/** A span of time, as ISO instants: changes at or after `from` and before `to` belong to it. */
export interface ReportPeriod {
	from: string
	to: string
}

export const DEFAULT_PERIOD_MONTHS = 3

/** `instant` minus whole months (day clamped to the month's length), as an ISO instant. */
export function monthsBefore(instant: string, months: number): string {
	const date = new Date(instant)
	const day = date.getUTCDate()
	date.setUTCDate(1)
	date.setUTCMonth(date.getUTCMonth() - months)
	const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
	date.setUTCDate(Math.min(day, lastDay))
	return date.toISOString()
}

/**
 * Since the end of the previous report when there is one (and it is in the
 * past), else the last DEFAULT_PERIOD_MONTHS months.
 */
export function defaultReportPeriod(now: string, previous: ReportPeriod | null): ReportPeriod {
	const to = new Date(now).toISOString()
	const from = previous && Date.parse(previous.to) < Date.parse(to) ? new Date(previous.to).toISOString() : monthsBefore(to, DEFAULT_PERIOD_MONTHS)
	return { from, to }
}

// ---- progress -------------------------------------------------------------------

export interface ProgressChange {
	before: Progress
	after: Progress
	/** Percentage points gained (or lost); null when either side has nothing to count. */
	percentChange: number | null
	doneChange: number
}

export interface PhaseProgressChange extends ProgressChange {
	/** null: the tasks without a (known) phase. */
	phaseId: string | null
	title: string
	start: IsoDate | null
	end: IsoDate | null
}

function progressChange(before: Progress, after: Progress): ProgressChange {
	return {
		before,
		after,
		percentChange: before.percent === null || after.percent === null ? null : after.percent - before.percent,
		doneChange: after.counts.done - before.counts.done,
	}
}

function emptyProgress(): Progress {
	return { counts: { todo: 0, in_progress: 0, blocked: 0, done: 0, dropped: 0 }, total: 0, counted: 0, percent: null }
}

// ---- activity -------------------------------------------------------------------

export const ACTIVITY_KINDS = ['finished', 'started', 'blocked', 'added'] as const
export type ActivityKind = typeof ACTIVITY_KINDS[number]

export interface TaskActivity {
	taskId: string
	title: string
	/** The task's status at the end of the period. */
	status: TaskStatus
	/** Who made the change (the author of the change file) and when. */
	by: string
	at: string
	assignees: string[]
}

export type PhaseActivity = {
	phaseId: string | null
	title: string
} & Record<ActivityKind, TaskActivity[]>

interface Touch {
	by: string
	at: string
}

/** The status a task was last given in the period, and when it was added in it. */
function touchesIn(changes: RoadmapHistory['changes']): { status: Map<string, Touch & { value: unknown }>, added: Map<string, Touch> } {
	const status = new Map<string, Touch & { value: unknown }>()
	const added = new Map<string, Touch>()
	for (const change of changes) {
		for (const op of change.ops) {
			const [collection, id, field, ...rest] = op.path.split('/')
			if (collection !== 'tasks' || id === undefined || rest.length) {
				continue
			}
			const touch = { by: change.author, at: change.at }
			if (op.op === 'add' && field === undefined) {
				added.set(id, touch)
				status.set(id, { ...touch, value: (op.value as { status?: unknown }).status })
			} else if (op.op === 'set' && field === 'status') {
				status.set(id, { ...touch, value: op.value })
			}
		}
	}
	return { status, added }
}

const ACTIVITY_OF_STATUS: Partial<Record<TaskStatus, ActivityKind>> = { done: 'finished', in_progress: 'started', blocked: 'blocked' }

function activityByPhase(end: Roadmap, changes: RoadmapHistory['changes']): PhaseActivity[] {
	const { status, added } = touchesIn(changes)
	const phaseIds = new Set(end.phases.map((phase) => phase.id))
	const groups = new Map<string | null, PhaseActivity>()
	const group = (task: Task): PhaseActivity => {
		const key = task.phase !== null && phaseIds.has(task.phase) ? task.phase : null
		let found = groups.get(key)
		if (!found) {
			found = { phaseId: key, title: end.phases.find((phase) => phase.id === key)?.title ?? '', finished: [], started: [], blocked: [], added: [] }
			groups.set(key, found)
		}
		return found
	}
	const entry = (task: Task, touch: Touch): TaskActivity => ({ taskId: task.id, title: task.title, status: task.status, by: touch.by, at: touch.at, assignees: task.assignees })
	for (const task of end.tasks) {
		const statusTouch = status.get(task.id)
		const kind = statusTouch && statusTouch.value === task.status ? ACTIVITY_OF_STATUS[task.status] : undefined
		if (kind) {
			group(task)[kind].push(entry(task, statusTouch!))
		}
		const addedTouch = added.get(task.id)
		if (addedTouch) {
			group(task).added.push(entry(task, addedTouch))
		}
	}
	const order = new Map(end.phases.map((phase) => [phase.id, phase.order]))
	const byTime = (a: TaskActivity, b: TaskActivity) => Date.parse(a.at) - Date.parse(b.at) || (a.taskId < b.taskId ? -1 : 1)
	const result = [...groups.values()].sort((a, b) => (order.get(a.phaseId ?? '') ?? Infinity) - (order.get(b.phaseId ?? '') ?? Infinity))
	for (const phase of result) {
		for (const kind of ACTIVITY_KINDS) {
			phase[kind].sort(byTime)
		}
	}
	return result
}

// ---- indicators -----------------------------------------------------------------

/**
 * reached: the latest value meets the target; on_track: the straight line
 * through the baseline and the latest value meets it by the target date;
 * off_track: it does not; missed: the target date has passed; unknown: no
 * target, no target date, or fewer than two measurement dates.
 */
export type TargetStatus = 'reached' | 'on_track' | 'off_track' | 'missed' | 'unknown'

export interface IndicatorReport {
	id: string
	name: string
	unit: string
	target: number | null
	/** The first measurement: the starting point. */
	baseline: Measurement | null
	/** The last measurement on or before the end of the period. */
	latest: Measurement | null
	/** The last measurement on or before the start of the period. */
	atStart: Measurement | null
	/** latest − atStart: the movement over the period; null when nothing was measured before it. */
	change: number | null
	/** Every measurement up to the end of the period, oldest first. */
	series: Measurement[]
	targetDate: IsoDate | null
	/** The value the straight line reaches at the target date; null when it cannot be drawn. */
	projected: number | null
	status: TargetStatus
	tags: ReportTag[]
}

/** Whether `value` meets a target approached from `baseline` (downwards when the target is below it). */
function meets(value: number, target: number, baseline: number): boolean {
	return target >= baseline ? value >= target : value <= target
}

function indicatorReport(indicator: Indicator, fromDay: IsoDate, today: IsoDate, targetDate: IsoDate | null): IndicatorReport {
	const series = indicatorSeries(indicator).measurements.filter((m) => m.date <= today)
	const baseline = series[0] ?? null
	const latest = series.at(-1) ?? null
	const atStart = series.filter((m) => m.date <= fromDay).at(-1) ?? null
	const target = indicator.target
	let status: TargetStatus = 'unknown'
	let projected: number | null = null
	if (target !== null && baseline && latest) {
		const [first, last, end, now] = [baseline.date, latest.date, targetDate, today].map((date) => dayNumber(date))
		if (end !== null && first !== null && last !== null && last > first) {
			projected = latest.value + ((latest.value - baseline.value) / (last - first)) * (end - last)
		}
		if (meets(latest.value, target, baseline.value)) {
			status = 'reached'
		} else if (end === null) {
			status = 'unknown'
		} else if (now! > end) {
			status = 'missed'
		} else if (projected !== null) {
			status = meets(projected, target, baseline.value) ? 'on_track' : 'off_track'
		}
	}
	return {
		id: indicator.id,
		name: indicator.name,
		unit: indicator.unit,
		target,
		baseline,
		latest,
		atStart,
		change: latest && atStart ? latest.value - atStart.value : null,
		series,
		targetDate,
		projected,
		status,
		tags: indicatorTags(indicator),
	}
}

// ---- Pacte and label -------------------------------------------------------------

/**
 * reached: every counted task is done and every indicator with a target has
 * reached it; in_progress: something is started, done or measured;
 * not_started: nothing yet; untracked: no task (but dropped ones) and no
 * indicator carries the tag.
 */
export type CommitmentState = 'reached' | 'in_progress' | 'not_started' | 'untracked'

export interface CommitmentPart {
	tag: ReportTag
	state: CommitmentState
	/** Tagged tasks that are not dropped, and how many of them are done. */
	counted: number
	done: number
	tasks: Array<{ id: string, title: string, status: TaskStatus }>
	indicators: Array<{ id: string, name: string, status: TargetStatus, latest: number | null, target: number | null }>
}

export interface PacteStanding {
	/** The highest level reached with every level below it; 0 for none. */
	level: 0 | PacteLevel
	levels: Array<CommitmentPart & { level: PacteLevel }>
}

export const TNL_LEVEL_NAMES = ['none', 'badge', 'bronze', 'silver', 'gold'] as const
export type TnlLevelName = typeof TNL_LEVEL_NAMES[number]

export interface TnlStanding {
	/** The label held, from the latest measurement of the indicator tagged tnl-label; null when none is measured. */
	held: { value: number, name: TnlLevelName | null, date: IsoDate, target: number | null, indicatorId: string } | null
	/** Tasks tagged tnl-label: the application itself. */
	application: Array<{ id: string, title: string, status: TaskStatus }>
	axes: Array<CommitmentPart & { axis: TnlAxis }>
}

/** Each task with its tags, read once for all the Pacte levels and label axes. */
type TaggedTasks = Array<{ task: Task, tags: ReportTag[] }>

function commitmentPart(tag: ReportTag, tasks: TaggedTasks, indicators: IndicatorReport[]): CommitmentPart {
	const tagged = tasks.filter((entry) => entry.tags.includes(tag)).map((entry) => entry.task)
	const counted = tagged.filter((task) => task.status !== 'dropped')
	const done = counted.filter((task) => task.status === 'done').length
	const measured = indicators.filter((indicator) => indicator.tags.includes(tag))
	const withTarget = measured.filter((indicator) => indicator.target !== null)
	let state: CommitmentState
	if (counted.length === 0 && measured.length === 0) {
		state = 'untracked'
	} else if (done === counted.length && withTarget.every((indicator) => indicator.status === 'reached') && (counted.length > 0 || withTarget.length > 0)) {
		state = 'reached'
	} else if (counted.some((task) => task.status === 'done' || task.status === 'in_progress') || measured.some((indicator) => indicator.latest)) {
		state = 'in_progress'
	} else {
		state = 'not_started'
	}
	return {
		tag,
		state,
		counted: counted.length,
		done,
		tasks: tagged.map((task) => ({ id: task.id, title: task.title, status: task.status })),
		indicators: measured.map((indicator) => ({ id: indicator.id, name: indicator.name, status: indicator.status, latest: indicator.latest?.value ?? null, target: indicator.target })),
	}
}

function pacteStanding(tasks: TaggedTasks, indicators: IndicatorReport[]): PacteStanding {
	const levels = PACTE_LEVELS.map((level) => ({ level, ...commitmentPart(`pacte-${level}`, tasks, indicators) }))
	const firstMissing = levels.findIndex((part) => part.state !== 'reached')
	return { level: (firstMissing === -1 ? levels.length : firstMissing) as PacteStanding['level'], levels }
}

function tnlStanding(tasks: TaggedTasks, indicators: IndicatorReport[]): TnlStanding {
	const label = indicators.find((indicator) => indicator.tags.includes('tnl-label') && indicator.latest)
	const value = label?.latest?.value
	return {
		held: label && value !== undefined
			? { value, name: TNL_LEVEL_NAMES[value] ?? null, date: label.latest!.date, target: label.target, indicatorId: label.id }
			: null,
		application: tasks.filter((entry) => entry.tags.includes('tnl-label')).map(({ task }) => ({ id: task.id, title: task.title, status: task.status })),
		axes: TNL_AXES.map((axis) => ({ axis, ...commitmentPart(`tnl-${axis}`, tasks, indicators) })),
	}
}

// ---- milestones -----------------------------------------------------------------

export interface PhaseMilestone {
	phaseId: string
	title: string
	end: IsoDate
	percent: number | null
	/** Ended before today with tasks still to do. */
	late: boolean
}

export interface TaskMilestone {
	taskId: string
	title: string
	due: IsoDate
	status: TaskStatus
	phaseId: string | null
	assignees: string[]
}

export interface Milestones {
	/** Phases ending from today on, then those already ended with work left, by end date. */
	phaseEnds: PhaseMilestone[]
	/** Open tasks due before today, oldest due date first. */
	overdue: TaskMilestone[]
	/** Open tasks due from today to `horizon` included. */
	dueSoon: TaskMilestone[]
	horizon: IsoDate
}

function milestones(roadmap: Roadmap, today: IsoDate, horizonDays: number): Milestones {
	const progress = new Map(roadmapProgress(roadmap).phases.map((phase) => [phase.phaseId, phase]))
	const phaseEnds = roadmap.phases
		.filter((phase): phase is typeof phase & { end: IsoDate } => dayNumber(phase.end) !== null)
		.map((phase) => {
			const done = progress.get(phase.id)!
			return { phaseId: phase.id, title: phase.title, end: phase.end, percent: done.percent, late: phase.end < today && done.counted > done.counts.done }
		})
		.filter((phase) => phase.end >= today || phase.late)
		.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0))
	const horizon = addDays(today, horizonDays)
	const row = (task: Task): TaskMilestone => ({ taskId: task.id, title: task.title, due: task.due!, status: task.status, phaseId: task.phase, assignees: task.assignees })
	const byDue = (a: TaskMilestone, b: TaskMilestone) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.taskId < b.taskId ? -1 : 1)
	const open = roadmap.tasks.filter((task) => dayNumber(task.due) !== null)
	return {
		phaseEnds,
		overdue: open.filter((task) => isOverdue(task, today)).map(row).sort(byDue),
		dueSoon: open.filter((task) => task.due! >= today && task.due! <= horizon && task.status !== 'done' && task.status !== 'dropped').map(row).sort(byDue),
		horizon,
	}
}

// ---- the report -----------------------------------------------------------------

export interface ReplacementSummary {
	rows: ReplacementRow[]
	counts: Record<MigrationStatus, number>
	countsAtStart: Record<MigrationStatus, number>
}

export interface CouncilReport {
	title: string
	commune: string
	period: ReportPeriod
	/** The day the report is dated: overdue and due-soon tasks are counted from it. */
	today: IsoDate
	/**
	 * False when the period starts before the oldest moment the history still
	 * holds (older changes were folded into a snapshot) and no `startRoadmap`
	 * was given: the start figures are then those of that moment, `startAt`,
	 * and the activity only what the history still tells.
	 */
	startExact: boolean
	startAt: string
	progress: { overall: ProgressChange, phases: PhaseProgressChange[] }
	activity: PhaseActivity[]
	indicators: IndicatorReport[]
	replacements: ReplacementSummary
	pacte: PacteStanding
	tnl: TnlStanding
	milestones: Milestones
}

export interface ReportOptions {
	/** The report's date (YYYY-MM-DD, the commune's calendar day); default: the day `period.to` falls on in UTC. */
	today?: IsoDate
	/** How far ahead a due date counts in "due soon"; default: the period's length in days, at least 30. */
	horizonDays?: number
	/**
	 * The roadmap at the start of the period when the history does not reach
	 * back that far, read elsewhere (a Nextcloud version of the readable file).
	 */
	startRoadmap?: Roadmap
}

const DAY_MS = 86_400_000

/** The roadmap as the changes before each instant made it, from one copy of the start (copying is the slow part). */
function roadmapsAtInstants(history: RoadmapHistory, instants: string[]): Roadmap[] {
	const state = cloneState(history.start)
	const times = history.changes.map((change) => Date.parse(change.at))
	return instants.map((instant) => {
		const time = Date.parse(instant)
		// Changes already applied are skipped: each call adds only the newer ones.
		applyChanges(state, history.changes.filter((_, i) => times[i] < time))
		return materialize(state)
	})
}

function migrationCounts(rows: ReplacementRow[]): Record<MigrationStatus, number> {
	const counts: Record<MigrationStatus, number> = { todo: 0, in_progress: 0, blocked: 0, done: 0, dropped: 0 }
	for (const row of rows) {
		counts[row.status]++
	}
	return counts
}

export function councilReport(history: RoadmapHistory, period: ReportPeriod, options: ReportOptions = {}): CouncilReport {
	const from = Date.parse(period.from)
	const to = Date.parse(period.to)
	if (Number.isNaN(from) || Number.isNaN(to) || from > to) {
		throw new RangeError(`not a period: ${period.from} – ${period.to}`)
	}
	const reached = history.complete || from >= Date.parse(history.startAt)
	const [atFrom, after] = roadmapsAtInstants(history, [period.from, period.to])
	const before = !reached && options.startRoadmap ? options.startRoadmap : atFrom
	const startExact = reached || options.startRoadmap !== undefined
	const today = options.today ?? new Date(to).toISOString().slice(0, 10)
	const fromDay = new Date(from).toISOString().slice(0, 10)
	const horizonDays = options.horizonDays ?? Math.max(30, Math.round((to - from) / DAY_MS))

	const progressBefore = roadmapProgress(before)
	const progressAfter = roadmapProgress(after)
	const phasesBefore = new Map(progressBefore.phases.map((phase) => [phase.phaseId, phase]))
	const phaseDates = new Map(after.phases.map((phase) => [phase.id, phase]))
	const phases = progressAfter.phases.map((phase): PhaseProgressChange => ({
		phaseId: phase.phaseId,
		title: phase.title,
		start: phase.phaseId === null ? null : phaseDates.get(phase.phaseId)!.start,
		end: phase.phaseId === null ? null : phaseDates.get(phase.phaseId)!.end,
		...progressChange(phasesBefore.get(phase.phaseId) ?? emptyProgress(), phase),
	}))

	const targetDate = timelineOf(after, today).end
	const indicators = after.indicators.map((indicator) => indicatorReport(indicator, fromDay, today, targetDate))
	const inPeriod = history.changes.filter((change) => {
		const at = Date.parse(change.at)
		return at >= from && at < to
	})
	const rows = replacementRows(after)
	const tagged = after.tasks.map((task) => ({ task, tags: taskTags(task) }))
	return {
		title: after.title,
		commune: after.commune,
		period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
		today,
		startExact,
		startAt: startExact ? new Date(from).toISOString() : history.startAt,
		progress: { overall: progressChange(progressBefore.overall, progressAfter.overall), phases },
		activity: activityByPhase(after, inPeriod),
		indicators,
		replacements: { rows, counts: migrationCounts(rows), countsAtStart: migrationCounts(replacementRows(before)) },
		pacte: pacteStanding(tagged, indicators),
		tnl: tnlStanding(tagged, indicators),
		milestones: milestones(after, today, horizonDays),
	}
}
