/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Spreadsheets on the command line: `import` of tasks from CSV, ODS or XLSX,
 * and `export` as ODS or CSV besides JSON; the same module as the app's
 * (src/spreadsheet/).
 */

import type { Roadmap } from '../src/domain/model.ts'
import type { ImportResult, OdsLanguage } from '../src/spreadsheet/index.ts'
import type { Command } from './commands.ts'

import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { newId } from '../src/domain/ids.ts'
import { applyTaskTable, indicatorsToCsv, itemsNotExportable, readSpreadsheet, readTaskTable, roadmapToOds, tasksToCsv } from '../src/spreadsheet/index.ts'
import { COMMANDS, loadRoadmap, roadmapPath, updateRoadmap } from './commands.ts'
import { asInputError, toInputError } from './csv.ts'
import { UsageError } from './errors.ts'

async function readInput(file: string): Promise<Uint8Array> {
	try {
		return new Uint8Array(await readFile(file))
	} catch (error) {
		throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
	}
}

/** The rows that change something, as the dry run lists them. */
function preview(result: ImportResult): string[] {
	return result.rows.filter((row) => row.outcome !== 'unchanged').map((row) => row.outcome === 'added'
		? `ligne ${row.line}: add ${row.taskId} "${row.title}"`
		: `ligne ${row.line}: update ${row.taskId} (${row.changed.join(', ')})`)
}

const importCommand: Command = {
	name: 'import',
	args: ['folder', 'file'],
	summary: 'Add or update tasks from a spreadsheet: ODS, XLSX or CSV.',
	details: `The columns and rules of import-csv, for any of the three formats (told apart by
their content): in ODS and XLSX, the sheet named "Tâches" or "Tasks", else the
first one; date cells and dates typed as text (YYYY-MM-DD) are both read. Every row
is checked before anything is written: if one is wrong, nothing changes, the
problems are listed by row ("ligne") and column ("colonne D (échéance)"), and the
exit code is 2. With --dry-run, each row that would add or update a task is listed.`,
	options: {
		'dry-run': { type: 'boolean', help: 'check the file and list what would change, without writing' },
	},
	async run(context) {
		const file = context.args[1]
		const bytes = await readInput(file)
		const sheet = await readSpreadsheet(bytes, file).catch((error: unknown) => {
			throw toInputError(error)
		})
		const table = asInputError(() => readTaskTable(sheet))
		let result: ImportResult | undefined
		const apply = (roadmap: Roadmap) => {
			result = asInputError(() => applyTaskTable(roadmap, table, () => newId('task')))
			return result.roadmap
		}
		const dryRun = Boolean(context.options['dry-run'])
		if (dryRun) {
			apply(await loadRoadmap(context))
		} else {
			await updateRoadmap(context, apply)
		}
		const summary = `${result!.added} added, ${result!.updated} updated, ${result!.unchanged} unchanged`
		if (dryRun) {
			for (const line of preview(result!)) {
				context.out(line)
			}
			context.out(`${basename(file)} is valid: ${summary} (nothing written: --dry-run)`)
		} else {
			context.out(`imported ${basename(file)} into ${roadmapPath(context.args[0])}: ${summary}`)
		}
	},
}

const jsonExport = COMMANDS.find((command) => command.name === 'export')!

const exportCommand: Command = {
	name: 'export',
	args: ['folder'],
	summary: 'The roadmap as its JSON document, or its tasks and indicators as ODS or CSV.',
	details: `JSON is the canonical roadmap document (the format of roadmap.degooglisation.json).
ODS holds a sheet of tasks (the columns import reads, so that importing an export
changes nothing) and a sheet of indicators, one row per measurement; dates are date
cells and numbers number cells. CSV holds the tasks, or with --indicators the
indicators. --lang sets the headers and, in ODS, how dates show (fr: 31/01/2027).`,
	options: {
		format: { type: 'string', value: 'json|csv|ods', help: 'what to write (default: json)' },
		indicators: { type: 'boolean', help: 'CSV of the indicators and their measurements instead of the tasks' },
		lang: { type: 'string', value: 'fr|en', help: 'language of the headers (default: en for CSV, fr for ODS)' },
		output: { type: 'string', value: 'file', help: 'write to this file instead of standard output' },
	},
	async run(context) {
		const format = (context.options.format as string | undefined) ?? 'json'
		if (!['json', 'csv', 'ods'].includes(format)) {
			throw new UsageError('--format must be json, csv or ods', 'export')
		}
		if (format === 'json') {
			await jsonExport.run(context)
			return
		}
		const lang = (context.options.lang as string | undefined) ?? (format === 'ods' ? 'fr' : 'en')
		if (lang !== 'fr' && lang !== 'en') {
			throw new UsageError('--lang must be fr or en', 'export')
		}
		const output = context.options.output as string | undefined
		if (format === 'ods' && !output && process.stdout.isTTY) {
			throw new UsageError('an ODS file is not for a terminal: give --output <file>', 'export')
		}
		const roadmap = await loadRoadmap(context)
		if (!context.options.indicators) {
			for (const problem of itemsNotExportable(roadmap)) {
				context.warn(`warning: ${problem}`)
			}
		}
		const content = format === 'ods'
			? roadmapToOds(roadmap, lang as OdsLanguage)
			: context.options.indicators ? indicatorsToCsv(roadmap, lang as OdsLanguage) : tasksToCsv(roadmap, lang as OdsLanguage)
		if (!output) {
			process.stdout.write(content)
			return
		}
		await writeFile(output, content)
		context.out(`wrote ${output}`)
	},
}

export const SPREADSHEET_COMMANDS: Command[] = [importCommand, exportCommand]
