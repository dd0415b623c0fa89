/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The task board: which tasks a filter keeps, the status columns, and where a
 * moved card goes. Framework-free, so that the Vue board stays thin and the
 * rules are tested here.
 */

import type { Category, IsoDate, Phase, Task, TaskStatus } from './model.ts'

import { TASK_STATUSES } from './model.ts'

/** In the assignee filter, stands for the current user. */
export const ME = 'me'

/** In the department filter, stands for the tasks of no department (not a valid id, so no department is called so). */
export const NO_DEPARTMENT = '-'

/** How many days ahead a due date counts as "soon". */
export const DUE_SOON_DAYS = 14

export type DueFilter = 'soon' | 'overdue' | null

/** Filters combine with AND; an empty list or text keeps everything. */
export interface BoardFilter {
	phases: string[]
	categories: string[]
	/** Tasks concerning any of these departments; NO_DEPARTMENT stands for tasks that concern none. */
	departments: string[]
	/** User ids or cloud ids; may include ME. */
	assignees: string[]
	due: DueFilter
	text: string
}

export interface FilterContext {
	/** The current user's id, which ME stands for; null when unknown (ME then matches nobody). */
	me: string | null
	today: IsoDate
	/** To search category labels as well as ids. */
	categories?: readonly Category[]
}

export function emptyFilter(): BoardFilter {
	return { phases: [], categories: [], departments: [], assignees: [], due: null, text: '' }
}

export function isFilterEmpty(filter: BoardFilter): boolean {
	return !filter.phases.length && !filter.categories.length && !filter.departments.length && !filter.assignees.length && !filter.due && !filter.text.trim()
}

const CLOSED: readonly TaskStatus[] = ['done', 'dropped']

/** Due before today and still to be done. */
export function isOverdue(task: Task, today: IsoDate): boolean {
	return task.due !== null && task.due < today && !CLOSED.includes(task.status)
}

/** Due today or within DUE_SOON_DAYS days and still to be done. */
export function isDueSoon(task: Task, today: IsoDate): boolean {
	return task.due !== null && task.due >= today && task.due <= addDays(today, DUE_SOON_DAYS) && !CLOSED.includes(task.status)
}

export function addDays(date: IsoDate, days: number): IsoDate {
	const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000
	return new Date(time).toISOString().slice(0, 10)
}

/** Lower case without accents, so that "écoles" finds "ECOLES". */
export function foldText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

// Folding 5,000 descriptions at each keystroke would be slow; edits replace task objects, so caching by object stays right.
const foldedCache = new WeakMap<Task, { categoryLabel: string, folded: string }>()

function foldedTask(task: Task, categoryLabel: string): string {
	const cached = foldedCache.get(task)
	if (cached && cached.categoryLabel === categoryLabel) {
		return cached.folded
	}
	const folded = foldText([task.title, task.description, task.category ?? '', categoryLabel, ...task.assignees].join('\n'))
	foldedCache.set(task, { categoryLabel, folded })
	return folded
}

export function filterTasks(tasks: readonly Task[], filter: BoardFilter, context: FilterContext): Task[] {
	// The filter may be a reactive proxy: read once here, not once per task.
	const phases = new Set(filter.phases)
	const categories = new Set(filter.categories)
	const departments = new Set(filter.departments)
	const byAssignee = filter.assignees.length > 0
	const assignees = new Set(filter.assignees.map((a) => (a === ME ? context.me : a)).filter((a): a is string => a !== null))
	const due = filter.due
	const words = foldText(filter.text).split(/\s+/).filter(Boolean)
	if (!phases.size && !categories.size && !departments.size && !byAssignee && !due && !words.length) {
		return [...tasks]
	}
	const labels = new Map((context.categories ?? []).map((c) => [c.id, c.label]))
	const { today } = context
	return tasks.filter((task) => {
		if (phases.size && !phases.has(task.phase ?? '')) {
			return false
		}
		if (categories.size && !categories.has(task.category ?? '')) {
			return false
		}
		if (departments.size && !(task.departments.length ? task.departments.some((d) => departments.has(d)) : departments.has(NO_DEPARTMENT))) {
			return false
		}
		if (byAssignee && !task.assignees.some((a) => assignees.has(a))) {
			return false
		}
		if (due === 'overdue' && !isOverdue(task, today)) {
			return false
		}
		if (due === 'soon' && !isDueSoon(task, today)) {
			return false
		}
		if (words.length) {
			const haystack = foldedTask(task, task.category ? labels.get(task.category) ?? '' : '')
			if (!words.every((word) => haystack.includes(word))) {
				return false
			}
		}
		return true
	})
}

export function isSameFilter(a: BoardFilter, b: BoardFilter): boolean {
	const sameList = (x: string[], y: string[]) => x.length === y.length && x.every((item, i) => item === y[i])
	return sameList(a.phases, b.phases) && sameList(a.categories, b.categories) && sameList(a.departments, b.departments)
		&& sameList(a.assignees, b.assignees) && a.due === b.due && a.text === b.text
}

/**
 * Whether `next` keeps only tasks that `previous` keeps: the same filter but
 * for a search whose every word is found inside one of the new words (typing
 * further), so that filtering what `previous` kept gives the same result.
 */
