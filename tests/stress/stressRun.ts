/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * N writers, each applying M random edits to one roadmap at the same time
 * through a roadmap session (src/storage/roadmapSession.ts: the outbox,
 * retries, catching up and compaction the app page, the widget and the
 * command line all edit through), then a fresh session checks that every
 * edit is in the final roadmap or was overtaken by a later edit of the same
 * field (a same-field conflict, resolved by stamp on every client alike).
 */

import type { Stamp } from '../../src/domain/crdt.ts'
import type { Roadmap } from '../../src/domain/model.ts'
import type { Operation } from '../../src/domain/storageFormat.ts'
import type { DavClient } from '../../src/storage/dav.ts'

import { compareStamps } from '../../src/domain/crdt.ts'
import { isDeepEqual } from '../../src/domain/crdt.ts'
import { newWriterId } from '../../src/domain/ids.ts'
import { makeTask, TASK_STATUSES } from '../../src/domain/model.ts'
import { memoryStorage } from '../../src/storage/outbox.ts'
import { RoadmapSession } from '../../src/storage/roadmapSession.ts'
import { processEnvironment } from '../../src/storage/sessionEnvironment.ts'

export interface StressTarget {
	/** Where this writer reaches the roadmap: its own client and its own path to the folder. */
	dav: DavClient
	path: string
	label: string
}

export interface StressOptions {
	targets: StressTarget[]
	writers: number
	editsPerWriter: number
	seed?: number
	/** A writer looks for the others' changes before an edit with this probability (it also does after each save). */
	refreshRate?: number
	/** Requests sent so far by the targets' clients. */
	requests?: () => number
	log?: (line: string) => void
}

interface Edit {
	kind: 'status' | 'assignee' | 'title' | 'newTask' | 'checklist' | 'departments'
	/** Register paths the edit set, with their values. */
	registers: Array<{ path: string, value: unknown }>
	/** Entities the edit created. */
	created: string[]
	stamp: Stamp
}

export interface StressReport {
	writers: number
	editsApplied: number
	editsLost: number
	overtaken: number
	conflictsReported: number
	/** Rounds of sending that failed and were retried by the session later. */
	failedRounds: number
	/** Edits still in a session's outbox when it gave up settling. */
	unsent: number
	requests: number
	seconds: number
	lostSamples: string[]
	finalTasks: number
}

function mulberry32(seed: number): () => number {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

const USERS = ['alice', 'bob', 'claire', 'agent@cloud.mairie-b.fr', 'elu@mairie-c.fr']
const DEPARTMENTS = ['etat-civil', 'urbanisme', 'ecoles', 'ccas']

function randomEdit(roadmap: Roadmap, writer: string, n: number, random: () => number): { kind: Edit['kind'], ops: Operation[] } {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
	const task = pick(roadmap.tasks)
	const roll = random()
	if (!task || roll < 0.1) {
		const id = `s-${writer}-${n}`
		return { kind: 'newTask', ops: [{ op: 'add', path: `tasks/${id}`, value: makeTask({ id, title: `Tâche ${writer} ${n}`, phase: pick(roadmap.phases)?.id ?? null }) as unknown as Record<string, unknown> }] }
	}
	if (roll < 0.4) {
		return { kind: 'status', ops: [{ op: 'set', path: `tasks/${task.id}/status`, value: pick(TASK_STATUSES) }] }
	}
	if (roll < 0.6) {
		const assignees = USERS.filter(() => random() < 0.4)
		return { kind: 'assignee', ops: [{ op: 'set', path: `tasks/${task.id}/assignees`, value: assignees }] }
	}
	// Departments came with format 1.1: these changes are written as a complete file next to their 1.0 projection.
	if (roll < 0.7) {
		return { kind: 'departments', ops: [{ op: 'set', path: `tasks/${task.id}/departments`, value: DEPARTMENTS.filter(() => random() < 0.4) }] }
	}
	if (roll < 0.8) {
		return { kind: 'title', ops: [{ op: 'set', path: `tasks/${task.id}/title`, value: `${task.title.split(' · ')[0]} · ${writer} ${n}` }] }
	}
	const itemId = `c-${writer}-${n}`
	return { kind: 'checklist', ops: [{ op: 'add', path: `tasks/${task.id}/checklist/${itemId}`, value: { id: itemId, text: `Point ${n}`, done: false } }] }
}

function registersOf(ops: Operation[]): { registers: Edit['registers'], created: string[] } {
	const registers: Edit['registers'] = []
	const created: string[] = []
	for (const op of ops) {
		if (op.op === 'set') {
			registers.push({ path: op.path, value: op.value })
		}
		if (op.op === 'add') {
			created.push(op.path)
		}
	}
	return { registers, created }
}

/** Reads a register path (`tasks/<id>/status`) or an entity path out of a roadmap. */
function lookup(roadmap: Roadmap, path: string): { found: boolean, value?: unknown } {
	const parts = path.split('/')
	let node: Record<string, unknown> = roadmap as unknown as Record<string, unknown>
	for (let i = 0; i < parts.length; i += 2) {
		const collection = node[parts[i]]
		if (i + 1 >= parts.length) {
			return { found: true, value: collection }
		}
		const item = (collection as Array<Record<string, unknown>> | undefined)?.find((x) => x.id === parts[i + 1])
		if (!item) {
			return { found: false }
		}
		node = item
	}
	return { found: true, value: node }
}

/** Opens a session as the command line does (outbox in memory), retrying while the server is busy. */
async function openSession(target: StressTarget, writer: { id: string, author: string }, log: (line: string) => void): Promise<RoadmapSession> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await RoadmapSession.open({
				dav: target.dav,
				path: target.path,
				writer,
				outbox: memoryStorage(),
				environment: processEnvironment(),
				report: (message, error) => log(`${writer.author} (${target.label}): ${message}${error ? `: ${(error as Error).message}` : ''}`),
			})
		} catch (error) {
			// A loaded server may time out a request (30 s, as in the app): opening is tried again, as a person would.
			if (attempt >= 10) {
				throw error
			}
			log(`${writer.author} (${target.label}): opening failed (attempt ${attempt}): ${(error as Error).message}`)
			await new Promise((resolve) => setTimeout(resolve, 1000 * attempt))
		}
	}
}

