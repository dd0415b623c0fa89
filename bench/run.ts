/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * `npm run bench`: every performance figure next to its budget, as the median
 * of several runs (machines here are noisy). Prints a table and writes
 * bench/results/latest.json. Budgets are figures to watch, not test asserts.
 */

import type { Roadmap } from '../src/domain/model.ts'
import type { ChangeFile } from '../src/domain/storageFormat.ts'
import type { DavClient } from '../src/storage/dav.ts'

import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../sandbox/server.ts'
import { applyChanges, diffRoadmaps, materialize, stateFromRoadmap } from '../src/domain/crdt.ts'
import { parseRoadmap, serializeRoadmap } from '../src/domain/format.ts'
import { newWriterId } from '../src/domain/ids.ts'
import { TASK_STATUSES } from '../src/domain/model.ts'
import { sampleRoadmap } from '../src/domain/testing/sampleRoadmap.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../src/storage/roadmapFolder.ts'
import { boardFigures } from './board.ts'
import { APP_PAGE_ENTRY, builtScripts, FILES_ENTRY, gzipSizes, isBuilt, loadedFiles, total, WIDGET_BUDGET_KB, WIDGET_ENTRY } from './bundleSize.ts'
import { reportFigures } from './report.ts'

interface Row {
	figure: string
	median: number
	unit: string
	budget: string
	runs: number
}

const rows: Row[] = []
const root = join(import.meta.dirname, '..')

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.floor(sorted.length / 2)]
}

function time(figure: string, budget: string, runs: number, action: () => void): void {
	action() // warm-up
	const values: number[] = []
	for (let i = 0; i < runs; i++) {
		const start = performance.now()
		action()
		values.push(performance.now() - start)
	}
	rows.push({ figure, median: Number(median(values).toFixed(1)), unit: 'ms', budget, runs })
}

function edited(roadmap: Roadmap, count: number, offset: number): Roadmap {
	const copy = structuredClone(roadmap)
	for (let i = 0; i < count; i++) {
		const task = copy.tasks[(i * 7 + offset) % copy.tasks.length]
		if (i % 3 === 0) {
			task.status = TASK_STATUSES[(i + offset) % TASK_STATUSES.length]
		} else if (i % 3 === 1) {
			task.title = `${task.title} (${offset}-${i})`
		} else {
			task.assignees = [`user${offset}-${i}`]
		}
	}
	return copy
}

function domainFigures(): void {
	const big = sampleRoadmap(5000)
	const text = serializeRoadmap(big)
	const bytes = new TextEncoder().encode(text)
	rows.push({ figure: 'roadmap of 5,000 tasks: file size', median: Number((bytes.length / 1024).toFixed(0)), unit: 'KB', budget: '—', runs: 1 })
	time('parse a 5,000-task roadmap', '≤ 300 ms (project)', 7, () => {
		if (!parseRoadmap(bytes).ok) {
			throw new Error('parse failed')
		}
	})
	time('serialize a 5,000-task roadmap', '≤ 300 ms (project)', 7, () => serializeRoadmap(big))
	const ours = edited(big, 500, 1)
	const theirs = edited(big, 500, 2)
	const change = (writer: string, target: Roadmap): ChangeFile => ({
		format: 'degooglisation-change',
		version: 1,
		writer,
		seq: 1,
		clock: 1,
		author: writer,
		at: new Date().toISOString(),
		seen: {},
		ops: diffRoadmaps(big, target),
	})
	time('merge two versions of 5,000 tasks, 500 edits each side', '≤ 500 ms (project)', 7, () => {
		const state = stateFromRoadmap(big)
		applyChanges(state, [change('oursaaaa', ours), change('theirsbb', theirs)])
		materialize(state)
	})
}

function bundleFigures(): void {
	if (!isBuilt(root)) {
		console.warn('js/ missing: run `npm run build` first; bundle figures skipped')
		return
	}
	const kb = (bytes: number, digits = 1) => Number((bytes / 1024).toFixed(digits))
	const raw = (files: string[]) => files.reduce((sum, file) => sum + statSync(join(root, file)).size, 0)
	const main = loadedFiles(root, APP_PAGE_ENTRY, false).scripts
	rows.push({ figure: 'main page initial script (raw)', median: kb(raw(main), 0), unit: 'KB', budget: '—', runs: 1 })
	rows.push({ figure: 'main page initial script (gzip)', median: kb(total(gzipSizes(root, main)), 0), unit: 'KB', budget: '≤ 400 KB', runs: 1 })
	rows.push({ figure: 'dashboard entry alone (gzip, on every dashboard load)', median: kb(total(gzipSizes(root, loadedFiles(root, WIDGET_ENTRY, false).scripts))), unit: 'KB', budget: '—', runs: 1 })
	const widget = loadedFiles(root, WIDGET_ENTRY, true)
	const widgetCode = total(gzipSizes(root, [...widget.scripts, ...widget.styles]))
	const translations = total(gzipSizes(root, widget.translations))
	rows.push({ figure: 'dashboard widget: entry, every chunk it imports, lazy ones too, CSS (gzip)', median: kb(widgetCode), unit: 'KB', budget: '—', runs: 1 })
	rows.push({ figure: 'dashboard widget: the app\'s French catalogue Nextcloud loads with it (gzip)', median: kb(translations), unit: 'KB', budget: '—', runs: 1 })
	rows.push({ figure: 'dashboard widget: everything it loads, in French (gzip)', median: kb(widgetCode + translations), unit: 'KB', budget: `≤ ${WIDGET_BUDGET_KB} KB`, runs: 1 })
	const files = loadedFiles(root, FILES_ENTRY, true)
	rows.push({ figure: 'Files app action: everything it loads, in French (gzip)', median: kb(total(gzipSizes(root, [...files.scripts, ...files.translations]))), unit: 'KB', budget: '—', runs: 1 })
	rows.push({ figure: 'all built scripts (raw)', median: kb(raw(builtScripts(root)), 0), unit: 'KB', budget: '—', runs: 1 })
}

