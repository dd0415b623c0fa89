/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A roadmap's tasks as a spreadsheet: one row per task, columns named in
 * English or French, lists (assignees, replaces, replacements, departments) separated by
 * `;` within a cell. The same rules for a CSV, ODS or XLSX file, in the app and
 * on the command line: every row is checked against the schema the roadmap
 * files are read with, so that nothing is written that other clients would
 * refuse, and one wrong row stops the whole import; problems name the row and
 * column as the spreadsheet shows them.
 */

import type { Roadmap, Task } from '../domain/model.ts'
import type { CellValue, ImportProblem, ProblemKind, SheetTable } from './sheet.ts'

import * as v from 'valibot'
import { makeTask } from '../domain/model.ts'
import { taskSchema } from '../domain/schema.ts'
import { columnLetter, ImportError } from './sheet.ts'

export const TASK_COLUMNS = ['id', 'title', 'description', 'phase', 'status', 'assignees', 'start', 'due', 'category', 'replaces', 'replacements', 'departments'] as const
export type TaskColumn = typeof TASK_COLUMNS[number]

/** Header names other than the English ones, compared without accents or case. */
const FRENCH_COLUMNS: Record<string, TaskColumn> = {
	titre: 'title',
	statut: 'status',
	responsables: 'assignees',
	debut: 'start',
	echeance: 'due',
	categorie: 'category',
	remplace: 'replaces',
	remplacement: 'replacements',
	remplacements: 'replacements',
	services: 'departments',
}
/** The French header an export writes for each column. */
export const FRENCH_HEADERS: Record<TaskColumn, string> = {
	id: 'id',
	title: 'titre',
	description: 'description',
	phase: 'phase',
	status: 'statut',
	assignees: 'responsables',
	start: 'début',
	due: 'échéance',
	category: 'catégorie',
	replaces: 'remplace',
	replacements: 'remplacements',
	departments: 'services',
}
const LIST_COLUMNS = new Set<TaskColumn>(['assignees', 'replaces', 'replacements', 'departments'])
const DATE_COLUMNS = new Set<TaskColumn>(['start', 'due'])
/** Values a program reads rather than text people write: spaces around them are typing slips. */
const CODE_COLUMNS = new Set<TaskColumn>(['id', 'phase', 'status', 'category', 'start', 'due'])
export const LIST_SEPARATOR = ';'

export interface TaskRow {
	line: number
	values: Partial<Record<TaskColumn, CellValue>>
	/** More than the header's means a separator slipped into a cell unquoted. */
	cellCount: number
}

export interface TaskTable {
	/** Each column present, with how problems name it (its header as written, and its letter in a grid). */
	columns: Map<TaskColumn, string>
	width: number
	rows: TaskRow[]
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()

function columnOf(name: string): TaskColumn | undefined {
	const key = fold(name)
	return (TASK_COLUMNS as readonly string[]).includes(key) ? key as TaskColumn : FRENCH_COLUMNS[key]
}

/** Problems collected over the whole file, thrown together; one per cell is enough. */
class Problems {
	private readonly list: ImportProblem[] = []
	private readonly cells = new Set<string>()

	add(line: number, column: string | null, kind: ProblemKind, message: string, value?: string): void {
		const cell = `${line}\n${column}`
		if (this.cells.has(cell)) {
			return
		}
		this.cells.add(cell)
		this.list.push({ line, column, kind, ...(value === undefined ? {} : { value }), message })
	}

	throwIfAny(): void {
		if (this.list.length) {
			throw new ImportError(this.list)
		}
	}
}

const DAY_MS = 86_400_000
/** Day 0 of spreadsheet serial dates (LibreOffice's default, and Excel's for every date after February 1900). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30)

/** A cell as the text the roadmap stores. */
function cellText(cell: CellValue | undefined): string {
	if (cell === null || cell === undefined) {
		return ''
	}
	if (typeof cell === 'object') {
		return cell.date
	}
	return String(cell)
}

/** A date column's cell: a date cell, a serial number (a date typed in a cell formatted as a number), or text. */
function dateText(cell: CellValue | undefined): string {
	if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 2_958_466) {
		return new Date(SERIAL_EPOCH + cell * DAY_MS).toISOString().slice(0, 10)
	}
	return cellText(cell)
}