/** Sends what is left, as a client about to go does; tells how many edits stayed unsent. */
async function settle(session: RoadmapSession, log: (line: string) => void): Promise<number> {
	for (let attempt = 1; attempt <= 8; attempt++) {
		try {
			await session.settle()
			return 0
		} catch (error) {
			log(`settling failed (attempt ${attempt}): ${(error as Error).message}`)
			await new Promise((resolve) => setTimeout(resolve, 1000 * attempt))
		}
	}
	return session.state.unsent
}

export async function runStress(options: StressOptions): Promise<StressReport> {
	const log = options.log ?? (() => {})
	const random = mulberry32(options.seed ?? 42)
	const refreshRate = options.refreshRate ?? 0.2
	const started = Date.now()
	const requestsBefore = options.requests?.() ?? 0
	const edits: Edit[] = []
	let failedRounds = 0
	let unsent = 0
	let conflictsReported = 0

	await Promise.all(Array.from({ length: options.writers }, async (_, w) => {
		const target = options.targets[w % options.targets.length]
		const writer = { id: newWriterId(), author: `stress-${w}` }
		const session = await openSession(target, writer, log)
		let saveState = session.state.saveState
		session.subscribe((state) => {
			if (state.saveState !== saveState && (state.saveState === 'offline' || state.saveState === 'error')) {
				failedRounds++
			}
			saveState = state.saveState
		})
		let conflicts = session.state.conflicts
		for (let n = 1; n <= options.editsPerWriter; n++) {
			if (random() < refreshRate) {
				await session.refresh()
			}
			const { kind, ops } = randomEdit(session.state.roadmap, writer.id, n, random)
			const change = session.apply(ops)!
			const { registers, created } = registersOf(ops)
			// The seq may move when the name is taken; the clock, which orders the stamps, does not.
			edits.push({ kind, registers, created, stamp: { clock: change.clock, writer: change.writer, seq: change.seq, index: 0 } })
			// As the app's saving indicator waits: the next edit once this round ended, written or kept for a retry.
			await session.flush()
			if (session.state.conflicts !== conflicts) {
				conflicts = session.state.conflicts
				conflictsReported += conflicts.length
			}
		}
		unsent += await settle(session, (line) => log(`${writer.author} (${target.label}): ${line}`))
		session.dispose()
		log(`${writer.author} (${target.label}) done`)
	}))

	const reader = await openSession(options.targets[0], { id: newWriterId(), author: 'stress-reader' }, log)
	const final = reader.state.roadmap
	reader.dispose()

	// The expected winner of each register is its edit with the highest stamp.
	const latest = new Map<string, { stamp: Stamp, value: unknown }>()
	for (const edit of edits) {
		for (const r of edit.registers) {
			const current = latest.get(r.path)
			if (!current || compareStamps(edit.stamp, current.stamp) > 0) {
				latest.set(r.path, { stamp: edit.stamp, value: r.value })
			}
		}
	}
	let lost = 0
	let overtaken = 0
	const lostSamples: string[] = []
	for (const edit of edits) {
		let editLost = false
		for (const r of edit.registers) {
			const actual = lookup(final, r.path)
			if (actual.found && isDeepEqual(actual.value, r.value)) {
				continue
			}
			const winner = latest.get(r.path)!
			if (compareStamps(winner.stamp, edit.stamp) > 0 && actual.found && isDeepEqual(actual.value, winner.value)) {
				overtaken++
				continue
			}
			editLost = true
			if (lostSamples.length < 10) {
				lostSamples.push(`${r.path}: expected ${JSON.stringify(r.value)}, found ${JSON.stringify(actual.value)}`)
			}
		}
		for (const path of edit.created) {
			if (!lookup(final, path).found) {
				editLost = true
				if (lostSamples.length < 10) {
					lostSamples.push(`${path}: missing`)
				}
			}
		}
		if (editLost) {
			lost++
		}
	}
	return {
		writers: options.writers,
		editsApplied: edits.length,
		editsLost: lost,
		overtaken,
		conflictsReported,
		failedRounds,
		unsent,
		requests: (options.requests?.() ?? 0) - requestsBefore,
		seconds: (Date.now() - started) / 1000,
		lostSamples,
		finalTasks: final.tasks.length,
	}
}
