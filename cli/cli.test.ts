/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The command-line tool, run as a process (through bin/degooglisation.mjs) against the sandbox. */

import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../sandbox/server.ts'
import { parseRoadmap } from '../src/domain/format.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'

const bin = join(import.meta.dirname, '..', 'bin', 'degooglisation.mjs')
const USER = { id: 'alice', displayName: 'Alice', password: 'alice-secret' }
let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dir: string

interface Run {
	code: number
	stdout: string
	stderr: string
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
	return new Promise((resolve) => {
		execFile('node', [bin, ...args], {
			env: { ...process.env, NEXTCLOUD_URL: sandbox.url, NEXTCLOUD_USER: USER.id, NEXTCLOUD_PASSWORD: USER.password, ...env },
		}, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }))
	})
}

const degooglisation = (...args: string[]) => cli(args)

/** The change and snapshot files of a roadmap, read with the storage's own client. */
async function stateFiles(folder: string): Promise<string[]> {
	const dav = createNodeDavClient({ url: sandbox.url, user: USER.id, password: USER.password })
	return (await dav.list(`/Dégooglisation/${folder}/.degooglisation`)).map((entry) => entry.name).filter(Boolean).sort()
}

async function readableFile(folder: string): Promise<string> {
	const dav = createNodeDavClient({ url: sandbox.url, user: USER.id, password: USER.password })
	return new TextDecoder().decode((await dav.get(`/Dégooglisation/${folder}/roadmap.degooglisation.json`)).body)
}

async function closedPort(): Promise<number> {
	const server = createServer()
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as { port: number }
	await new Promise((resolve) => server.close(resolve))
	return port
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'degooglisation-cli-'))
	sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'data'), users: [USER] })
})

afterAll(async () => {
	await sandbox.close()
	await rm(dir, { recursive: true, force: true })
})

describe('degooglisation --help', () => {
	it('documents every command, the connection variables and the exit codes', async () => {
		const { code, stdout } = await degooglisation('--help')
		expect(code).toBe(0)
		for (const text of ['Dégooglisation', 'create <folder> --commune <name>', 'list [--root <folder>]', 'tasks <folder>', 'set-status <folder> <task-id> <status>', 'assign <folder> <task-id> <user>... [--add] [--remove]', 'import-csv <folder> <file.csv>', 'export <folder> [--format <json|csv|ods>]', 'import <folder> <file> [--dry-run]', 'NEXTCLOUD_URL', 'NEXTCLOUD_USER', 'NEXTCLOUD_PASSWORD', 'Exit codes']) {
			expect(stdout).toContain(text)
		}
	})

	it('documents each command with its options', async () => {
		const { code, stdout } = await degooglisation('import-csv', '--help')
		expect(code).toBe(0)
		expect(stdout).toMatch(/^Usage: degooglisation import-csv <folder> <file.csv> \[--dry-run\]\n/)
		expect(stdout).toContain('echeance')
		expect((await degooglisation('help', 'create')).stdout).toContain('--empty')
	})
})

