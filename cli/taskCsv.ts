/**
 * A roadmap's tasks as a spreadsheet: one row per task, columns named in
 * English or French, lists (assignees, replaces, replacements, departments) separated by
 * `;` within a cell. Importing checks every row against the same schema the
 * files are read with, so that nothing is written that other clients would
 * refuse; messages name the spreadsheet row and column.
 */
import * as v from 'valibot'
import type { Roadmap, Task } from '../src/domain/model'
import { makeTask } from '../src/domain/model'
import { taskSchema } from '../src/domain/schema'
import { formatCsv, parseCsv } from './csv'
import { InputError } from './errors'

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
const LIST_COLUMNS = new Set<TaskColumn>(['assignees', 'replaces', 'replacements', 'departments'])
const LIST_SEPARATOR = ';'
/** Problems listed before the rest are only counted. */
const MAX_PROBLEMS = 20

export interface TaskRow {
	line: number
	values: Partial<Record<TaskColumn, string>>
	/** More than the header's means a separator slipped into a cell unquoted. */
	cellCount: number
}

export interface TaskTable {
	/** Each column present, with its name as written in the header (for messages). */
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
	private readonly list: string[] = []
	private readonly cells = new Set<string>()

	add(line: number, column: string | null, message: string): void {
		const cell = `${line}\n${column}`
		if (this.cells.has(cell)) return
		this.cells.add(cell)
		this.list.push(column === null ? `ligne ${line}: ${message}` : `ligne ${line}, colonne ${column}: ${message}`)
	}

	throwIfAny(): void {
		if (this.list.length === 0) return
		const shown = this.list.slice(0, MAX_PROBLEMS)
		if (this.list.length > MAX_PROBLEMS) shown.push(`… and ${this.list.length - MAX_PROBLEMS} more problems`)
		throw new InputError(shown.join('\n'))
	}
}

/** The header (checked) and the rows (checked with the roadmap, by applyTaskTable). */
export function readTaskTable(text: string): TaskTable {
	const { records } = parseCsv(text)
	if (records.length === 0) throw new InputError('the file is empty')
	const [header, ...body] = records
	const problems = new Problems()
	const columns = new Map<TaskColumn, string>()
	const order: Array<TaskColumn | undefined> = header.cells.map((name, index) => {
		const column = columnOf(name)
		if (!column) problems.add(header.line, name || String(index + 1), `unknown column (expected ${TASK_COLUMNS.join(', ')}, or their French names)`)
		else if (columns.has(column)) problems.add(header.line, name, `same column as "${columns.get(column)}"`)
		else columns.set(column, name)
		return column
	})
	if (!columns.has('id') && !columns.has('title')) problems.add(header.line, null, 'an "id" or a "title" column is needed')
	problems.throwIfAny()
	const rows = body.map(({ line, cells }) => {
		const values: TaskRow['values'] = {}
		order.forEach((column, index) => {
			if (column && index < cells.length) values[column] = cells[index]
		})
		return { line, values, cellCount: cells.length }
	})
	return { columns, width: order.length, rows }
}

const splitList = (cell: string) => cell.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean)

/** The task fields a row sets: an absent column changes nothing, an empty cell clears (except title and status). */
function fieldsOf(values: TaskRow['values']): Partial<Task> {
	const fields: Record<string, unknown> = {}
	for (const [column, cell] of Object.entries(values) as Array<[TaskColumn, string]>) {
		if (column === 'id' || ((column === 'title' || column === 'status') && cell === '')) continue
		if (LIST_COLUMNS.has(column)) fields[column] = splitList(cell)
		else if (column === 'title' || column === 'description' || column === 'status') fields[column] = cell
		else fields[column] = cell === '' ? null : cell
	}
	return fields as Partial<Task>
}

export interface ImportResult {
	roadmap: Roadmap
	added: number
	updated: number
	unchanged: number
}

/**
 * Applies the rows to a copy of the roadmap, or throws every problem found and
 * changes nothing. A row whose id is a task of the roadmap updates it; a row
 * without id adds a task with a new id; a row with an id the roadmap lacks
 * adds a task with that id (so a CSV exported from one roadmap fills another).
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
	const result: ImportResult = { roadmap: next, added: 0, updated: 0, unchanged: 0 }
	for (const { line, values, cellCount } of table.rows) {
		if (cellCount > table.width) problems.add(line, null, `${cellCount} cells for ${table.width} columns (a separator inside a cell needs quotes)`)
		const id = values.id ?? ''
		const existing = id ? byId.get(id) : undefined
		if (id && lineOfId.has(id)) problems.add(line, columnName('id'), `"${id}" is already on line ${lineOfId.get(id)}`)
		if (id) lineOfId.set(id, line)
		const fields = fieldsOf(values)
		if (!existing && !fields.title) problems.add(line, columnName('title'), 'a new task needs a title')
		if (fields.phase && !phases.includes(fields.phase)) {
			problems.add(line, columnName('phase'), `unknown phase "${fields.phase}" (expected ${phases.length ? `one of ${phases.join(', ')}` : 'none: this roadmap has no phases'})`)
		}
		if (fields.category && !categories.includes(fields.category)) {
			problems.add(line, columnName('category'), `unknown category "${fields.category}" (expected ${categories.length ? `one of ${categories.join(', ')}` : 'none: this roadmap has no categories'})`)
		}
		if (fields.departments) {
			const unknown = fields.departments.filter((name) => !departmentIds.has(name) && !departmentIds.has(fold(name)))
			if (unknown.length) {
				const known = next.departments.map((d) => d.id)
				problems.add(line, columnName('departments'), `unknown department "${unknown[0]}" (expected ${known.length ? `one of ${known.join(', ')}` : 'none: this roadmap has no departments'})`)
			}
			fields.departments = [...new Set(fields.departments.map((name) => departmentIds.get(name) ?? departmentIds.get(fold(name)) ?? name))]
		}
		const task = { ...(existing ?? makeTask({ id: id || newTaskId(), title: '' })), ...fields }
		const checked = v.safeParse(taskSchema, task)
		if (!checked.success) {
			for (const issue of checked.issues) {
				const field = String(issue.path?.[0]?.key ?? '')
				problems.add(line, columnName((TASK_COLUMNS as readonly string[]).includes(field) ? field as TaskColumn : 'id'), issue.message)
			}
		}
		if (existing) {
			const changed = JSON.stringify(task) !== JSON.stringify(existing)
			Object.assign(existing, task)
			if (changed) result.updated++
			else result.unchanged++
		} else {
			next.tasks.push(task)
			byId.set(task.id, task)
			result.added++
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

/** The tasks in the import format, so that exporting then importing changes nothing. */
export function tasksToCsv(roadmap: Roadmap): string {
	const rows = roadmap.tasks.map((task) => TASK_COLUMNS.map((column) => {
		const value = task[column]
		return Array.isArray(value) ? value.join(`${LIST_SEPARATOR} `) : value ?? ''
	}))
	return formatCsv([[...TASK_COLUMNS], ...rows])
}
