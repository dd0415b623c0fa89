/**
 * `degooglisation`: roadmaps from a terminal, for administrators. Talks to a
 * real Nextcloud or the sandbox through the same storage core as the app.
 * Exit codes: 0 done, 1 usage or server error, 2 invalid input data.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { diffRoadmaps } from '../src/domain/crdt'
import { serializeRoadmap } from '../src/domain/format'
import { newId, newWriterId } from '../src/domain/ids'
import type { Roadmap, TaskStatus } from '../src/domain/model'
import { emptyRoadmap, TASK_STATUSES } from '../src/domain/model'
import { roadmapProgress } from '../src/domain/progress'
import { createStarterRoadmap } from '../src/domain/starter/createStarterRoadmap'
import { DavError } from '../src/storage/dav'
import { createNodeDavClient } from '../src/storage/nodeClient'
import { DEFAULT_ROADMAPS_FOLDER, findRoadmaps } from '../src/storage/roadmapDiscovery'
import { RoadmapFolder, RoadmapFolderError } from '../src/storage/roadmapFolder'
import { applyTaskRows, CsvError, readTaskRows, tasksToCsv } from './csv'

const HELP = `degooglisation — Dégooglisation roadmaps in Nextcloud, from the command line

Usage: degooglisation <command> [arguments] [options]

Commands:
  create <folder> --commune <name> [--lang fr|en] [--start YYYY-MM-DD] [--title <title>] [--empty]
      Create a roadmap in <folder> from the starter template (six phases, about
      sixty tasks), or an empty one with --empty. <folder> without a slash goes
      under ${DEFAULT_ROADMAPS_FOLDER}/.
  list [--root <folder>]
      The roadmaps under <folder> (default ${DEFAULT_ROADMAPS_FOLDER}), with their progress.
  tasks <folder> [--status <status>] [--assignee <user>] [--phase <id>] [--json]
      The tasks of a roadmap, as a table or JSON.
  set-status <folder> <task-id> <status>
      Statuses: ${TASK_STATUSES.join(', ')}.
  assign <folder> <task-id> <user>... [--add | --remove]
      Replace the assignees (default), or add or remove some. Users are
      Nextcloud user ids or federated cloud ids (agent@cloud.mairie-b.fr).
  import-csv <folder> <file.csv>
      Add or update tasks from CSV (columns: id, title, description, phase,
      status, assignees, start, due, category, replaces, replacements; French
      names accepted: titre, statut, responsables, debut, echeance, categorie,
      remplace, remplacements; lists separated by |; ; or , as separator).
      Rows with a known id update that task. Nothing is written if any row is invalid.
  export <folder> [--format json|csv] [--output <file>]
      The roadmap as its JSON document, or its tasks as CSV (the import format).

Connection (options or environment):
  --url <url>           NEXTCLOUD_URL       e.g. https://cloud.mairie.fr
  --user <user>         NEXTCLOUD_USER
  --password <secret>   NEXTCLOUD_PASSWORD  an app password (Settings → Security)

Other options:
  -h, --help            this help

Exit codes: 0 done, 1 usage or server error, 2 invalid input data.
`

class UsageError extends Error {}
class InputError extends Error {}

const { values: options, positionals } = (() => {
	try {
		return parseArgs({
			allowPositionals: true,
			options: {
				help: { type: 'boolean', short: 'h' },
				url: { type: 'string' },
				user: { type: 'string' },
				password: { type: 'string' },
				commune: { type: 'string' },
				lang: { type: 'string', default: 'fr' },
				start: { type: 'string' },
				title: { type: 'string' },
				empty: { type: 'boolean' },
				root: { type: 'string' },
				status: { type: 'string' },
				assignee: { type: 'string' },
				phase: { type: 'string' },
				json: { type: 'boolean' },
				add: { type: 'boolean' },
				remove: { type: 'boolean' },
				format: { type: 'string', default: 'json' },
				output: { type: 'string' },
			},
		})
	} catch (error) {
		console.error(`degooglisation: ${(error as Error).message}\nRun degooglisation --help for usage.`)
		process.exit(1)
	}
})()

function connection() {
	const url = options.url ?? process.env.NEXTCLOUD_URL
	const user = options.user ?? process.env.NEXTCLOUD_USER
	const password = options.password ?? process.env.NEXTCLOUD_PASSWORD
	if (!url || !user || !password) throw new UsageError('missing connection: give --url, --user and --password (or NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD)')
	if (!/^https?:\/\//.test(url)) throw new UsageError(`not a server URL: ${url}`)
	return { url, user, password }
}

function folderPath(argument: string | undefined): string {
	if (!argument) throw new UsageError('missing the roadmap folder')
	return argument.includes('/') ? `/${argument.replace(/^\/+|\/+$/g, '')}` : `${DEFAULT_ROADMAPS_FOLDER}/${argument}`
}

function openFolder(path: string): RoadmapFolder {
	const conn = connection()
	return new RoadmapFolder({ dav: createNodeDavClient(conn), path, writer: { id: newWriterId(), author: conn.user } })
}

/** Loads, lets `change` edit a copy, saves the difference as one change file, refreshes the readable file. */
async function update(path: string, change: (roadmap: Roadmap) => Roadmap | void): Promise<Roadmap> {
	const folder = openFolder(path)
	const { roadmap, access } = await folder.load()
	if (!access.canWrite) throw new UsageError(`${path} is read-only for this account`)
	const draft = structuredClone(roadmap)
	const after = change(draft) ?? draft
	const ops = diffRoadmaps(roadmap, after)
	if (ops.length === 0) return after
	const saved = await folder.save(ops)
	await folder.writeReadableFile()
	return saved.roadmap
}

