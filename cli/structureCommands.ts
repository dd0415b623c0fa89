/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/**
 * The commands that shape a roadmap: its own fields, phases, indicators and
 * their measurements, categories and departments. Each checks the edit with
 * the domain (src/domain/structure.ts) and writes its field-level operations
 * as one change file, so that it never undoes what someone else changed
 * meanwhile; refusals come back as kinds, told here in the tool's words.
 */

import type { IsoDate, Roadmap } from '../src/domain/model.ts'
import type { IndicatorFields, MeasurementFields, PhasePatch, StructureEdit, StructureError } from '../src/domain/structure.ts'
import type { Command, CommandContext } from './commands.ts'

import { idFromLabel, newWriterId } from '../src/domain/ids.ts'
import { readNumber } from '../src/domain/overview.ts'
import { departmentProgress, roadmapProgress } from '../src/domain/progress.ts'
import { isValidDate } from '../src/domain/schema.ts'
import {
	addCategory,
	addDepartment,
	addIndicator,
	addMeasurement,
	addPhase,
	applyEdit,
	editIndicator,
	editMeasurement,
	editPhase,
	editRoadmapFields,
	movePhase,
	removeCategory,
	removeDepartment,
	removeIndicator,
	removeMeasurement,
	removePhase,
	renameCategory,
	renameDepartment,
	setTaskDepartments,
} from '../src/domain/structure.ts'
import { loadRoadmap, updateRoadmap } from './commands.ts'
import { InputError, UsageError } from './errors.ts'

const ERROR_TEXT: Record<StructureError['kind'], (e: StructureError) => string> = {
	empty: (e) => `${e.field} cannot be empty`,
	'too-long': (e) => `${e.field} is too long`,
	'invalid-date': (e) => `${e.field}: not a date (expected YYYY-MM-DD)`,
	'end-before-start': () => 'the end comes before the start',
	'invalid-number': (e) => `${e.field}: not a number`,
	'invalid-id': (e) => `not a valid id: "${e.id}" (letters, digits, _ . : -, at most 100 characters)`,
	'duplicate-id': (e) => `"${e.id}" is taken already`,
	'unknown-phase': (e) => `no phase "${e.id}" in this roadmap`,
	'unknown-indicator': (e) => `no indicator "${e.id}" in this roadmap`,
	'unknown-measurement': (e) => `no measurement "${e.id}" for this indicator`,
	'unknown-category': (e) => `no category "${e.id}" in this roadmap`,
	'unknown-department': (e) => `no department "${e.id}" in this roadmap`,
	'unknown-task': (e) => `no task "${e.id}" in this roadmap`,
	'phase-has-tasks': (e) => `phase "${e.id}" holds tasks: say where they go with --move-tasks-to <phase-id>`,
	'same-phase': () => 'the tasks cannot move to the phase being removed',
}

/**
 * Opens the roadmap, makes the edit against it and saves it as one change
 * file, through the command line's one write path. Returns the roadmap after
 * the edit and whether anything was written.
 */
function applyStructureEdit(context: CommandContext, make: (roadmap: Roadmap) => StructureEdit): Promise<{ roadmap: Roadmap, written: boolean }> {
	return updateRoadmap(context, (draft) => {
		const result = make(draft)
		if (!result.ok) {
			throw new InputError(ERROR_TEXT[result.error.kind](result.error))
		}
		return applyEdit(draft, result.ops)
	})
}

const text = (context: CommandContext, name: string) => context.options[name] as string | undefined

/** `none` clears a date. */
function dateOption(context: CommandContext, name: string): IsoDate | null | undefined {
	const value = text(context, name)
	if (value === undefined) {
		return undefined
	}
	if (value === 'none') {
		return null
	}
	if (!isValidDate(value)) {
		throw new InputError(`--${name}: not a date (expected YYYY-MM-DD, or none): ${value}`)
	}
	return value
}

/** `none` clears a number; `12,5` and `12.5` both read. */
function numberOption(context: CommandContext, name: string): number | null | undefined {
	const value = text(context, name)
	if (value === undefined || value === 'none') {
		return value === undefined ? undefined : null
	}
	const number = readNumber(value)
	if (number === null) {
		throw new InputError(`--${name}: not a number: ${value}`)
	}
	return number
}

