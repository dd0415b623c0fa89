/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The commands. Each talks to Nextcloud (or the sandbox) only through the
 * storage core, and writes through a RoadmapSession as the app page and the
 * dashboard widget do: a write is one change file made of the operations
 * between the roadmap as loaded and as edited, then the readable roadmap file
 * rewritten.
 */

import type { Roadmap, Task, TaskStatus } from '../src/domain/model.ts'
import type { DavClient } from '../src/storage/dav.ts'
import type { LoadResult } from '../src/storage/roadmapFolder.ts'
import type { RoadmapSessionOptions } from '../src/storage/roadmapSession.ts'

import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import * as v from 'valibot'
import { localToday } from '../src/domain/dates.ts'
import { parseRoadmap, serializeRoadmap } from '../src/domain/format.ts'
import { newId, newWriterId } from '../src/domain/ids.ts'
import { TASK_STATUSES } from '../src/domain/model.ts'
import { roadmapProgress } from '../src/domain/progress.ts'
import { isValidDate, userIdSchema } from '../src/domain/schema.ts'
import { createStarterRoadmap } from '../src/domain/starter/createStarterRoadmap.ts'
import { DavError } from '../src/storage/dav.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'
import { memoryStorage } from '../src/storage/outbox.ts'
import { DEFAULT_ROADMAPS_FOLDER, findRoadmaps } from '../src/storage/roadmapDiscovery.ts'
import { RoadmapFolder, RoadmapFolderError } from '../src/storage/roadmapFolder.ts'
import { RoadmapSession } from '../src/storage/roadmapSession.ts'
import { processEnvironment } from '../src/storage/sessionEnvironment.ts'
import { decodeCsv } from './csv.ts'
import { InputError, UsageError } from './errors.ts'
import { applyTaskTable, itemsNotExportable, readTaskTable, tasksToCsv } from './taskCsv.ts'

export interface OptionSpec {
	type: 'string' | 'boolean'
	/** Placeholder shown in help, for string options. */
	value?: string
	help: string
	required?: boolean
}

export interface Connection {
	url: string
	user: string
	password: string
}

export interface CommandContext {
	/** Positional arguments after the command name, already counted against `args`. */
	args: string[]
	options: Record<string, string | boolean | undefined>
	connection(): Connection
	out(text: string): void
	warn(text: string): void
}

export interface Command {
	name: string
	/** Positional arguments; a trailing `...` takes one or more. */
	args: string[]
	summary: string
	details?: string
	options: Record<string, OptionSpec>
	run(context: CommandContext): Promise<void>
}

/** `Saint-Exemple` is `/Dégooglisation/Saint-Exemple`; a path with a slash is taken from the root of the user's files. */
export function roadmapPath(folder: string): string {
	const clean = folder.trim().replace(/^\/+|\/+$/g, '')
	if (clean === '') {
		throw new UsageError(`not a roadmap folder: "${folder}"`)
	}
	return clean.includes('/') || folder.startsWith('/') ? `/${clean}` : `${DEFAULT_ROADMAPS_FOLDER}/${clean}`
}

const stringOption = (context: CommandContext, name: string) => context.options[name] as string | undefined

function davClient(context: CommandContext): DavClient {
	return createNodeDavClient(context.connection())
}

/** A fresh writer id per run: a run is a writing client of its own. */
function writer(context: CommandContext) {
	return { id: newWriterId(), author: context.connection().user }
}

function roadmapFolder(context: CommandContext, dav: DavClient, path: string): RoadmapFolder {
	return new RoadmapFolder({ dav, path, writer: writer(context) })
}

/** A session that sends at once and then goes: no polling, edits kept in memory only until written. */
function sessionOptions(context: CommandContext, dav: DavClient, path: string): RoadmapSessionOptions {
	return { dav, path, writer: writer(context), outbox: memoryStorage(), environment: processEnvironment(), refreshMs: null, report: (message) => context.warn(`warning: ${message}`) }
}

function warnProblems(context: CommandContext, path: string, problems: LoadResult['problems']): void {
	for (const problem of problems) {
		context.warn(`warning: ${path}/${problem.file} skipped: ${problem.message}`)
	}
}

/** Loads, telling about files that could not be read (they are skipped, as the app does). */
async function load(context: CommandContext, folder: RoadmapFolder): Promise<LoadResult> {
	const loaded = await folder.load()
	warnProblems(context, folder.path, loaded.problems)
	return loaded
}

export async function loadRoadmap(context: CommandContext): Promise<Roadmap> {
	const folder = roadmapFolder(context, davClient(context), roadmapPath(context.args[0]))
	return (await load(context, folder)).roadmap
}