function findTask(roadmap: Roadmap, id: string | undefined) {
	if (!id) throw new UsageError('missing the task id')
	const task = roadmap.tasks.find((t) => t.id === id)
	if (!task) throw new InputError(`no task "${id}" in this roadmap`)
	return task
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))))
	return rows.map((r) => r.map((cell, i) => (cell.length > widths[i] ? `${cell.slice(0, widths[i] - 1)}…` : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n')
}

async function run(command: string | undefined, args: string[]): Promise<void> {
	switch (command) {
		case 'create': {
			const path = folderPath(args[0])
			if (!options.commune) throw new UsageError('create needs --commune <name>')
			if (options.lang !== 'fr' && options.lang !== 'en') throw new UsageError('--lang must be fr or en')
			const start = options.start ?? new Date().toISOString().slice(0, 10)
			if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new InputError(`--start: not a date (expected YYYY-MM-DD): ${start}`)
			const roadmap = options.empty
				? emptyRoadmap(options.title ?? options.commune, options.commune)
				: createStarterRoadmap({ lang: options.lang, commune: options.commune, startDate: start, title: options.title })
			const conn = connection()
			const dav = createNodeDavClient(conn)
			await dav.createFolder(path.slice(0, path.lastIndexOf('/')) || '/')
			const created = await new RoadmapFolder({ dav, path, writer: { id: newWriterId(), author: conn.user } }).create(roadmap)
			console.log(`created ${path}: ${created.roadmap.phases.length} phases, ${created.roadmap.tasks.length} tasks`)
			return
		}
		case 'list': {
			const conn = connection()
			const dav = createNodeDavClient(conn)
			const found = await findRoadmaps(dav, options.root ?? DEFAULT_ROADMAPS_FOLDER)
			if (found.length === 0) {
				console.log(`no roadmap under ${options.root ?? DEFAULT_ROADMAPS_FOLDER}`)
				return
			}
			const rows = [['folder', 'title', 'tasks', 'done']]
			for (const location of found) {
				const { roadmap } = await new RoadmapFolder({ dav, path: location.path, writer: { id: newWriterId(), author: conn.user } }).load()
				const progress = roadmapProgress(roadmap).overall
				rows.push([location.path, roadmap.title, String(progress.total), progress.percent === null ? '—' : `${progress.percent} %`])
			}
			console.log(table(rows))
			return
		}
		case 'tasks': {
			const { roadmap } = await openFolder(folderPath(args[0])).load()
			const tasks = roadmap.tasks.filter((t) => (!options.status || t.status === options.status)
				&& (!options.assignee || t.assignees.includes(options.assignee))
				&& (!options.phase || t.phase === options.phase))
			if (options.json) {
				console.log(JSON.stringify(tasks, null, '\t'))
				return
			}
			console.log(table([['id', 'status', 'phase', 'assignees', 'due', 'title'], ...tasks.map((t) => [t.id, t.status, t.phase ?? '', t.assignees.join(', '), t.due ?? '', t.title])]))
			return
		}
		case 'set-status': {
			const [folder, id, status] = args
			if (!status) throw new UsageError('usage: set-status <folder> <task-id> <status>')
			if (!(TASK_STATUSES as readonly string[]).includes(status)) throw new InputError(`not a status: ${status} (expected one of ${TASK_STATUSES.join(', ')})`)
			await update(folderPath(folder), (roadmap) => {
				findTask(roadmap, id).status = status as TaskStatus
			})
			console.log(`${id}: ${status}`)
			return
		}
		case 'assign': {
			const [folder, id, ...users] = args
			if (users.length === 0) throw new UsageError('usage: assign <folder> <task-id> <user>... [--add | --remove]')
			const saved = await update(folderPath(folder), (roadmap) => {
				const task = findTask(roadmap, id)
				if (options.add) task.assignees = [...new Set([...task.assignees, ...users])]
				else if (options.remove) task.assignees = task.assignees.filter((u) => !users.includes(u))
				else task.assignees = [...new Set(users)]
			})
			console.log(`${id}: ${saved.tasks.find((t) => t.id === id)!.assignees.join(', ') || '(nobody)'}`)
			return
		}
		case 'import-csv': {
			const [folder, file] = args
			if (!file) throw new UsageError('usage: import-csv <folder> <file.csv>')
			const rows = readTaskRows(await readFile(file, 'utf8'))
			let count = 0
			await update(folderPath(folder), (roadmap) => {
				const next = applyTaskRows(roadmap, rows, () => newId('task'))
				count = rows.length
				return next
			})
			console.log(`imported ${count} rows into ${folderPath(folder)}`)
			return
		}
		case 'export': {
			const { roadmap } = await openFolder(folderPath(args[0])).load()
			if (options.format !== 'json' && options.format !== 'csv') throw new UsageError('--format must be json or csv')
			const text = options.format === 'json' ? serializeRoadmap(roadmap) : tasksToCsv(roadmap)
			if (options.output) await writeFile(options.output, text)
			else process.stdout.write(text)
			return
		}
		case undefined:
			process.stdout.write(HELP)
			return
		default:
			throw new UsageError(`unknown command "${command}"`)
	}
}

function describe(error: unknown): { message: string, code: number } {
	if (error instanceof InputError || error instanceof CsvError) return { message: error.message, code: 2 }
	if (error instanceof UsageError) return { message: `${error.message}\nRun degooglisation --help for usage.`, code: 1 }
	if (error instanceof DavError && error.status === 401) return { message: 'authentication failed: check the user and app password', code: 1 }
	if (error instanceof DavError && error.status === 404) return { message: `not found: ${error.path}`, code: 1 }
	if (error instanceof RoadmapFolderError) return { message: [error.message, ...error.problems.map((p) => `  ${p.file}: ${p.message}`)].join('\n'), code: 1 }
	if (error instanceof TypeError && /fetch failed/.test(error.message)) {
		const cause = (error as TypeError & { cause?: { code?: string, message?: string } }).cause
		return { message: `cannot reach ${options.url ?? process.env.NEXTCLOUD_URL}: ${cause?.code ?? cause?.message ?? error.message}`, code: 1 }
	}
	return { message: (error as Error).message, code: 1 }
}

if (options.help) {
	process.stdout.write(HELP)
} else {
	run(positionals[0], positionals.slice(1)).catch((error) => {
		const { message, code } = describe(error)
		console.error(`degooglisation: ${message}`)
		process.exitCode = code
	})
}
