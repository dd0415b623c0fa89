/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/**
 * Shaping a roadmap: its title, commune and description, its phases,
 * indicators and their measurements, categories and departments. Each edit
 * is checked against the roadmap as it stands and gives the field-level
 * operations of a change file, so that two people editing different phases,
 * or different fields of one phase, never overwrite each other. Failures are
 * kinds, not sentences: the app and the command line each say them in their
 * own words and language.
 */

import type { Department, Indicator, IsoDate, Measurement, Phase, Roadmap } from './model.ts'
import type { Operation } from './storageFormat.ts'

import * as v from 'valibot'
import { orderBetween } from './board.ts'
import { applyChanges, materialize, stateFromRoadmap } from './crdt.ts'
import { idSchema, isValidDate, MAX_SHORT_TEXT, MAX_TEXT } from './schema.ts'

export type StructureErrorKind
	/** A title, name or label left empty. */
	= | 'empty'
		| 'too-long'
		| 'invalid-date'
		| 'end-before-start'
		| 'invalid-number'
		| 'invalid-id'
		| 'duplicate-id'
		| 'unknown-phase'
		| 'unknown-indicator'
		| 'unknown-measurement'
		| 'unknown-category'
		| 'unknown-department'
		| 'unknown-task'
	/** Removing a phase that holds tasks needs another phase to move them to. */
		| 'phase-has-tasks'
	/** The phase the tasks would move to is the one removed. */
		| 'same-phase'

export interface StructureError {
	kind: StructureErrorKind
	/** The field concerned (`title`, `end`, `target`…), when one is. */
	field?: string
	/** The id concerned (an unknown or duplicate one), when one is. */
	id?: string
}

/** The operations of an edit (none when it changes nothing), or why it cannot be made. */
export type StructureEdit = { ok: true, ops: Operation[] } | { ok: false, error: StructureError }

class Refusal extends Error {
	constructor(readonly error: StructureError) {
		super(error.kind)
	}
}

function refuse(kind: StructureErrorKind, details: Omit<StructureError, 'kind'> = {}): never {
	throw new Refusal({ kind, ...details })
}

/** Runs an edit, turning a refusal into its error. */
function edit(build: () => Operation[]): StructureEdit {
	try {
		return { ok: true, ops: build() }
	} catch (error) {
		if (error instanceof Refusal) {
			return { ok: false, error: error.error }
		}
		throw error
	}
}

// ---- checks -----------------------------------------------------------------------

function label(value: string, field: string): string {
	const text = value.trim()
	if (text === '') {
		refuse('empty', { field })
	}
	if (text.length > MAX_SHORT_TEXT) {
		refuse('too-long', { field })
	}
	return text
}

function longText(value: string, field: string): string {
	if (value.length > MAX_TEXT) {
		refuse('too-long', { field })
	}
	return value
}

function optionalShortText(value: string, field: string): string {
	if (value.length > MAX_SHORT_TEXT) {
		refuse('too-long', { field })
	}
	return value.trim()
}

function date(value: IsoDate | null, field: string): IsoDate | null {
	if (value !== null && !isValidDate(value)) {
		refuse('invalid-date', { field })
	}
	return value
}

function dateRange(start: IsoDate | null, end: IsoDate | null): void {
	date(start, 'start')
	date(end, 'end')
	if (start !== null && end !== null && end < start) {
		refuse('end-before-start', { field: 'end' })
	}
}

function number(value: number | null, field: string): number | null {
	if (value !== null && !Number.isFinite(value)) {
		refuse('invalid-number', { field })
	}
	return value
}

function newEntityId(id: string, existing: ReadonlyArray<{ id: string }>): string {
	if (!v.is(idSchema, id)) {
		refuse('invalid-id', { id })
	}
	if (existing.some((item) => item.id === id)) {
		refuse('duplicate-id', { id })
	}
	return id
}

function find<T extends { id: string }>(items: readonly T[], id: string, kind: StructureErrorKind): T {
	return items.find((item) => item.id === id) ?? refuse(kind, { id })
}