describe('a roadmap administered from the command line', { timeout: 60_000 }, () => {
	it('is created from the starter template, once', async () => {
		expect(await degooglisation('create', 'Mairie Test', '--commune', 'Mairie Test', '--start', '2027-01-04')).toEqual({ code: 0, stdout: 'created /Dégooglisation/Mairie Test: 6 phases, 60 tasks, 15 indicators\n', stderr: '' })
		expect(await degooglisation('create', 'Mairie Test', '--commune', 'Autre')).toMatchObject({ code: 1, stderr: 'degooglisation: /Dégooglisation/Mairie Test already holds a roadmap\n' })
		expect(await degooglisation('create', '/Archives/2026/Vide', '--commune', 'Vide', '--lang', 'en', '--empty')).toMatchObject({ code: 0, stdout: 'created /Archives/2026/Vide: 6 phases, 0 tasks, 0 indicators\n' })
	})

	it('is listed with its progress', async () => {
		const { code, stdout } = await degooglisation('list')
		expect(code).toBe(0)
		expect(stdout).toMatch(/^folder\s+tasks\s+done\s+title\n\/Dégooglisation\/Mairie Test\s+60\s+0 % \(0\/60\)\s+Feuille de route de dégooglisation — Mairie Test\n$/)
		expect((await degooglisation('list', '--root', '/Archives/2026')).stdout).toMatch(/\/Archives\/2026\/Vide\s+0\s+—\s+De-Googling roadmap — Vide/)
		expect((await degooglisation('list', '--root', '/Nulle part')).stdout).toBe('no roadmap in /Nulle part\n')
	})

	it('shows its tasks as a table or JSON, filtered', async () => {
		const table = await degooglisation('tasks', 'Mairie Test', '--phase', 'solutions')
		expect(table.code).toBe(0)
		const lines = table.stdout.trimEnd().split('\n')
		expect(lines[0]).toMatch(/^id\s+status\s+phase\s+assignees\s+due\s+title$/)
		expect(lines).toContainEqual(expect.stringMatching(/^solutions-mail\s+todo\s+solutions\s+Migrer la messagerie/))
		expect(lines.at(-1)).toMatch(/^\d+ of 60 tasks$/)
		expect(JSON.parse((await degooglisation('tasks', 'Mairie Test', '--status', 'done', '--json')).stdout)).toEqual([])
	})

	it('changes a status and assignees, one change file per write', async () => {
		const before = await stateFiles('Mairie Test')
		expect(await degooglisation('set-status', 'Mairie Test', 'solutions-mail', 'in_progress')).toMatchObject({ code: 0, stdout: 'solutions-mail: todo → in_progress\n' })
		expect(await stateFiles('Mairie Test')).toHaveLength(before.length + 1)
		expect(await degooglisation('set-status', 'Mairie Test', 'solutions-mail', 'in_progress')).toMatchObject({ code: 0, stdout: 'solutions-mail: already in_progress\n' })
		expect(await stateFiles('Mairie Test')).toHaveLength(before.length + 1)

		expect((await degooglisation('assign', 'Mairie Test', 'solutions-mail', 'alice', 'agent@cloud.mairie-b.fr')).stdout).toBe('solutions-mail: alice, agent@cloud.mairie-b.fr\n')
		expect((await degooglisation('assign', 'Mairie Test', 'solutions-mail', 'bob@http://127.0.0.1:8082', '--add')).stdout).toBe('solutions-mail: alice, agent@cloud.mairie-b.fr, bob@http://127.0.0.1:8082\n')
		expect((await degooglisation('assign', 'Mairie Test', 'solutions-mail', 'alice', '--remove')).stdout).toBe('solutions-mail: agent@cloud.mairie-b.fr, bob@http://127.0.0.1:8082\n')
		expect(await stateFiles('Mairie Test')).toHaveLength(before.length + 4)

		const mine = JSON.parse((await degooglisation('tasks', 'Mairie Test', '--assignee', 'agent@cloud.mairie-b.fr', '--json')).stdout)
		expect(mine).toEqual([expect.objectContaining({ id: 'solutions-mail', status: 'in_progress' })])
		expect((await degooglisation('list')).stdout).toMatch(/Mairie Test\s+60\s+0 % \(0\/60\)/)
	})

	it('exports the canonical document, the same as the readable file', async () => {
		const { code, stdout } = await degooglisation('export', 'Mairie Test', '--format', 'json')
		expect(code).toBe(0)
		expect(stdout).toBe(await readableFile('Mairie Test'))
		const parsed = parseRoadmap(stdout)
		expect(parsed.ok && parsed.value.tasks.find((t) => t.id === 'solutions-mail')?.assignees).toEqual(['agent@cloud.mairie-b.fr', 'bob@http://127.0.0.1:8082'])
	})

	it('round-trips its tasks through CSV without writing anything', async () => {
		const csv = join(dir, 'export.csv')
		expect(await degooglisation('export', 'Mairie Test', '--format', 'csv', '--output', csv)).toMatchObject({ code: 0, stdout: `wrote ${csv}\n` })
		expect((await readFile(csv, 'utf8')).split('\n')[0]).toBe('id,title,description,phase,status,assignees,start,due,category,replaces,replacements,departments')
		const files = await stateFiles('Mairie Test')
		expect(await degooglisation('import-csv', 'Mairie Test', csv)).toMatchObject({ code: 0, stdout: 'imported export.csv into /Dégooglisation/Mairie Test: 0 added, 0 updated, 60 unchanged\n' })
		expect(await stateFiles('Mairie Test')).toEqual(files)
	})

	it('imports a French spreadsheet in one change file', async () => {
		const csv = join(dir, 'taches.csv')
		await writeFile(csv, '\ufeffid;Titre;Statut;Échéance;Responsables;Phase\r\n;"Former les élus; vite";todo;2027-02-01;"alice; bob";structuring\r\n;Installer Firefox;done;;;\r\nsolutions-mail;;done;;;\r\n')
		const files = await stateFiles('Mairie Test')
		expect(await degooglisation('import-csv', 'Mairie Test', csv, '--dry-run')).toMatchObject({ code: 0, stdout: 'taches.csv is valid: 2 added, 1 updated, 0 unchanged (nothing written: --dry-run)\n' })
		expect(await stateFiles('Mairie Test')).toEqual(files)
		expect(await degooglisation('import-csv', 'Mairie Test', csv)).toMatchObject({ code: 0, stdout: 'imported taches.csv into /Dégooglisation/Mairie Test: 2 added, 1 updated, 0 unchanged\n' })
		expect(await stateFiles('Mairie Test')).toHaveLength(files.length + 1)
		const done = JSON.parse((await degooglisation('tasks', 'Mairie Test', '--status', 'done', '--json')).stdout)
		expect(done.map((t: { title: string }) => t.title).sort()).toEqual(['Installer Firefox', 'Migrer la messagerie et les agendas'])
		const elus = JSON.parse((await degooglisation('tasks', 'Mairie Test', '--assignee', 'bob', '--json')).stdout)
		expect(elus).toEqual([expect.objectContaining({ title: 'Former les élus; vite', due: '2027-02-01', phase: 'structuring', assignees: ['alice', 'bob'], id: expect.stringMatching(/^task-/) })])
	})

	it('refuses a bad CSV file with row and column, writing nothing', async () => {
		const csv = join(dir, 'bad.csv')
		await writeFile(csv, 'titre;statut;echeance;phase\nBonne tâche;todo;2027-01-01;structuring\nMauvaise date;todo;2026-13-01;structuring\nMauvaise phase;finished;;nulle-part\n')
		const files = await stateFiles('Mairie Test')
		const exported = (await degooglisation('export', 'Mairie Test')).stdout
		expect(await degooglisation('import-csv', 'Mairie Test', csv)).toEqual({
			code: 2,
			stdout: '',
			stderr: [
				'degooglisation: ligne 3, colonne echeance: not a date (expected YYYY-MM-DD)',
				'ligne 4, colonne phase: unknown phase "nulle-part" (expected one of structuring, transformation, solutions, communication, inclusion, federation)',
				'ligne 4, colonne statut: not a status (expected one of todo, in_progress, blocked, done, dropped)',
				'',
			].join('\n'),
		})
		expect(await stateFiles('Mairie Test')).toEqual(files)
		expect((await degooglisation('export', 'Mairie Test')).stdout).toBe(exported)
	})
})

