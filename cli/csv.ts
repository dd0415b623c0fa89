/**
 * Tasks as CSV, for spreadsheets: RFC 4180 quoting, `;` or `,` separators
 * (French spreadsheets write `;`), a UTF-8 BOM tolerated. Column names in
 * English or French. Lists (assignees, replaces, replacements) use `|`.
 */
import { isValidDate } from '../src/domain/schema'
import type { Roadmap, Task, TaskStatus } from '../src/domain/model'
import { makeTask, TASK_STATUSES } from '../src/domain/model'

export const CSV_COLUMNS = ['id', 'title', 'description', 'phase', 'status', 'assignees', 'start', 'due', 'category', 'replaces', 'replacements'] as const
type Column = typeof CSV_COLUMNS[number]

const FRENCH_NAMES: Record<string, Column> = {
	titre: 'title', statut: 'status', responsables: 'assignees', debut: 'start', début: 'start', echeance: 'due', échéance: 'due', categorie: 'category', catégorie: 'category', remplace: 'replaces', remplacement: 'replacements', remplacements: 'replacements',
}
const LIST_SEPARATOR = '|'

export function parseCsv(text: string): string[][] {
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
	const firstLine = input.slice(0, input.search(/\r?\n|$/))
	const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
	const rows: string[][] = []
	let row: string[] = []
	let field = ''
	let quoted = false
	for (let i = 0; i < input.length; i++) {
		const c = input[i]
		if (quoted) {
			if (c === '"' && input[i + 1] === '"') {
				field += '"'
				i++
			} else if (c === '"') {
				quoted = false
			} else {
				field += c
			}
		} else if (c === '"' && field === '') {
			quoted = true
		} else if (c === separator) {
			row.push(field)
			field = ''
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && input[i + 1] === '\n') i++
			row.push(field)
			rows.push(row)
			row = []
			field = ''
		} else {
			field += c
		}
	}
	if (field !== '' || row.length) {
		row.push(field)
		rows.push(row)
	}
	return rows.filter((r) => r.some((cell) => cell.trim() !== ''))
}

function quote(value: string): string {
	return /[";,\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function tasksToCsv(roadmap: Roadmap): string {
	const lines = [CSV_COLUMNS.join(',')]
	for (const task of roadmap.tasks) {
		const cells: Record<Column, string> = {
			id: task.id,
			title: task.title,
			description: task.description,
			phase: task.phase ?? '',
			status: task.status,
			assignees: task.assignees.join(LIST_SEPARATOR),
			start: task.start ?? '',
			due: task.due ?? '',
			category: task.category ?? '',
			replaces: task.replaces.join(LIST_SEPARATOR),
			replacements: task.replacements.join(LIST_SEPARATOR),
		}
		lines.push(CSV_COLUMNS.map((c) => quote(cells[c])).join(','))
	}
	return `${lines.join('\n')}\n`
}

export class CsvError extends Error {}

export interface CsvRow {
	line: number
	values: Partial<Record<Column, string>>
}

/** Reads the header and rows; unknown columns are an error, so that a typo does not silently drop data. */
export function readTaskRows(text: string): CsvRow[] {
	const rows = parseCsv(text)
	if (rows.length === 0) throw new CsvError('empty CSV file')
	const columns = rows[0].map((name, index) => {
		const key = name.trim().toLowerCase()
		const column = (CSV_COLUMNS as readonly string[]).includes(key) ? key as Column : FRENCH_NAMES[key]
		if (!column) throw new CsvError(`line 1, column ${index + 1}: unknown column "${name}" (expected ${CSV_COLUMNS.join(', ')})`)
		return column
	})
	if (!columns.includes('title') && !columns.includes('id')) throw new CsvError('line 1: a "title" or "id" column is required')
	return rows.slice(1).map((cells, index) => {
		const values: Partial<Record<Column, string>> = {}
		columns.forEach((column, i) => {
			if (cells[i] !== undefined) values[column] = cells[i].trim()
		})
		return { line: index + 2, values }
	})
}

const list = (value: string) => value.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean)

/**
 * Applies the rows to a copy of the roadmap: rows with a known id update that
 * task, rows without id (or an unknown id) add one. Every row is checked
 * before anything changes; the first problems are thrown together.
 */
export function applyTaskRows(roadmap: Roadmap, rows: CsvRow[], newId: () => string): Roadmap {
	const next = structuredClone(roadmap)
	const phases = new Set(next.phases.map((p) => p.id))
	const categories = new Set(next.categories.map((c) => c.id))
	const problems: string[] = []
	const check = (line: number, column: string, ok: boolean, message: string) => {
		if (!ok) problems.push(`line ${line}, column ${column}: ${message}`)
	}
	for (const { line, values } of rows) {
		const existing = values.id ? next.tasks.find((t) => t.id === values.id) : undefined
		if (!existing) check(line, 'title', Boolean(values.title), 'a new task needs a title')
		if (values.id) check(line, 'id', /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(values.id), 'not a valid id (letters, digits, _ . : -)')
		if (values.status) check(line, 'status', (TASK_STATUSES as readonly string[]).includes(values.status), `not a status (expected one of ${TASK_STATUSES.join(', ')})`)
		if (values.phase) check(line, 'phase', phases.has(values.phase), `unknown phase "${values.phase}" (expected one of ${[...phases].join(', ')})`)
		if (values.category) check(line, 'category', categories.has(values.category), `unknown category "${values.category}"`)
		for (const column of ['start', 'due'] as const) {
			const value = values[column]
			if (value) check(line, column, isValidDate(value), 'not a date (expected YYYY-MM-DD)')
		}
		if (problems.length >= 10) break
		if (problems.length) continue
		const fields: Partial<Task> = {}
		if (values.title !== undefined && values.title !== '') fields.title = values.title
		if (values.description !== undefined) fields.description = values.description
		if (values.phase !== undefined) fields.phase = values.phase || null
		if (values.status) fields.status = values.status as TaskStatus
		if (values.assignees !== undefined) fields.assignees = list(values.assignees)
		if (values.start !== undefined) fields.start = values.start || null
		if (values.due !== undefined) fields.due = values.due || null
		if (values.category !== undefined) fields.category = values.category || null
		if (values.replaces !== undefined) fields.replaces = list(values.replaces)
		if (values.replacements !== undefined) fields.replacements = list(values.replacements)
		if (existing) Object.assign(existing, fields)
		else next.tasks.push(makeTask({ ...fields, id: values.id || newId(), title: fields.title ?? '' }))
	}
	if (problems.length) throw new CsvError(problems.join('\n'))
	return next
}