/**
 * Opens the roadmap, lets `edit` change a copy (or return a new roadmap), and
 * saves the difference as one change file. Tells whether anything was written.
 */
export async function updateRoadmap(context: CommandContext, edit: (draft: Roadmap) => Roadmap | void): Promise<{ roadmap: Roadmap, written: boolean }> {
	const session = await RoadmapSession.open(sessionOptions(context, davClient(context), roadmapPath(context.args[0])))
	try {
		warnProblems(context, session.path, session.state.problems)
		let change
		try {
			change = session.edit(edit)
		} catch (error) {
			// The edits were checked already; this guards against writing a change file other clients would refuse.
			if (error instanceof RoadmapFolderError && error.kind === 'invalid-operations') {
				throw new InputError(error.message)
			}
			throw error
		}
		if (!change) {
			return { roadmap: session.state.roadmap, written: false }
		}
		await session.settle()
		return { roadmap: session.state.roadmap, written: true }
	} finally {
		session.dispose()
	}
}

/**
 * A wrong server address, or a login name that is not the user id, answers
 * 404 for every folder: say so rather than report an empty list.
 */
async function checkUserFolder(context: CommandContext, dav: DavClient): Promise<void> {
	try {
		await dav.stat('/')
	} catch (error) {
		if (!(error instanceof DavError && error.status === 404)) {
			throw error
		}
		const { url, user } = context.connection()
		throw new Error(`${url} has no files for user "${user}": check the server address, and that the user is the Nextcloud user id (not an e-mail login)`, { cause: error })
	}
}

function findTask(roadmap: Roadmap, id: string): Task {
	const task = roadmap.tasks.find((t) => t.id === id)
	if (!task) {
		throw new InputError(`no task "${id}" in this roadmap`)
	}
	return task
}

function checkStatus(status: string): TaskStatus {
	if (!(TASK_STATUSES as readonly string[]).includes(status)) {
		throw new InputError(`not a status: "${status}" (expected one of ${TASK_STATUSES.join(', ')})`)
	}
	return status as TaskStatus
}

/** Columns padded to their widest cell; long cells cut, except in the last column. */
function table(rows: string[][]): string {
	const MAX_WIDTH = 40
	const widths = rows[0].map((_, i) => Math.min(MAX_WIDTH, Math.max(...rows.map((row) => row[i].length))))
	const cut = (cell: string, i: number) => (i < widths.length - 1 && cell.length > widths[i] ? `${cell.slice(0, widths[i] - 1)}…` : cell.padEnd(widths[i]))
	return rows.map((row) => row.map(cut).join('  ').trimEnd()).join('\n')
}

const create: Command = {
	name: 'create',
	args: ['folder'],
	summary: 'Create a roadmap from the starter template, or an empty one.',
	details: `The starter template has six phases, sixty tasks and fifteen indicators, dated from
--start. With --empty, the roadmap keeps the phases and categories but has no tasks
and no indicators: ready for import-csv. The parent folders are created if needed;
a folder that already holds a roadmap is refused.`,
	options: {
		commune: { type: 'string', value: 'name', help: 'the commune\'s name', required: true },
		lang: { type: 'string', value: 'fr|en', help: 'language of the template (default: fr)' },
		start: { type: 'string', value: 'YYYY-MM-DD', help: 'when the first phase starts (default: today)' },
		title: { type: 'string', value: 'text', help: 'the roadmap\'s title (default: the template\'s, with the commune\'s name)' },
		empty: { type: 'boolean', help: 'phases and categories only, no tasks or indicators' },
	},
	async run(context) {
		const path = roadmapPath(context.args[0])
		const commune = stringOption(context, 'commune')
		if (!commune) {
			throw new UsageError('create needs --commune <name>', 'create')
		}
		const lang = stringOption(context, 'lang') ?? 'fr'
		if (lang !== 'fr' && lang !== 'en') {
			throw new UsageError('--lang must be fr or en', 'create')
		}
		const start = stringOption(context, 'start') ?? localToday()
		if (!isValidDate(start)) {
			throw new InputError(`--start: not a date (expected YYYY-MM-DD): ${start}`)
		}
		const starter = createStarterRoadmap({ lang, commune, startDate: start, title: stringOption(context, 'title') })
		const roadmap = context.options.empty ? { ...starter, description: '', tasks: [], indicators: [] } : starter
		const checked = parseRoadmap(serializeRoadmap(roadmap))
		if (!checked.ok) {
			throw new InputError(checked.error.message)
		}

		const dav = davClient(context)
		const ancestors = path.split('/').slice(1, -1)
		for (let depth = 1; depth <= ancestors.length; depth++) {
			await dav.createFolder(`/${ancestors.slice(0, depth).join('/')}`)
		}
		const created = await RoadmapSession.create(sessionOptions(context, dav, path), roadmap)
		created.dispose()
		const { phases, tasks, indicators } = created.state.roadmap
		context.out(`created ${path}: ${phases.length} phases, ${tasks.length} tasks, ${indicators.length} indicators`)
	},
}