function requireSome(context: CommandContext, command: string, names: string[]): void {
	if (!names.some((name) => context.options[name] !== undefined)) {
		throw new UsageError(`give at least one of ${names.map((n) => `--${n}`).join(', ')}`, command)
	}
}

function dates(start: string | null, end: string | null): string {
	return start || end ? ` (${start ?? '…'} → ${end ?? '…'})` : ''
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)))
	return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

const percent = (value: number | null) => (value === null ? '—' : `${value} %`)

const idOption = { id: { type: 'string' as const, value: 'id', help: 'the new id (default: made from the name)' } }
const dateOptions = {
	start: { type: 'string' as const, value: 'YYYY-MM-DD|none', help: 'when it starts' },
	end: { type: 'string' as const, value: 'YYYY-MM-DD|none', help: 'when it ends (not before the start)' },
}
const indicatorOptions = {
	unit: { type: 'string' as const, value: 'text', help: 'the unit (%, agents, licences…)' },
	target: { type: 'string' as const, value: 'number|none', help: 'the value to reach' },
	'target-date': { type: 'string' as const, value: 'YYYY-MM-DD|none', help: 'when to reach it' },
	baseline: { type: 'string' as const, value: 'number|none', help: 'the value when the migration started' },
}

function indicatorPatch(context: CommandContext): Partial<IndicatorFields> {
	return { name: text(context, 'name'), unit: text(context, 'unit'), target: numberOption(context, 'target'), targetDate: dateOption(context, 'target-date'), baseline: numberOption(context, 'baseline') }
}

const structure: Command = {
	name: 'structure',
	args: ['folder'],
	summary: 'The phases, indicators, categories and departments of a roadmap, with their ids.',
	details: 'Progress counts done tasks among all but dropped ones; a task of several departments counts in each.',
	options: { json: { type: 'boolean', help: 'everything as JSON' } },
	async run(context) {
		const roadmap = await loadRoadmap(context)
		const phases = roadmapProgress(roadmap).phases
		const departments = departmentProgress(roadmap)
		if (context.options.json) {
			const { title, commune, description, categories, indicators } = roadmap
			context.out(JSON.stringify({ title, commune, description, phases: [...roadmap.phases].sort((a, b) => a.order - b.order), categories, departments: roadmap.departments, indicators, phaseProgress: phases, departmentProgress: departments }, null, '\t'))
			return
		}
		const phaseById = new Map(roadmap.phases.map((p) => [p.id, p]))
		context.out(`${roadmap.title} — ${roadmap.commune}\n`)
		context.out(`Phases:\n${table([['#', 'id', 'start', 'end', 'tasks', 'done', 'title'], ...phases.map((p, i) => {
			const phase = p.phaseId === null ? undefined : phaseById.get(p.phaseId)
			return [phase ? String(i + 1) : '', p.phaseId ?? '(none)', phase?.start ?? '', phase?.end ?? '', String(p.total), percent(p.percent), p.title]
		})])}\n`)
		context.out(`Indicators:\n${roadmap.indicators.length ? table([['id', 'unit', 'baseline', 'target', 'target date', 'measurements', 'name'], ...roadmap.indicators.map((i) => [i.id, i.unit, String(i.baseline ?? ''), String(i.target ?? ''), i.targetDate ?? '', String(i.measurements.length), i.name])]) : '(none)'}\n`)
		context.out(`Categories:\n${roadmap.categories.length ? table(roadmap.categories.map((c) => [c.id, c.label])) : '(none)'}\n`)
		context.out(`Departments:\n${departments.length ? table([['id', 'tasks', 'done', 'label'], ...departments.map((d) => [d.departmentId ?? '(none)', String(d.total), percent(d.percent), d.label])]) : '(none)'}`)
	},
}