/** The header (checked) and the rows (checked with the roadmap, by applyTaskTable). */
export function readTaskTable(sheet: SheetTable): TaskTable {
	if (sheet.rows.length === 0) {
		throw new ImportError([], 'the file is empty', 'empty')
	}
	const [header, ...body] = sheet.rows
	const problems = new Problems()
	const columns = new Map<TaskColumn, string>()
	const nameAt = (index: number, name: string) => (sheet.letteredColumns ? `${columnLetter(index)}${name ? ` (${name})` : ''}` : name || String(index + 1))
	const order: Array<TaskColumn | undefined> = header.cells.map((cell, index) => {
		const name = cellText(cell).trim()
		if (name === '' && sheet.letteredColumns && body.every((row) => cellText(row.cells[index]) === '')) {
			return undefined
		}
		const column = columnOf(name)
		if (!column) {
			problems.add(header.line, nameAt(index, name), 'unknown_column', `unknown column (expected ${TASK_COLUMNS.join(', ')}, or their French names)`)
		} else if (columns.has(column)) {
			problems.add(header.line, nameAt(index, name), 'repeated_column', `same column as "${columns.get(column)}"`, columns.get(column))
		} else {
			columns.set(column, nameAt(index, name))
		}
		return column
	})
	if (!columns.has('id') && !columns.has('title')) {
		problems.add(header.line, null, 'no_id_or_title', 'an "id" or a "title" column is needed')
	}
	problems.throwIfAny()
	const rows = body.map(({ line, cells }) => {
		const values: TaskRow['values'] = {}
		order.forEach((column, index) => {
			if (column && index < cells.length) {
				values[column] = cells[index]
			}
		})
		// Grids have no stray separators: only CSV rows can hold more cells than the header.
		return { line, values, cellCount: sheet.letteredColumns ? Math.min(cells.length, order.length) : cells.length }
	})
	return { columns, width: order.length, rows }
}

const splitList = (cell: string) => cell.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean)

/** The task fields a row sets: an absent column changes nothing, an empty cell clears (except title and status). */
function fieldsOf(values: TaskRow['values']): Partial<Task> {
	const fields: Record<string, unknown> = {}
	for (const [column, cell] of Object.entries(values) as Array<[TaskColumn, CellValue]>) {
		const raw = DATE_COLUMNS.has(column) ? dateText(cell) : cellText(cell)
		const text = CODE_COLUMNS.has(column) ? raw.trim() : raw
		if (column === 'id' || ((column === 'title' || column === 'status') && text === '')) {
			continue
		}
		if (LIST_COLUMNS.has(column)) {
			fields[column] = splitList(text)
		} else if (column === 'title' || column === 'description' || column === 'status') {
			fields[column] = text
		} else {
			fields[column] = text === '' ? null : text
		}
	}
	return fields as Partial<Task>
}

export type RowOutcome = 'added' | 'updated' | 'unchanged'

/** What one row does, for the preview before anything is written. */
export interface ImportedRow {
	line: number
	taskId: string
	title: string
	outcome: RowOutcome
	/** The fields an update changes. */
	changed: Array<keyof Task>
}

export interface ImportResult {
	roadmap: Roadmap
	added: number
	updated: number
	unchanged: number
	rows: ImportedRow[]
}

/**
 * Applies the rows to a copy of the roadmap, or throws every problem found and
 * changes nothing. A row whose id is a task of the roadmap updates it; a row
 * without id adds a task with a new id; a row with an id the roadmap lacks
 * adds a task with that id (so a file exported from one roadmap fills another).
 */