const list: Command = {
	name: 'list',
	args: [],
	summary: 'The roadmaps in a folder, with their progress.',
	details: 'Progress counts done tasks among all but dropped ones, as the app does.',
	options: {
		root: { type: 'string', value: 'folder', help: `where to look (default: ${DEFAULT_ROADMAPS_FOLDER})` },
	},
	async run(context) {
		const root = `/${(stringOption(context, 'root') ?? DEFAULT_ROADMAPS_FOLDER).replace(/^\/+|\/+$/g, '')}`
		const dav = davClient(context)
		await checkUserFolder(context, dav)
		const found = await findRoadmaps(dav, root)
		if (found.length === 0) {
			context.out(`no roadmap in ${root}`)
			return
		}
		let unreadable = 0
		const rows = await Promise.all(found.map(async (location) => {
			try {
				const { roadmap } = await load(context, roadmapFolder(context, dav, location.path))
				const { percent, counts, counted } = roadmapProgress(roadmap).overall
				return [location.path, String(roadmap.tasks.length), percent === null ? '—' : `${percent} % (${counts.done}/${counted})`, roadmap.title]
			} catch (error) {
				unreadable++
				context.warn(`${location.path}: ${(error as Error).message}`)
				return [location.path, '', '', '(unreadable)']
			}
		}))
		context.out(table([['folder', 'tasks', 'done', 'title'], ...rows]))
		if (unreadable) {
			throw new Error(`${unreadable} of ${found.length} roadmaps could not be read`)
		}
	},
}

const tasks: Command = {
	name: 'tasks',
	args: ['folder'],
	summary: 'The tasks of a roadmap, as a table or JSON.',
	details: 'Sorted by phase, then id. Filters combine.',
	options: {
		status: { type: 'string', value: 'status', help: `only this status: ${TASK_STATUSES.join(', ')}` },
		assignee: { type: 'string', value: 'user', help: 'only the tasks of this user (user id or federated cloud id)' },
		phase: { type: 'string', value: 'phase-id', help: 'only the tasks of this phase' },
		json: { type: 'boolean', help: 'the tasks as a JSON array, with every field' },
	},
	async run(context) {
		const status = stringOption(context, 'status')
		if (status) {
			checkStatus(status)
		}
		const roadmap = await loadRoadmap(context)
		const phase = stringOption(context, 'phase')
		const phaseOrder = new Map(roadmap.phases.map((p) => [p.id, p.order]))
		if (phase && !phaseOrder.has(phase)) {
			throw new InputError(`--phase: unknown phase "${phase}" (expected one of ${[...phaseOrder.keys()].join(', ') || 'none'})`)
		}
		const assignee = stringOption(context, 'assignee')
		const selected = roadmap.tasks
			.filter((t) => (!status || t.status === status) && (!assignee || t.assignees.includes(assignee)) && (!phase || t.phase === phase))
			.sort((a, b) => (phaseOrder.get(a.phase ?? '') ?? Infinity) - (phaseOrder.get(b.phase ?? '') ?? Infinity) || a.id.localeCompare(b.id))
		if (context.options.json) {
			context.out(JSON.stringify(selected, null, '\t'))
			return
		}
		context.out(table([['id', 'status', 'phase', 'assignees', 'due', 'title'], ...selected.map((t) => [t.id, t.status, t.phase ?? '', t.assignees.join(', '), t.due ?? '', t.title])]))
		context.out(`${selected.length} of ${roadmap.tasks.length} tasks`)
	},
}

const setStatus: Command = {
	name: 'set-status',
	args: ['folder', 'task-id', 'status'],
	summary: `Change a task's status: ${TASK_STATUSES.join(', ')}.`,
	options: {},
	async run(context) {
		const [, id, statusArgument] = context.args
		const status = checkStatus(statusArgument)
		let before: TaskStatus = status
		const { written } = await updateRoadmap(context, (draft) => {
			const task = findTask(draft, id)
			before = task.status
			task.status = status
		})
		context.out(written ? `${id}: ${before} → ${status}` : `${id}: already ${status}`)
	},
}