const setRoadmap: Command = {
	name: 'set-roadmap',
	args: ['folder'],
	summary: 'Change the roadmap\'s title, commune or description.',
	options: {
		title: { type: 'string', value: 'text', help: 'the title' },
		commune: { type: 'string', value: 'name', help: 'the commune\'s name' },
		description: { type: 'string', value: 'text', help: 'the description' },
	},
	async run(context) {
		requireSome(context, 'set-roadmap', ['title', 'commune', 'description'])
		const { roadmap, written } = await applyStructureEdit(context, (r) => editRoadmapFields(r, { title: text(context, 'title'), commune: text(context, 'commune'), description: text(context, 'description') }))
		context.out(written ? `${roadmap.title} — ${roadmap.commune}` : 'nothing to change')
	},
}

const addPhaseCommand: Command = {
	name: 'add-phase',
	args: ['folder', 'title'],
	summary: 'Add a phase after the last one.',
	options: { ...idOption, ...dateOptions, description: { type: 'string', value: 'text', help: 'what the phase is about' } },
	async run(context) {
		const title = context.args[1]
		let id = ''
		await applyStructureEdit(context, (r) => {
			id = text(context, 'id') ?? idFromLabel(title, new Set(r.phases.map((p) => p.id)), 'phase')
			return addPhase(r, { id, title, description: text(context, 'description'), start: dateOption(context, 'start'), end: dateOption(context, 'end') })
		})
		context.out(`added phase ${id}: ${title.trim()}${dates(dateOption(context, 'start') ?? null, dateOption(context, 'end') ?? null)}`)
	},
}

const editPhaseCommand: Command = {
	name: 'edit-phase',
	args: ['folder', 'phase-id'],
	summary: 'Rename, describe or re-date a phase.',
	details: 'Only the fields given change, so that someone editing another field of the phase at the same time keeps their change.',
	options: { title: { type: 'string', value: 'text', help: 'the new title' }, description: { type: 'string', value: 'text', help: 'the new description' }, ...dateOptions },
	async run(context) {
		requireSome(context, 'edit-phase', ['title', 'description', 'start', 'end'])
		const id = context.args[1]
		const patch: PhasePatch = { title: text(context, 'title'), description: text(context, 'description'), start: dateOption(context, 'start'), end: dateOption(context, 'end') }
		const { roadmap, written } = await applyStructureEdit(context, (r) => editPhase(r, id, patch))
		const phase = roadmap.phases.find((p) => p.id === id)!
		context.out(`${written ? '' : 'nothing to change: '}phase ${id}: ${phase.title}${dates(phase.start, phase.end)}`)
	},
}

const movePhaseCommand: Command = {
	name: 'move-phase',
	args: ['folder', 'phase-id', 'position'],
	summary: 'Move a phase to a position among the phases (1: first).',
	options: {},
	async run(context) {
		const [, id, position] = context.args
		if (!/^\d+$/.test(position) || Number(position) < 1) {
			throw new InputError(`not a position: "${position}" (expected 1, 2, 3…)`)
		}
		const { roadmap } = await applyStructureEdit(context, (r) => movePhase(r, id, Number(position) - 1))
		context.out([...roadmap.phases].sort((a, b) => a.order - b.order).map((p, i) => `${i + 1}. ${p.id}: ${p.title}`).join('\n'))
	},
}

const removePhaseCommand: Command = {
	name: 'remove-phase',
	args: ['folder', 'phase-id'],
	summary: 'Remove a phase; its tasks move to the phase given.',
	options: { 'move-tasks-to': { type: 'string', value: 'phase-id', help: 'where the phase\'s tasks go (required when it has any)' } },
	async run(context) {
		const id = context.args[1]
		const target = text(context, 'move-tasks-to') ?? null
		let moved = 0
		await applyStructureEdit(context, (r) => {
			moved = r.tasks.filter((t) => t.phase === id).length
			return removePhase(r, id, target)
		})
		context.out(`removed phase ${id}${moved ? `; ${moved} tasks moved to ${target}` : ''}`)
	},
}

const addIndicatorCommand: Command = {
	name: 'add-indicator',
	args: ['folder', 'name'],
	summary: 'Add an indicator to measure the migration by.',
	options: { ...idOption, ...indicatorOptions },
	async run(context) {
		const name = context.args[1]
		let id = ''
		await applyStructureEdit(context, (r) => {
			id = text(context, 'id') ?? idFromLabel(name, new Set(r.indicators.map((i) => i.id)), 'indicator')
			return addIndicator(r, { ...indicatorPatch(context), id, name })
		})
		context.out(`added indicator ${id}: ${name.trim()}`)
	},
}