/** `set` operations for the fields whose value changes. */
function setFields(path: string, before: object, after: Record<string, unknown>): Operation[] {
	return Object.entries(after)
		.filter(([field, value]) => value !== undefined && JSON.stringify((before as Record<string, unknown>)[field] ?? null) !== JSON.stringify(value))
		.map(([field, value]) => ({ op: 'set', path: path ? `${path}/${field}` : field, value }))
}

// ---- the roadmap's own fields --------------------------------------------------------

export interface RoadmapFieldsPatch {
	title?: string
	commune?: string
	description?: string
}

export function editRoadmapFields(roadmap: Roadmap, patch: RoadmapFieldsPatch): StructureEdit {
	return edit(() => {
		const after = {
			title: patch.title === undefined ? undefined : label(patch.title, 'title'),
			commune: patch.commune === undefined ? undefined : label(patch.commune, 'commune'),
			description: patch.description === undefined ? undefined : longText(patch.description, 'description'),
		}
		return setFields('', roadmap, after)
	})
}

// ---- phases ---------------------------------------------------------------------

function phasesInOrder(roadmap: Roadmap): Phase[] {
	return [...roadmap.phases].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
}

export interface NewPhase {
	id: string
	title: string
	description?: string
	start?: IsoDate | null
	end?: IsoDate | null
}

/** Adds a phase after the last one. */
export function addPhase(roadmap: Roadmap, phase: NewPhase): StructureEdit {
	return edit(() => {
		const start = phase.start ?? null
		const end = phase.end ?? null
		dateRange(start, end)
		const last = phasesInOrder(roadmap).at(-1)
		const value: Phase = {
			id: newEntityId(phase.id, roadmap.phases),
			order: last ? Math.floor(last.order) + 1 : 1,
			title: label(phase.title, 'title'),
			description: longText(phase.description ?? '', 'description'),
			start,
			end,
		}
		return [{ op: 'add', path: `phases/${value.id}`, value: { ...value } }]
	})
}

export interface PhasePatch {
	title?: string
	description?: string
	start?: IsoDate | null
	end?: IsoDate | null
}

/** Renames, describes or re-dates a phase; the end may not come before the start. */
export function editPhase(roadmap: Roadmap, id: string, patch: PhasePatch): StructureEdit {
	return edit(() => {
		const phase = find(roadmap.phases, id, 'unknown-phase')
		const start = patch.start === undefined ? phase.start : patch.start
		const end = patch.end === undefined ? phase.end : patch.end
		dateRange(start, end)
		return setFields(`phases/${id}`, phase, {
			title: patch.title === undefined ? undefined : label(patch.title, 'title'),
			description: patch.description === undefined ? undefined : longText(patch.description, 'description'),
			start: patch.start,
			end: patch.end,
		})
	})
}

/**
 * Moves a phase to a position (0: first) among the phases. Only the moved
 * phase's order changes, to a value between its new neighbours', so that two
 * people reordering different phases do not undo each other; all are
 * renumbered only when there is no room left between two orders.
 */
export function movePhase(roadmap: Roadmap, id: string, position: number): StructureEdit {
	return edit(() => {
		const phase = find(roadmap.phases, id, 'unknown-phase')
		const others = phasesInOrder(roadmap).filter((p) => p.id !== id)
		const index = Math.max(0, Math.min(others.length, Math.trunc(position)))
		const current = phasesInOrder(roadmap).findIndex((p) => p.id === id)
		if (current === index) {
			return []
		}
		const order = orderBetween(others[index - 1]?.order, others[index]?.order)
		if (order !== null) {
			return [{ op: 'set', path: `phases/${id}/order`, value: order }]
		}
		const sequence = [...others.slice(0, index), phase, ...others.slice(index)]
		return sequence.flatMap((p, i) => (p.order === i + 1 ? [] : [{ op: 'set' as const, path: `phases/${p.id}/order`, value: i + 1 }]))
	})
}

/**
 * Removes a phase. Its tasks move to `moveTasksTo`, which is required when it
 * has any: a task is never left without its phase by surprise.
 */