const assign: Command = {
	name: 'assign',
	args: ['folder', 'task-id', 'user...'],
	summary: 'Set who a task is assigned to.',
	details: `Users are Nextcloud user ids (alice) or federated cloud ids (agent@cloud.mairie-b.fr).
Replaces the assignees unless --add or --remove is given.`,
	options: {
		add: { type: 'boolean', help: 'add these users to the assignees' },
		remove: { type: 'boolean', help: 'remove these users from the assignees' },
	},
	async run(context) {
		const [, id, ...users] = context.args
		if (context.options.add && context.options.remove) {
			throw new UsageError('--add and --remove cannot go together', 'assign')
		}
		for (const user of users) {
			const checked = v.safeParse(userIdSchema, user)
			if (!checked.success) {
				throw new InputError(`user "${user}": ${checked.issues[0].message}`)
			}
		}
		const { roadmap, written } = await updateRoadmap(context, (draft) => {
			const task = findTask(draft, id)
			if (context.options.add) {
				task.assignees = [...new Set([...task.assignees, ...users])]
			} else if (context.options.remove) {
				task.assignees = task.assignees.filter((user) => !users.includes(user))
			} else {
				task.assignees = [...new Set(users)]
			}
		})
		const assignees = findTask(roadmap, id).assignees.join(', ') || 'nobody'
		context.out(written ? `${id}: ${assignees}` : `${id}: already ${assignees}`)
	},
}

const importCsv: Command = {
	name: 'import-csv',
	args: ['folder', 'file.csv'],
	summary: 'Add or update tasks from a spreadsheet saved as CSV.',
	details: `Columns (header row, any order, English or French names, case and accents ignored):
  id, title (titre), description, phase, status (statut), assignees (responsables),
  start (debut), due (echeance), category (categorie), replaces (remplace),
  replacements (remplacement, remplacements).
Lists (assignees, replaces, replacements) are separated by ";" within a cell. The
separator between cells (",", ";" or tab) is taken from the header; UTF-8, with or
without BOM. A row whose id is a task of the roadmap updates it: a missing column
leaves the field as it is, an empty cell clears it (an empty title or status keeps
it). A row without id adds a task; a row with an unknown id adds it with that id.
Every row is checked before anything is written: if one is wrong, nothing changes,
the problems are listed by row ("ligne") and column ("colonne"), and the exit code is 2.`,
	options: {
		'dry-run': { type: 'boolean', help: 'check the file and tell what would change, without writing' },
	},
	async run(context) {
		const file = context.args[1]
		let bytes: Uint8Array
		try {
			bytes = await readFile(file)
		} catch (error) {
			throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error })
		}
		const table = readTaskTable(decodeCsv(bytes))
		const dryRun = Boolean(context.options['dry-run'])
		let counts = { added: 0, updated: 0, unchanged: 0 }
		const apply = (roadmap: Roadmap) => {
			const result = applyTaskTable(roadmap, table, () => newId('task'))
			counts = result
			return result.roadmap
		}
		if (dryRun) {
			apply(await loadRoadmap(context))
		} else {
			await updateRoadmap(context, apply)
		}
		const summary = `${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`
		context.out(dryRun
			? `${basename(file)} is valid: ${summary} (nothing written: --dry-run)`
			: `imported ${basename(file)} into ${roadmapPath(context.args[0])}: ${summary}`)
	},
}

const exportCommand: Command = {
	name: 'export',
	args: ['folder'],
	summary: 'The roadmap as its JSON document, or its tasks as CSV.',
	details: `JSON is the canonical roadmap document (the format of roadmap.degooglisation.json).
CSV has the columns import-csv reads, so that importing an export changes nothing.`,
	options: {
		format: { type: 'string', value: 'json|csv', help: 'what to write (default: json)' },
		output: { type: 'string', value: 'file', help: 'write to this file instead of standard output' },
	},
	async run(context) {
		const format = stringOption(context, 'format') ?? 'json'
		if (format !== 'json' && format !== 'csv') {
			throw new UsageError('--format must be json or csv', 'export')
		}
		const roadmap = await loadRoadmap(context)
		if (format === 'csv') {
			for (const problem of itemsNotExportable(roadmap)) {
				context.warn(`warning: ${problem}`)
			}
		}
		const text = format === 'json' ? serializeRoadmap(roadmap) : tasksToCsv(roadmap)
		const output = stringOption(context, 'output')
		if (!output) {
			process.stdout.write(text)
			return
		}
		await writeFile(output, text)
		context.out(`wrote ${output}`)
	},
}

export const COMMANDS: Command[] = [create, list, tasks, setStatus, assign, importCsv, exportCommand]