const editIndicatorCommand: Command = {
	name: 'edit-indicator',
	args: ['folder', 'indicator-id'],
	summary: 'Change an indicator\'s name, unit, target, target date or baseline.',
	options: { name: { type: 'string', value: 'text', help: 'the new name' }, ...indicatorOptions },
	async run(context) {
		requireSome(context, 'edit-indicator', ['name', 'unit', 'target', 'target-date', 'baseline'])
		const id = context.args[1]
		const { roadmap, written } = await applyStructureEdit(context, (r) => editIndicator(r, id, indicatorPatch(context)))
		const i = roadmap.indicators.find((item) => item.id === id)!
		context.out(`${written ? '' : 'nothing to change: '}indicator ${id}: ${i.name} (${i.unit}), baseline ${i.baseline ?? '—'}, target ${i.target ?? '—'}${i.targetDate ? ` by ${i.targetDate}` : ''}`)
	},
}

const removeIndicatorCommand: Command = {
	name: 'remove-indicator',
	args: ['folder', 'indicator-id'],
	summary: 'Remove an indicator and its measurements.',
	options: {},
	async run(context) {
		await applyStructureEdit(context, (r) => removeIndicator(r, context.args[1]))
		context.out(`removed indicator ${context.args[1]}`)
	},
}

function measurementPatch(context: CommandContext): Partial<MeasurementFields> {
	const date = text(context, 'date')
	if (date !== undefined && !isValidDate(date)) {
		throw new InputError(`--date: not a date (expected YYYY-MM-DD): ${date}`)
	}
	const value = numberOption(context, 'value')
	if (value === null) {
		throw new InputError('--value: a measurement needs a number')
	}
	return { date, value, note: text(context, 'note') }
}

const measurementOptions = {
	value: { type: 'string' as const, value: 'number', help: 'the value measured (12.5 or 12,5)' },
	note: { type: 'string' as const, value: 'text', help: 'a note' },
}

const addMeasurementCommand: Command = {
	name: 'add-measurement',
	args: ['folder', 'indicator-id', 'date'],
	summary: 'Record a measurement of an indicator.',
	options: { id: { type: 'string', value: 'id', help: 'the new id (default: m-<date>-…)' }, ...measurementOptions, value: { ...measurementOptions.value, required: true } },
	async run(context) {
		const [, indicatorId, date] = context.args
		if (!isValidDate(date)) {
			throw new InputError(`not a date (expected YYYY-MM-DD): ${date}`)
		}
		const value = numberOption(context, 'value')
		if (value === undefined || value === null) {
			throw new UsageError('add-measurement needs --value <number>', 'add-measurement')
		}
		const id = text(context, 'id') ?? `m-${date}-${newWriterId().slice(0, 4)}`
		await applyStructureEdit(context, (r) => addMeasurement(r, indicatorId, { id, date, value, note: text(context, 'note') }))
		context.out(`added measurement ${id} to ${indicatorId}: ${value} on ${date}`)
	},
}

const editMeasurementCommand: Command = {
	name: 'edit-measurement',
	args: ['folder', 'indicator-id', 'measurement-id'],
	summary: 'Correct a measurement\'s date, value or note.',
	options: { date: { type: 'string', value: 'YYYY-MM-DD', help: 'the new date' }, ...measurementOptions },
	async run(context) {
		requireSome(context, 'edit-measurement', ['date', 'value', 'note'])
		const [, indicatorId, measurementId] = context.args
		const { roadmap, written } = await applyStructureEdit(context, (r) => editMeasurement(r, indicatorId, measurementId, measurementPatch(context)))
		const m = roadmap.indicators.find((i) => i.id === indicatorId)!.measurements.find((item) => item.id === measurementId)!
		context.out(`${written ? '' : 'nothing to change: '}measurement ${measurementId}: ${m.value} on ${m.date}${m.note ? ` (${m.note})` : ''}`)
	},
}