export function removePhase(roadmap: Roadmap, id: string, moveTasksTo: string | null): StructureEdit {
	return edit(() => {
		find(roadmap.phases, id, 'unknown-phase')
		const tasks = roadmap.tasks.filter((task) => task.phase === id)
		if (moveTasksTo !== null) {
			if (moveTasksTo === id) {
				refuse('same-phase', { id })
			}
			find(roadmap.phases, moveTasksTo, 'unknown-phase')
		} else if (tasks.length > 0) {
			refuse('phase-has-tasks', { id })
		}
		return [
			...tasks.map((task): Operation => ({ op: 'set', path: `tasks/${task.id}/phase`, value: moveTasksTo })),
			{ op: 'remove', path: `phases/${id}` },
		]
	})
}

// ---- indicators and measurements ---------------------------------------------------

export interface IndicatorFields {
	name: string
	unit: string
	target: number | null
	targetDate: IsoDate | null
	baseline: number | null
}

function checkedIndicatorFields(patch: Partial<IndicatorFields>): Partial<IndicatorFields> {
	return {
		name: patch.name === undefined ? undefined : label(patch.name, 'name'),
		unit: patch.unit === undefined ? undefined : optionalShortText(patch.unit, 'unit'),
		target: patch.target === undefined ? undefined : number(patch.target, 'target'),
		targetDate: patch.targetDate === undefined ? undefined : date(patch.targetDate, 'targetDate'),
		baseline: patch.baseline === undefined ? undefined : number(patch.baseline, 'baseline'),
	}
}

export function addIndicator(roadmap: Roadmap, indicator: { id: string, name: string } & Partial<IndicatorFields>): StructureEdit {
	return edit(() => {
		const fields = checkedIndicatorFields(indicator)
		const value: Indicator = {
			id: newEntityId(indicator.id, roadmap.indicators),
			name: fields.name!,
			unit: fields.unit ?? '',
			target: fields.target ?? null,
			targetDate: fields.targetDate ?? null,
			baseline: fields.baseline ?? null,
			measurements: [],
		}
		return [{ op: 'add', path: `indicators/${value.id}`, value: { ...value } }]
	})
}

/** Changes an indicator's name, unit, target, target date or baseline. */
export function editIndicator(roadmap: Roadmap, id: string, patch: Partial<IndicatorFields>): StructureEdit {
	return edit(() => {
		const indicator = find(roadmap.indicators, id, 'unknown-indicator')
		const before = { targetDate: null, baseline: null, ...indicator }
		return setFields(`indicators/${id}`, before, { ...checkedIndicatorFields(patch) })
	})
}

export function removeIndicator(roadmap: Roadmap, id: string): StructureEdit {
	return edit(() => {
		find(roadmap.indicators, id, 'unknown-indicator')
		return [{ op: 'remove', path: `indicators/${id}` }]
	})
}

export type MeasurementFields = Omit<Measurement, 'id'>

function checkedMeasurementFields(patch: Partial<MeasurementFields>): Partial<MeasurementFields> {
	if (patch.date !== undefined && (patch.date === null || !isValidDate(patch.date))) {
		refuse('invalid-date', { field: 'date' })
	}
	return {
		date: patch.date,
		value: patch.value === undefined ? undefined : number(patch.value, 'value')!,
		note: patch.note === undefined ? undefined : optionalShortText(patch.note, 'note'),
	}
}

export function addMeasurement(roadmap: Roadmap, indicatorId: string, measurement: { id: string, date: IsoDate, value: number, note?: string }): StructureEdit {
	return edit(() => {
		const indicator = find(roadmap.indicators, indicatorId, 'unknown-indicator')
		const fields = checkedMeasurementFields(measurement)
		const value: Measurement = { id: newEntityId(measurement.id, indicator.measurements), date: fields.date!, value: fields.value!, note: fields.note ?? '' }
		return [{ op: 'add', path: `indicators/${indicatorId}/measurements/${value.id}`, value: { ...value } }]
	})
}