describe('errors', { timeout: 60_000 }, () => {
	it('are one line on standard error with a non-zero exit code', async () => {
		expect(await degooglisation('set-status', 'Mairie Test', 'solutions-mail', 'finished')).toEqual({ code: 2, stdout: '', stderr: 'degooglisation: not a status: "finished" (expected one of todo, in_progress, blocked, done, dropped)\n' })
		expect(await degooglisation('set-status', 'Mairie Test', 'nulle-part', 'done')).toMatchObject({ code: 2, stderr: 'degooglisation: no task "nulle-part" in this roadmap\n' })
		expect(await degooglisation('tasks', 'Nulle part')).toMatchObject({ code: 1, stderr: 'degooglisation: not found: /Dégooglisation/Nulle part\n' })
		expect(await degooglisation('tasks', '/Archives')).toMatchObject({ code: 1, stderr: 'degooglisation: /Archives does not hold a Dégooglisation roadmap\n' })
		expect(await degooglisation('import-csv', 'Mairie Test', join(dir, 'absent.csv'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^degooglisation: cannot read .*absent\.csv: ENOENT/) })
		expect(await degooglisation('create', 'X', '--commune', 'X', '--start', '2027-02-30')).toMatchObject({ code: 2, stderr: 'degooglisation: --start: not a date (expected YYYY-MM-DD): 2027-02-30\n' })
	})

	it('tell misuse and point to the help', async () => {
		expect(await degooglisation('frobnicate')).toMatchObject({ code: 1, stderr: 'degooglisation: unknown command "frobnicate"\nRun "degooglisation --help" for usage.\n' })
		expect(await degooglisation('tasks', 'Mairie Test', '--colour', 'red')).toMatchObject({ code: 1, stderr: 'degooglisation: unknown option --colour for tasks\nRun "degooglisation tasks --help" for usage.\n' })
		expect(await degooglisation('set-status', 'Mairie Test', 'solutions-mail')).toMatchObject({ code: 1, stderr: 'degooglisation: missing <status>\nRun "degooglisation set-status --help" for usage.\n' })
		expect(await degooglisation('create', 'X')).toMatchObject({ code: 1, stderr: expect.stringContaining('create needs --commune <name>') })
		expect(await cli(['list'], { NEXTCLOUD_PASSWORD: '' })).toMatchObject({ code: 1, stderr: expect.stringContaining('missing connection: give --password (or NEXTCLOUD_PASSWORD)') })
	})

	it('tell a refused password, an unreachable server and a wrong address apart', async () => {
		expect(await cli(['list'], { NEXTCLOUD_PASSWORD: 'wrong' })).toEqual({ code: 1, stdout: '', stderr: 'degooglisation: authentication failed: check the user and app password\n' })
		const url = `http://127.0.0.1:${await closedPort()}`
		expect(await cli(['list', '--url', url])).toMatchObject({ code: 1, stderr: `degooglisation: cannot reach ${url}: connect ECONNREFUSED ${url.slice(7)}\n` })
		expect(await cli(['list', '--url', `${sandbox.url}/nextcloud`])).toMatchObject({ code: 1, stderr: expect.stringContaining(`${sandbox.url}/nextcloud has no files for user "alice"`) })
	})
})