const removeMeasurementCommand: Command = {
	name: 'remove-measurement',
	args: ['folder', 'indicator-id', 'measurement-id'],
	summary: 'Delete a measurement.',
	options: {},
	async run(context) {
		const [, indicatorId, measurementId] = context.args
		await applyStructureEdit(context, (r) => removeMeasurement(r, indicatorId, measurementId))
		context.out(`removed measurement ${measurementId} of ${indicatorId}`)
	},
}

/** add-, rename- and remove- commands of a list of labels (categories, departments). */
function labelCommands(singular: string, plural: 'categories' | 'departments', edits: {
	add: (r: Roadmap, item: { id: string, label: string }) => StructureEdit
	rename: (r: Roadmap, id: string, label: string) => StructureEdit
	remove: (r: Roadmap, id: string) => StructureEdit
}, removeSummary: string): Command[] {
	return [{
		name: `add-${singular}`,
		args: ['folder', 'label'],
		summary: `Add a ${singular}.`,
		options: idOption,
		async run(context) {
			const label = context.args[1]
			let id = ''
			await applyStructureEdit(context, (r) => {
				id = text(context, 'id') ?? idFromLabel(label, new Set(r[plural].map((item) => item.id)), singular)
				return edits.add(r, { id, label })
			})
			context.out(`added ${singular} ${id}: ${label.trim()}`)
		},
	}, {
		name: `rename-${singular}`,
		args: ['folder', `${singular}-id`, 'label'],
		summary: `Rename a ${singular} (its id stays).`,
		options: {},
		async run(context) {
			const [, id, label] = context.args
			const { written } = await applyStructureEdit(context, (r) => edits.rename(r, id, label))
			context.out(`${written ? '' : 'nothing to change: '}${singular} ${id}: ${label.trim()}`)
		},
	}, {
		name: `remove-${singular}`,
		args: ['folder', `${singular}-id`],
		summary: removeSummary,
		options: {},
		async run(context) {
			await applyStructureEdit(context, (r) => edits.remove(r, context.args[1]))
			context.out(`removed ${singular} ${context.args[1]}`)
		},
	}]
}

const setDepartments: Command = {
	name: 'set-departments',
	args: ['folder', 'task-id', 'department-id...'],
	summary: 'Set the departments a task concerns.',
	details: 'Replaces the task\'s departments unless --add or --remove is given; --remove of all clears them.',
	options: {
		add: { type: 'boolean', help: 'add these departments to the task\'s' },
		remove: { type: 'boolean', help: 'remove these departments from the task\'s' },
	},
	async run(context) {
		const [, taskId, ...ids] = context.args
		if (context.options.add && context.options.remove) {
			throw new UsageError('--add and --remove cannot go together', 'set-departments')
		}
		const { roadmap, written } = await applyStructureEdit(context, (r) => {
			const current = r.tasks.find((t) => t.id === taskId)?.departments ?? []
			const next = context.options.add ? [...current, ...ids] : context.options.remove ? current.filter((id) => !ids.includes(id)) : ids
			return setTaskDepartments(r, taskId, next)
		})
		const departments = roadmap.tasks.find((t) => t.id === taskId)!.departments.join(', ') || 'no department'
		context.out(written ? `${taskId}: ${departments}` : `${taskId}: already ${departments}`)
	},
}

export const STRUCTURE_COMMANDS: Command[] = [
	structure,
	setRoadmap,
	addPhaseCommand,
	editPhaseCommand,
	movePhaseCommand,
	removePhaseCommand,
	addIndicatorCommand,
	editIndicatorCommand,
	removeIndicatorCommand,
	addMeasurementCommand,
	editMeasurementCommand,
	removeMeasurementCommand,
	...labelCommands('category', 'categories', { add: addCategory, rename: renameCategory, remove: removeCategory }, 'Remove a category; its tasks keep working, without a category.'),
	...labelCommands('department', 'departments', { add: addDepartment, rename: renameDepartment, remove: removeDepartment }, 'Remove a department; it is taken off its tasks.'),
	setDepartments,
]