export function editMeasurement(roadmap: Roadmap, indicatorId: string, measurementId: string, patch: Partial<MeasurementFields>): StructureEdit {
	return edit(() => {
		const indicator = find(roadmap.indicators, indicatorId, 'unknown-indicator')
		const measurement = find(indicator.measurements, measurementId, 'unknown-measurement')
		return setFields(`indicators/${indicatorId}/measurements/${measurementId}`, measurement, { ...checkedMeasurementFields(patch) })
	})
}

export function removeMeasurement(roadmap: Roadmap, indicatorId: string, measurementId: string): StructureEdit {
	return edit(() => {
		const indicator = find(roadmap.indicators, indicatorId, 'unknown-indicator')
		find(indicator.measurements, measurementId, 'unknown-measurement')
		return [{ op: 'remove', path: `indicators/${indicatorId}/measurements/${measurementId}` }]
	})
}

// ---- categories and departments -------------------------------------------------------

type LabelledCollection = 'categories' | 'departments'

const UNKNOWN: Record<LabelledCollection, StructureErrorKind> = { categories: 'unknown-category', departments: 'unknown-department' }

function addLabelled(roadmap: Roadmap, collection: LabelledCollection, item: Department): StructureEdit {
	return edit(() => {
		const value = { id: newEntityId(item.id, roadmap[collection]), label: label(item.label, 'label') }
		return [{ op: 'add', path: `${collection}/${value.id}`, value }]
	})
}

function renameLabelled(roadmap: Roadmap, collection: LabelledCollection, id: string, newLabel: string): StructureEdit {
	return edit(() => setFields(`${collection}/${id}`, find(roadmap[collection], id, UNKNOWN[collection]), { label: label(newLabel, 'label') }))
}

export const addCategory = (roadmap: Roadmap, category: { id: string, label: string }) => addLabelled(roadmap, 'categories', category)
export const renameCategory = (roadmap: Roadmap, id: string, newLabel: string) => renameLabelled(roadmap, 'categories', id, newLabel)

/** Removes a category; its tasks keep working, without a category. */
export function removeCategory(roadmap: Roadmap, id: string): StructureEdit {
	return edit(() => {
		find(roadmap.categories, id, 'unknown-category')
		return [
			...roadmap.tasks.filter((task) => task.category === id).map((task): Operation => ({ op: 'set', path: `tasks/${task.id}/category`, value: null })),
			{ op: 'remove', path: `categories/${id}` },
		]
	})
}

export const addDepartment = (roadmap: Roadmap, department: { id: string, label: string }) => addLabelled(roadmap, 'departments', department)
export const renameDepartment = (roadmap: Roadmap, id: string, newLabel: string) => renameLabelled(roadmap, 'departments', id, newLabel)

/** Removes a department, and takes it off the tasks that named it. */
export function removeDepartment(roadmap: Roadmap, id: string): StructureEdit {
	return edit(() => {
		find(roadmap.departments, id, 'unknown-department')
		return [
			...roadmap.tasks.filter((task) => task.departments.includes(id))
				.map((task): Operation => ({ op: 'set', path: `tasks/${task.id}/departments`, value: task.departments.filter((d) => d !== id) })),
			{ op: 'remove', path: `departments/${id}` },
		]
	})
}

/** Sets the departments a task concerns (none, one or several), each a department of the roadmap. */
export function setTaskDepartments(roadmap: Roadmap, taskId: string, departments: readonly string[]): StructureEdit {
	return edit(() => {
		const task = find(roadmap.tasks, taskId, 'unknown-task')
		for (const id of departments) {
			find(roadmap.departments, id, 'unknown-department')
		}
		const value = [...new Set(departments)].sort()
		return setFields(`tasks/${taskId}`, { departments: [...task.departments].sort() }, { departments: value })
	})
}

/** The roadmap with an edit's operations applied, as every reader will compute it. */
export function applyEdit(roadmap: Roadmap, ops: Operation[]): Roadmap {
	const state = stateFromRoadmap(roadmap)
	applyChanges(state, [{ format: 'degooglisation-change', version: 1, writer: 'preview', seq: 1, clock: 1, author: '', at: new Date(0).toISOString(), seen: {}, ops }])
	return materialize(state)
}