/** Requests the storage makes for a load, a reload and a save, on one server. */
async function requestFigures(where: string, dav: DavClient, folder: string): Promise<void> {
	await dav.createFolder('/Dégooglisation')
	const writer = () => new RoadmapFolder({ dav, path: folder, writer: { id: newWriterId(), author: 'bench' } })
	const first = writer()
	await first.create(sampleRoadmap(5000))
	for (let i = 0; i < 10; i++) {
		await first.save([{ op: 'set', path: `tasks/t0000${i}/status`, value: 'done' }])
	}
	const reader = writer()
	const load = await reader.load()
	rows.push({ figure: `requests per load (5,000 tasks, 10 pending changes, ${where})`, median: load.requests, unit: 'requests', budget: 'a few, not one per task', runs: 1 })
	const reload = await reader.load()
	rows.push({ figure: `requests per reload (nothing new, ${where})`, median: reload.requests, unit: 'requests', budget: '—', runs: 1 })
	const save = await reader.save([{ op: 'set', path: 'tasks/t00001/title', value: 'x' }])
	rows.push({ figure: `requests per save (${where})`, median: save.requests, unit: 'requests', budget: '1 (+ compaction every 32 to 64 saves)', runs: 1 })
	await first.save([{ op: 'set', path: 'tasks/t00002/title', value: 'y' }])
	const caughtUp = await reader.catchUp()
	rows.push({ figure: `requests per catch-up after a save, one change by another writer (${where})`, median: caughtUp.requests, unit: 'requests', budget: '1 listing + 1 per new file', runs: 1 })
}

async function sandboxRequestFigures(): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'degooglisation-bench-'))
	const sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }] })
	try {
		await requestFigures('sandbox', createNodeDavClient({ url: sandbox.url, user: 'alice', password: 'alice' }), '/Dégooglisation/Bench')
	} finally {
		await sandbox.close()
		rmSync(dataDir, { recursive: true, force: true })
	}
}

/** The same figures on a real Nextcloud when NEXTCLOUD_URL, NEXTCLOUD_USER and NEXTCLOUD_PASSWORD are set. */
async function nextcloudRequestFigures(): Promise<void> {
	const { NEXTCLOUD_URL: url, NEXTCLOUD_USER: user, NEXTCLOUD_PASSWORD: password } = process.env
	if (!url || !user || !password) {
		return
	}
	const dav = createNodeDavClient({ url, user, password })
	const folder = `/Dégooglisation/bench-${Date.now().toString(36)}`
	try {
		await requestFigures(new URL(url).host, dav, folder)
	} finally {
		await dav.delete(folder)
	}
}

/** `--only board` measures the board figures alone, for quick comparisons between two builds. */
const onlyBoard = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'board'

async function main(): Promise<void> {
	if (!onlyBoard) {
		domainFigures()
		rows.push(...await reportFigures())
		bundleFigures()
		await sandboxRequestFigures()
		await nextcloudRequestFigures()
	}
	// The machine is shared: its load says how far the times can be trusted.
	const loadBefore = loadavg()
	for (const { figure, values, budget } of await boardFigures(root)) {
		rows.push({ figure, median: Number(median(values).toFixed(1)), unit: 'ms', budget, runs: values.length })
	}
	const load = { before: loadBefore.map((l) => Number(l.toFixed(2))), after: loadavg().map((l) => Number(l.toFixed(2))), cores: availableParallelism() }
	const width = Math.max(...rows.map((r) => r.figure.length))
	console.log(`${'figure'.padEnd(width)}  ${'median'.padStart(8)}  unit      budget`)
	for (const row of rows) {
		console.log(`${row.figure.padEnd(width)}  ${String(row.median).padStart(8)}  ${row.unit.padEnd(8)}  ${row.budget}  (${row.runs} run${row.runs > 1 ? 's' : ''})`)
	}
	console.log(`load average (1, 5, 15 min) on ${load.cores} cores: ${load.before.join(', ')} before the board figures, ${load.after.join(', ')} after`)
	if (onlyBoard) {
		return
	}
	mkdirSync(join(root, 'bench', 'results'), { recursive: true })
	const result = `${JSON.stringify({ at: new Date().toISOString(), load, rows })}\n`
	writeFileSync(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), load, rows }, null, '\t')}\n`)
	appendFileSync(join(root, 'bench', 'results', 'history.jsonl'), result)
}

// Exits even when a failure left a server or browser open.
main().then(() => process.exit(0), (error) => {
	console.error(error)
	process.exit(1)
})
