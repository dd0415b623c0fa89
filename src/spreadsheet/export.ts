/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A roadmap's tasks and indicators as spreadsheets: an ODS file with a sheet
 * of tasks (the columns the import reads, so that importing an export changes
 * nothing) and a sheet of indicators (one row per measurement), or each as CSV.
 */

import type { Roadmap } from '../domain/model.ts'
import type { OdsLanguage, OdsSheet } from './ods.ts'
import type { CellValue } from './sheet.ts'
import type { TaskColumn } from './taskTable.ts'

import { formatCsv } from './csv.ts'
import { writeOds } from './ods.ts'
import { FRENCH_HEADERS, TASK_COLUMNS, taskCell } from './taskTable.ts'

/** Column widths in centimetres, for a sheet that reads without resizing. */
const TASK_WIDTHS: Record<TaskColumn, number> = {
	id: 4.5,
	title: 8,
	description: 10,
	phase: 3.5,
	status: 2.8,
	assignees: 5,
	start: 2.6,
	due: 2.6,
	category: 3.5,
	replaces: 6,
	replacements: 6,
	departments: 5,
}

export const INDICATOR_COLUMNS = ['indicator', 'name', 'unit', 'target', 'date', 'value', 'note'] as const
type IndicatorColumn = typeof INDICATOR_COLUMNS[number]
const INDICATOR_HEADERS: Record<OdsLanguage, Record<IndicatorColumn, string>> = {
	fr: { indicator: 'indicateur', name: 'nom', unit: 'unité', target: 'cible', date: 'date', value: 'valeur', note: 'note' },
	en: { indicator: 'indicator', name: 'name', unit: 'unit', target: 'target', date: 'date', value: 'value', note: 'note' },
}
const INDICATOR_WIDTHS: Record<IndicatorColumn, number> = { indicator: 5, name: 9, unit: 4, target: 2.5, date: 2.6, value: 2.5, note: 8 }

export const SHEET_NAMES: Record<OdsLanguage, { tasks: string, indicators: string }> = {
	fr: { tasks: 'Tâches', indicators: 'Indicateurs' },
	en: { tasks: 'Tasks', indicators: 'Indicators' },
}

function tasksSheet(roadmap: Roadmap, lang: OdsLanguage): OdsSheet {
	return {
		name: SHEET_NAMES[lang].tasks,
		columns: TASK_COLUMNS.map((column) => ({ header: lang === 'fr' ? FRENCH_HEADERS[column] : column, width: TASK_WIDTHS[column] })),
		rows: roadmap.tasks.map((task) => TASK_COLUMNS.map((column) => taskCell(task, column))),
	}
}

/** One row per measurement, oldest first; an indicator never measured gets one row without date or value. */
function indicatorRows(roadmap: Roadmap): CellValue[][] {
	return roadmap.indicators.flatMap((indicator) => {
		const head: CellValue[] = [indicator.id, indicator.name, indicator.unit, indicator.target]
		const measurements = [...indicator.measurements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
		if (measurements.length === 0) {
			return [[...head, null, null, '']]
		}
		return measurements.map((m) => [...head, { date: m.date }, m.value, m.note])
	})
}

function indicatorsSheet(roadmap: Roadmap, lang: OdsLanguage): OdsSheet {
	return {
		name: SHEET_NAMES[lang].indicators,
		columns: INDICATOR_COLUMNS.map((column) => ({ header: INDICATOR_HEADERS[lang][column], width: INDICATOR_WIDTHS[column] })),
		rows: indicatorRows(roadmap),
	}
}

/** The ODS file: a sheet of tasks, a sheet of indicators. */
export function roadmapToOds(roadmap: Roadmap, lang: OdsLanguage): Uint8Array {
	return writeOds([tasksSheet(roadmap, lang), indicatorsSheet(roadmap, lang)], lang)
}

function csvCell(cell: CellValue): string {
	if (cell === null) {
		return ''
	}
	return typeof cell === 'object' ? cell.date : String(cell)
}

/** The tasks in the import's columns (English headers by default, as the command line has always written them). */
export function tasksToCsv(roadmap: Roadmap, lang: OdsLanguage = 'en'): string {
	const { columns, rows } = tasksSheet(roadmap, lang)
	return formatCsv([columns.map((column) => column.header), ...rows.map((row) => row.map(csvCell))])
}

export function indicatorsToCsv(roadmap: Roadmap, lang: OdsLanguage = 'en'): string {
	const { columns, rows } = indicatorsSheet(roadmap, lang)
	return formatCsv([columns.map((column) => column.header), ...rows.map((row) => row.map(csvCell))])
}
