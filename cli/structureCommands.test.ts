/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/** The structure and department commands, run as a process (through bin/degooglisation.mjs) against the sandbox. */

import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../sandbox/server.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'

const bin = join(import.meta.dirname, '..', 'bin', 'degooglisation.mjs')
const USER = { id: 'alice', displayName: 'Alice', password: 'alice-secret' }
const FOLDER = 'Mairie Structure'
let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dir: string

function degooglisation(...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
	return new Promise((resolve) => {
		execFile('node', [bin, ...args], {
			env: { ...process.env, NEXTCLOUD_URL: sandbox.url, NEXTCLOUD_USER: USER.id, NEXTCLOUD_PASSWORD: USER.password },
		}, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }))
	})
}

async function changeFiles(): Promise<string[]> {
	const dav = createNodeDavClient({ url: sandbox.url, user: USER.id, password: USER.password })
	return (await dav.list(`/Dégooglisation/${FOLDER}/.degooglisation`)).map((entry) => entry.name).filter((name) => name.startsWith('change.') && !name.includes('.complete.'))
}

async function structure(): Promise<Record<string, any>> {
	return JSON.parse((await degooglisation('structure', FOLDER, '--json')).stdout)
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'degooglisation-structure-'))
	sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'data'), users: [USER] })
	await degooglisation('create', FOLDER, '--commune', 'Saint-Structure', '--start', '2027-01-04')
}, 60_000)

afterAll(async () => {
	await sandbox.close()
	await rm(dir, { recursive: true, force: true })
})

describe('degooglisation --help', () => {
	it('lists the structure and department commands', async () => {
		const { stdout } = await degooglisation('--help')
		for (const text of ['structure <folder> [--json]', 'add-phase <folder> <title>', 'move-phase <folder> <phase-id> <position>', 'remove-phase <folder> <phase-id> [--move-tasks-to <phase-id>]', 'edit-indicator <folder> <indicator-id>', 'remove-measurement', 'add-department <folder> <label> [--id <id>]', 'set-departments <folder> <task-id> <department-id>... [--add] [--remove]']) {
			expect(stdout).toContain(text)
		}
	})
})

