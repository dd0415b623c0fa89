/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** `import` and `export` of spreadsheets, run as a process against the sandbox. */

import * as XLSX from '@e965/xlsx'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../sandbox/server.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'

const bin = join(import.meta.dirname, '..', 'bin', 'degooglisation.mjs')
const USER = { id: 'alice', displayName: 'Alice', password: 'alice-secret' }
let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dir: string

function degooglisation(...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
	return new Promise((resolve) => {
		execFile('node', [bin, ...args], {
			env: { ...process.env, NEXTCLOUD_URL: sandbox.url, NEXTCLOUD_USER: USER.id, NEXTCLOUD_PASSWORD: USER.password },
		}, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }))
	})
}

async function stateFiles(): Promise<string[]> {
	const dav = createNodeDavClient({ url: sandbox.url, user: USER.id, password: USER.password })
	return (await dav.list('/Dégooglisation/Tableurs/.degooglisation')).map((entry) => entry.name).filter(Boolean).sort()
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'degooglisation-sheets-'))
	sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'data'), users: [USER] })
	await degooglisation('create', 'Tableurs', '--commune', 'Tableurs', '--start', '2027-01-04')
})

afterAll(async () => {
	await sandbox.close()
	await rm(dir, { recursive: true, force: true })
})

describe('spreadsheets on the command line', { timeout: 60_000 }, () => {
	it('exports ODS that imports back without writing anything', async () => {
		const ods = join(dir, 'feuille.ods')
		expect(await degooglisation('export', 'Tableurs', '--format', 'ods', '--output', ods)).toMatchObject({ code: 0, stdout: `wrote ${ods}\n` })
		const book = XLSX.read(await readFile(ods))
		expect(book.SheetNames).toEqual(['Tâches', 'Indicateurs'])
		const files = await stateFiles()
		expect(await degooglisation('import', 'Tableurs', ods)).toMatchObject({ code: 0, stdout: 'imported feuille.ods into /Dégooglisation/Tableurs: 0 added, 0 updated, 60 unchanged\n' })
		expect(await stateFiles()).toEqual(files)
	})

	it('exports the indicators as CSV, and JSON as before', async () => {
		const csv = await degooglisation('export', 'Tableurs', '--format', 'csv', '--indicators', '--lang', 'fr')
		expect(csv.stdout.split('\n')[0]).toBe('indicateur,nom,unité,cible,date,valeur,note')
		expect(JSON.parse((await degooglisation('export', 'Tableurs')).stdout).commune).toBe('Tableurs')
		expect(await degooglisation('export', 'Tableurs', '--format', 'pdf')).toMatchObject({ code: 1, stderr: expect.stringContaining('--format must be json, csv or ods') })
	})

	it('refuses an XLSX file with bad rows, naming them, and imports it once fixed', async () => {
		const xlsx = join(dir, 'taches.xlsx')
		const write = (due: unknown) => {
			const sheet = XLSX.utils.aoa_to_sheet([['titre', 'échéance', 'statut'], ['Former les élus', due, 'todo'], ['Ouvrir le cloud', new Date(Date.UTC(2027, 5, 30)), 'todo'], ['Bureautique', null, 'todo']], { cellDates: true, UTC: true })
			const book = XLSX.utils.book_new()
			XLSX.utils.book_append_sheet(book, sheet, 'Tâches')
			return writeFile(xlsx, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }))
		}
		await write('31/02/2027')
		const files = await stateFiles()
		expect(await degooglisation('import', 'Tableurs', xlsx)).toEqual({ code: 2, stdout: '', stderr: 'degooglisation: ligne 2, colonne B (échéance): not a date (expected YYYY-MM-DD)\n' })
		expect(await stateFiles()).toEqual(files)
		await write(new Date(Date.UTC(2027, 1, 28)))
		const dryRun = await degooglisation('import', 'Tableurs', xlsx, '--dry-run')
		expect(dryRun.stdout).toMatch(/^ligne 2: add task-\S+ "Former les élus"\nligne 3: add task-\S+ "Ouvrir le cloud"\nligne 4: add task-\S+ "Bureautique"\ntaches\.xlsx is valid: 3 added, 0 updated, 0 unchanged \(nothing written: --dry-run\)\n$/)
		expect(await stateFiles()).toEqual(files)
		expect(await degooglisation('import', 'Tableurs', xlsx)).toMatchObject({ code: 0, stdout: 'imported taches.xlsx into /Dégooglisation/Tableurs: 3 added, 0 updated, 0 unchanged\n' })
		expect(await stateFiles()).toHaveLength(files.length + 1)
		const tasks = JSON.parse((await degooglisation('tasks', 'Tableurs', '--json')).stdout) as Array<{ title: string, due: string | null }>
		expect(tasks.find((t) => t.title === 'Former les élus')?.due).toBe('2027-02-28')
	})
})
