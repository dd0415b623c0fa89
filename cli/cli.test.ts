/** The command-line tool run as a process against the sandbox. */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../sandbox/server'

const run = promisify(execFile)
const bin = join(import.meta.dirname, '..', 'bin', 'degooglisation.mjs')
let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dir: string

async function cli(...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
	try {
		const { stdout, stderr } = await run('node', [bin, ...args], { env: { ...process.env, NEXTCLOUD_URL: sandbox.url, NEXTCLOUD_USER: 'alice', NEXTCLOUD_PASSWORD: 'alice' } })
		return { code: 0, stdout, stderr }
	} catch (error) {
		const e = error as { code: number, stdout: string, stderr: string }
		return { code: e.code, stdout: e.stdout, stderr: e.stderr }
	}
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'degooglisation-cli-'))
	sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'data'), users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }] })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dir, { recursive: true, force: true })
})

describe('degooglisation command line', { timeout: 60000 }, () => {
	it('documents every command', async () => {
		const { code, stdout } = await cli('--help')
		expect(code).toBe(0)
		for (const command of ['create', 'list', 'tasks', 'set-status', 'assign', 'import-csv', 'export', 'NEXTCLOUD_PASSWORD']) expect(stdout).toContain(command)
	})

	it('creates, lists, changes and exports a roadmap', async () => {
		expect(await cli('create', 'Mairie Test', '--commune', 'Mairie Test', '--start', '2027-01-04')).toMatchObject({ code: 0, stdout: 'created /Dégooglisation/Mairie Test: 6 phases, 60 tasks\n' })
		expect((await cli('list')).stdout).toMatch(/\/Dégooglisation\/Mairie Test\s+Feuille de route de dégooglisation — Mairie Test\s+60\s+0 %/)
		expect((await cli('set-status', 'Mairie Test', 'solutions-mail', 'in_progress')).code).toBe(0)
		expect((await cli('assign', 'Mairie Test', 'solutions-mail', 'alice', 'agent@cloud.mairie-b.fr')).stdout).toBe('solutions-mail: alice, agent@cloud.mairie-b.fr\n')
		const tasks = JSON.parse((await cli('tasks', 'Mairie Test', '--assignee', 'agent@cloud.mairie-b.fr', '--json')).stdout)
		expect(tasks).toEqual([expect.objectContaining({ id: 'solutions-mail', status: 'in_progress' })])
		const exported = JSON.parse((await cli('export', 'Mairie Test', '--format', 'json')).stdout)
		expect(exported.tasks.find((t: { id: string }) => t.id === 'solutions-mail').assignees).toEqual(['alice', 'agent@cloud.mairie-b.fr'])
	})

	it('imports a CSV, and refuses a bad one without writing anything', async () => {
		await cli('create', 'Import', '--commune', 'Import', '--empty')
		const good = join(dir, 'good.csv')
		await writeFile(good, 'titre;statut;echeance\nFormer les élus;todo;2027-02-01\nInstaller Firefox;done;\n')
		expect((await cli('import-csv', 'Import', good)).code).toBe(0)
		const bad = join(dir, 'bad.csv')
		await writeFile(bad, 'titre;statut;echeance\nUne tâche;todo;2027-13-01\n')
		const refused = await cli('import-csv', 'Import', bad)
		expect(refused.code).toBe(2)
		expect(refused.stderr).toBe('degooglisation: line 2, column due: not a date (expected YYYY-MM-DD)\n')
		const csv = join(dir, 'out.csv')
		await cli('export', 'Import', '--format', 'csv', '--output', csv)
		const lines = (await readFile(csv, 'utf8')).trim().split('\n')
		expect(lines).toHaveLength(3)
		expect(lines.slice(1).map((l) => l.split(',')[1]).sort()).toEqual(['Former les élus', 'Installer Firefox'])
	})

	it('gives one clear line and a non-zero code on errors', async () => {
		expect(await cli('set-status', 'Mairie Test', 'solutions-mail', 'finished')).toMatchObject({ code: 2, stderr: 'degooglisation: not a status: finished (expected one of todo, in_progress, blocked, done, dropped)\n' })
		expect(await cli('tasks', 'Nulle part')).toMatchObject({ code: 1, stderr: 'degooglisation: not found: /Dégooglisation/Nulle part\n' })
		expect(await cli('frobnicate')).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown command "frobnicate"') })
		const { stderr, code } = await run('node', [bin, 'list'], { env: { ...process.env, NEXTCLOUD_URL: sandbox.url, NEXTCLOUD_USER: 'alice', NEXTCLOUD_PASSWORD: 'wrong' } }).catch((e) => e)
		expect([code, stderr]).toEqual([1, 'degooglisation: authentication failed: check the user and app password\n'])
	})
})