export function narrows(previous: BoardFilter, next: BoardFilter): boolean {
	if (!isSameFilter({ ...previous, text: next.text }, next)) {
		return false
	}
	const words = foldText(next.text).split(/\s+/).filter(Boolean)
	return foldText(previous.text).split(/\s+/).filter(Boolean).every((word) => words.some((longer) => longer.includes(word)))
}

/** Board order: by `order`, then by id so that equal orders still sort the same everywhere. */
export function compareCards(a: Task, b: Task): number {
	return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export interface BoardColumn {
	status: TaskStatus
	tasks: Task[]
}

/**
 * One column per status, in TASK_STATUSES order, cards in board order. Given
 * the columns of the roadmap before an edit, a column still holding the same
 * task objects is returned as it was: edits replace the objects they change,
 * so its order holds, and what shows it need not be drawn again.
 */
export function boardColumns(tasks: readonly Task[], previous: readonly BoardColumn[] = []): BoardColumn[] {
	const byStatus = new Map<TaskStatus, Task[]>(TASK_STATUSES.map((s) => [s, []]))
	for (const task of tasks) {
		byStatus.get(task.status)?.push(task)
	}
	return TASK_STATUSES.map((status) => {
		const members = byStatus.get(status)!
		const before = previous.find((column) => column.status === status)
		return before && holdsSameTasks(before.tasks, members) ? before : { status, tasks: members.sort(compareCards) }
	})
}

function holdsSameTasks(column: readonly Task[], members: readonly Task[]): boolean {
	if (column.length !== members.length) {
		return false
	}
	const held = new Set(column)
	return members.every((task) => held.has(task))
}

export interface PhaseGroup {
	/** null for tasks without a phase (or whose phase no longer exists). */
	phase: Phase | null
	tasks: Task[]
}

/** Tasks by phase, phases in their order then unphased tasks; empty groups left out; order within a group kept. */
export function groupByPhase(tasks: readonly Task[], phases: readonly Phase[]): PhaseGroup[] {
	const sorted = [...phases].sort((a, b) => a.order - b.order)
	const groups = new Map<string | null, Task[]>([...sorted.map((p) => [p.id, []] as [string, Task[]]), [null, []]])
	for (const task of tasks) {
		(groups.get(task.phase) ?? groups.get(null)!).push(task)
	}
	return [...sorted, null]
		.map((phase) => ({ phase, tasks: groups.get(phase?.id ?? null)! }))
		.filter((group) => group.tasks.length > 0)
}

/**
 * An order between two neighbours' (either may be missing at an end of the
 * column), or null when doubles leave no room between them: the caller then renumbers.
 */
export function orderBetween(before?: number, after?: number): number | null {
	if (before === undefined && after === undefined) {
		return 1
	}
	if (before === undefined) {
		return after! - 1
	}
	if (after === undefined) {
		return before + 1
	}
	if (!(before < after)) {
		return null
	}
	const middle = before + (after - before) / 2
	return middle > before && middle < after ? middle : null
}

/** Orders 1, 2, 3… for tasks in the given sequence. */
export function renumber(sequence: readonly Task[]): Map<string, number> {
	return new Map(sequence.map((task, i) => [task.id, i + 1]))
}

export interface Placement {
	order: number
	/** New orders for the whole column when there was no room; null otherwise. */
	renumbered: Map<string, number> | null
}

/**
 * Where the task `movingId` goes when put just before `beforeId` (or at the
 * end when null) in `column`: all the tasks of the target status, whatever
 * the filters hide, so that hidden cards keep their relative order.
 */
export function placeBefore(column: readonly Task[], movingId: string, beforeId: string | null): Placement {
	const others = column.filter((t) => t.id !== movingId).sort(compareCards)
	const index = beforeId === null ? others.length : Math.max(0, others.findIndex((t) => t.id === beforeId))
	const order = orderBetween(others[index - 1]?.order, others[index]?.order)
	if (order !== null) {
		return { order, renumbered: null }
	}
	const moving = column.find((t) => t.id === movingId) ?? ({ id: movingId } as Task)
	const renumbered = renumber([...others.slice(0, index), moving, ...others.slice(index)])
	return { order: renumbered.get(movingId)!, renumbered }
}

/** Like placeBefore, just after `afterId`. */
export function placeAfter(column: readonly Task[], movingId: string, afterId: string): Placement {
	const others = column.filter((t) => t.id !== movingId).sort(compareCards)
	const next = others[others.findIndex((t) => t.id === afterId) + 1]
	return placeBefore(column, movingId, next?.id ?? null)
}

/**
 * Phase stripe colours, mid-tones that keep at least 3:1 against both the
 * light and the dark Nextcloud backgrounds. The phase's name is always written
 * too: colour never carries the meaning alone.
 */
export const PHASE_PALETTE = ['#0082c9', '#2e8540', '#8e44ad', '#c05600', '#00838f', '#b5338a', '#8d6e3f', '#5c6bc0'] as const

/** A palette index that depends only on the phase id, so a phase keeps its colour when others are added or reordered. */
export function phaseColourIndex(phaseId: string): number {
	let hash = 2166136261
	for (let i = 0; i < phaseId.length; i++) {
		hash = Math.imul(hash ^ phaseId.charCodeAt(i), 16777619)
	}
	return (hash >>> 0) % PHASE_PALETTE.length
}