export function applyTaskTable(roadmap: Roadmap, table: TaskTable, newTaskId: () => string): ImportResult {
	const next = structuredClone(roadmap)
	const byId = new Map(next.tasks.map((task) => [task.id, task]))
	const phases = next.phases.map((phase) => phase.id)
	const categories = next.categories.map((category) => category.id)
	// A department by id, or by its label as people type it (case and accents aside).
	const departmentIds = new Map(next.departments.flatMap((d) => [[fold(d.label.trim()), d.id], [d.id, d.id]] as Array<[string, string]>))
	const columnName = (column: TaskColumn) => table.columns.get(column) ?? column
	const problems = new Problems()
	const lineOfId = new Map<string, number>()
	const result: ImportResult = { roadmap: next, added: 0, updated: 0, unchanged: 0, rows: [] }
	for (const { line, values, cellCount } of table.rows) {
		if (cellCount > table.width) {
			problems.add(line, null, 'extra_cells', `${cellCount} cells for ${table.width} columns (a separator inside a cell needs quotes)`)
		}
		const id = cellText(values.id).trim()
		const existing = id ? byId.get(id) : undefined
		if (id && lineOfId.has(id)) {
			problems.add(line, columnName('id'), 'repeated_id', `"${id}" is already on line ${lineOfId.get(id)}`, id)
		}
		if (id) {
			lineOfId.set(id, line)
		}
		const fields = fieldsOf(values)
		if (!existing && !fields.title) {
			problems.add(line, columnName('title'), 'no_title', 'a new task needs a title')
		}
		if (fields.phase && !phases.includes(fields.phase)) {
			problems.add(line, columnName('phase'), 'unknown_phase', `unknown phase "${fields.phase}" (expected ${phases.length ? `one of ${phases.join(', ')}` : 'none: this roadmap has no phases'})`, fields.phase)
		}
		if (fields.category && !categories.includes(fields.category)) {
			problems.add(line, columnName('category'), 'unknown_category', `unknown category "${fields.category}" (expected ${categories.length ? `one of ${categories.join(', ')}` : 'none: this roadmap has no categories'})`, fields.category)
		}
		if (fields.departments) {
			const unknown = fields.departments.find((name) => !departmentIds.has(name) && !departmentIds.has(fold(name)))
			if (unknown !== undefined) {
				const known = next.departments.map((d) => d.id)
				problems.add(line, columnName('departments'), 'unknown_department', `unknown department "${unknown}" (expected ${known.length ? `one of ${known.join(', ')}` : 'none: this roadmap has no departments'})`, unknown)
			}
			fields.departments = [...new Set(fields.departments.map((name) => departmentIds.get(name) ?? departmentIds.get(fold(name)) ?? name))]
		}
		const task = { ...(existing ?? makeTask({ id: id || newTaskId(), title: '' })), ...fields }
		const checked = v.safeParse(taskSchema, task)
		if (!checked.success) {
			for (const issue of checked.issues) {
				const field = String(issue.path?.[0]?.key ?? '')
				problems.add(line, columnName((TASK_COLUMNS as readonly string[]).includes(field) ? field as TaskColumn : 'id'), 'invalid_value', issue.message)
			}
		}
		if (existing) {
			const changed = (Object.keys(fields) as Array<keyof Task>).filter((key) => JSON.stringify(task[key]) !== JSON.stringify(existing[key]))
			Object.assign(existing, task)
			result[changed.length ? 'updated' : 'unchanged']++
			result.rows.push({ line, taskId: task.id, title: task.title, outcome: changed.length ? 'updated' : 'unchanged', changed })
		} else {
			next.tasks.push(task)
			byId.set(task.id, task)
			result.added++
			result.rows.push({ line, taskId: task.id, title: task.title, outcome: 'added', changed: [] })
		}
	}
	problems.throwIfAny()
	return result
}

/** List items that would not read back the same: holding the separator, or spaces around them. */
export function itemsNotExportable(roadmap: Roadmap): string[] {
	return roadmap.tasks.flatMap((task) => [...LIST_COLUMNS].flatMap((column) => (task[column] as string[])
		.filter((item) => item.includes(LIST_SEPARATOR) || item !== item.trim() || item === '')
		.map((item) => `task ${task.id}, ${column}: "${item}" will not read back the same (lists are separated by "${LIST_SEPARATOR}", items trimmed)`)))
}

/** One task's cell in a column, typed: dates as dates, lists joined. */
export function taskCell(task: Task, column: TaskColumn): CellValue {
	const value = task[column]
	if (Array.isArray(value)) {
		return value.join(`${LIST_SEPARATOR} `)
	}
	if (DATE_COLUMNS.has(column)) {
		return value === null ? null : { date: value as string }
	}
	return value ?? ''
}