describe('shaping a roadmap from the command line', { timeout: 120_000 }, () => {
	it('changes its title and description, one change file per write, none when nothing changes', async () => {
		const before = await changeFiles()
		expect(await degooglisation('set-roadmap', FOLDER, '--title', 'Plan libre 2027-2032', '--description', 'Voté en conseil')).toMatchObject({ code: 0, stdout: 'Plan libre 2027-2032 — Saint-Structure\n' })
		expect(await degooglisation('set-roadmap', FOLDER, '--title', 'Plan libre 2027-2032')).toMatchObject({ code: 0, stdout: 'nothing to change\n' })
		expect(await changeFiles()).toHaveLength(before.length + 1)
		expect(await degooglisation('set-roadmap', FOLDER, '--title', ' ')).toMatchObject({ code: 2, stderr: 'degooglisation: title cannot be empty\n' })
		expect(await degooglisation('set-roadmap', FOLDER)).toMatchObject({ code: 1, stderr: expect.stringContaining('give at least one of --title, --commune, --description') })
	})

	it('adds, re-dates, reorders and removes phases, moving their tasks', async () => {
		expect(await degooglisation('add-phase', FOLDER, 'Bilan du mandat', '--start', '2032-01-01', '--end', '2032-06-30')).toMatchObject({ code: 0, stdout: 'added phase bilan-du-mandat: Bilan du mandat (2032-01-01 → 2032-06-30)\n' })
		expect(await degooglisation('add-phase', FOLDER, 'À l\'envers', '--start', '2032-01-01', '--end', '2031-06-30')).toMatchObject({ code: 2, stderr: 'degooglisation: the end comes before the start\n' })
		expect(await degooglisation('edit-phase', FOLDER, 'bilan-du-mandat', '--title', 'Bilan', '--end', '2032-12-31')).toMatchObject({ code: 0, stdout: 'phase bilan-du-mandat: Bilan (2032-01-01 → 2032-12-31)\n' })
		expect(await degooglisation('edit-phase', FOLDER, 'bilan-du-mandat', '--start', '2033-01-01')).toMatchObject({ code: 2, stderr: 'degooglisation: the end comes before the start\n' })
		const moved = await degooglisation('move-phase', FOLDER, 'bilan-du-mandat', '2')
		expect(moved.stdout.split('\n').slice(0, 3)).toEqual(['1. structuring: Structuration', '2. bilan-du-mandat: Bilan', '3. transformation: Transformation du socle'])
		expect(await degooglisation('remove-phase', FOLDER, 'solutions')).toMatchObject({ code: 2, stderr: 'degooglisation: phase "solutions" holds tasks: say where they go with --move-tasks-to <phase-id>\n' })
		const solutionTasks = JSON.parse((await degooglisation('tasks', FOLDER, '--phase', 'solutions', '--json')).stdout).length
		expect(await degooglisation('remove-phase', FOLDER, 'solutions', '--move-tasks-to', 'bilan-du-mandat')).toMatchObject({ code: 0, stdout: `removed phase solutions; ${solutionTasks} tasks moved to bilan-du-mandat\n` })
		expect(JSON.parse((await degooglisation('tasks', FOLDER, '--phase', 'bilan-du-mandat', '--json')).stdout)).toHaveLength(solutionTasks)
		expect((await structure()).phases.map((p: { id: string }) => p.id)).toEqual(['structuring', 'bilan-du-mandat', 'transformation', 'communication', 'inclusion', 'federation'])
	})

	it('adds an indicator with a target, records and corrects measurements', async () => {
		expect(await degooglisation('add-indicator', FOLDER, 'Boîtes migrées', '--unit', 'boîtes', '--target', '120', '--target-date', '2028-06-30', '--baseline', '0')).toMatchObject({ code: 0, stdout: 'added indicator boites-migrees: Boîtes migrées\n' })
		expect(await degooglisation('edit-indicator', FOLDER, 'boites-migrees', '--target', '150,5')).toMatchObject({ code: 0, stdout: 'indicator boites-migrees: Boîtes migrées (boîtes), baseline 0, target 150.5 by 2028-06-30\n' })
		expect(await degooglisation('add-measurement', FOLDER, 'boites-migrees', '2027-03-01', '--value', '12', '--id', 'm1')).toMatchObject({ code: 0, stdout: 'added measurement m1 to boites-migrees: 12 on 2027-03-01\n' })
		expect(await degooglisation('add-measurement', FOLDER, 'boites-migrees', '2027-06-01', '--value', '40', '--id', 'm2')).toMatchObject({ code: 0 })
		expect(await degooglisation('edit-measurement', FOLDER, 'boites-migrees', 'm1', '--value', '14', '--note', 'recompté')).toMatchObject({ code: 0, stdout: 'measurement m1: 14 on 2027-03-01 (recompté)\n' })
		expect(await degooglisation('remove-measurement', FOLDER, 'boites-migrees', 'm2')).toMatchObject({ code: 0, stdout: 'removed measurement m2 of boites-migrees\n' })
		expect(await degooglisation('edit-indicator', FOLDER, 'boites-migrees', '--target', 'beaucoup')).toMatchObject({ code: 2, stderr: 'degooglisation: --target: not a number: beaucoup\n' })
		const indicator = (await structure()).indicators.find((i: { id: string }) => i.id === 'boites-migrees')
		expect(indicator).toEqual({ id: 'boites-migrees', name: 'Boîtes migrées', unit: 'boîtes', target: 150.5, targetDate: '2028-06-30', baseline: 0, measurements: [{ id: 'm1', date: '2027-03-01', value: 14, note: 'recompté' }] })
		expect(await degooglisation('remove-indicator', FOLDER, 'boites-migrees')).toMatchObject({ code: 0 })
		expect(await degooglisation('remove-indicator', FOLDER, 'boites-migrees')).toMatchObject({ code: 2, stderr: 'degooglisation: no indicator "boites-migrees" in this roadmap\n' })
	})

	it('edits categories; tasks of a removed category keep working', async () => {
		expect(await degooglisation('add-category', FOLDER, 'Téléphonie')).toMatchObject({ code: 0, stdout: 'added category telephonie: Téléphonie\n' })
		expect(await degooglisation('rename-category', FOLDER, 'telephonie', 'Téléphonie IP')).toMatchObject({ code: 0, stdout: 'category telephonie: Téléphonie IP\n' })
		expect(await degooglisation('remove-category', FOLDER, 'mail')).toMatchObject({ code: 0, stdout: 'removed category mail\n' })
		const mail = JSON.parse((await degooglisation('tasks', FOLDER, '--json')).stdout).find((t: { id: string }) => t.id === 'solutions-mail')
		expect(mail.category).toBeNull()
		expect(await degooglisation('set-status', FOLDER, 'solutions-mail', 'done')).toMatchObject({ code: 0 })
	})

	it('gives tasks departments, counts progress per department, and carries them in CSV', async () => {
		expect((await structure()).departments.map((d: { id: string }) => d.id)).toContain('etat-civil')
		expect(await degooglisation('add-department', FOLDER, 'Cimetière')).toMatchObject({ code: 0, stdout: 'added department cimetiere: Cimetière\n' })
		expect(await degooglisation('set-departments', FOLDER, 'solutions-mail', 'etat-civil', 'urbanisme')).toMatchObject({ code: 0, stdout: 'solutions-mail: etat-civil, urbanisme\n' })
		expect(await degooglisation('set-departments', FOLDER, 'solutions-browser', 'cimetiere', '--add')).toMatchObject({ code: 0, stdout: 'solutions-browser: cimetiere\n' })
		expect(await degooglisation('set-departments', FOLDER, 'solutions-browser', 'rh', '--add')).toMatchObject({ code: 0 })
		expect(await degooglisation('set-departments', FOLDER, 'solutions-browser', 'nulle-part')).toMatchObject({ code: 2, stderr: 'degooglisation: no department "nulle-part" in this roadmap\n' })
		const progress = (await structure()).departmentProgress
		expect(progress.find((d: { departmentId: string }) => d.departmentId === 'etat-civil')).toMatchObject({ total: 1, percent: 100 })
		expect(progress.find((d: { departmentId: string }) => d.departmentId === 'cimetiere')).toMatchObject({ total: 1, percent: 0 })
		const table = (await degooglisation('structure', FOLDER)).stdout
		expect(table).toMatch(/Departments:\nid\s+tasks\s+done\s+label\n/)
		expect(table).toMatch(/\netat-civil\s+1\s+100 %\s+État civil et élections\n/)

		expect(await degooglisation('remove-department', FOLDER, 'cimetiere')).toMatchObject({ code: 0, stdout: 'removed department cimetiere\n' })
		const browser = JSON.parse((await degooglisation('tasks', FOLDER, '--json')).stdout).find((t: { id: string }) => t.id === 'solutions-browser')
		expect(browser.departments).toEqual(['rh'])

		const csv = join(dir, 'export.csv')
		await degooglisation('export', FOLDER, '--format', 'csv', '--output', csv)
		const lines = (await readFile(csv, 'utf8')).split('\n')
		expect(lines[0]).toBe('id,title,description,phase,status,assignees,start,due,category,replaces,replacements,departments')
		expect(lines.find((line) => line.startsWith('solutions-mail,'))).toMatch(/,etat-civil; urbanisme$/)
		expect(await degooglisation('import-csv', FOLDER, csv)).toMatchObject({ code: 0, stdout: expect.stringContaining('0 added, 0 updated') })
	})
})
