/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The files of a roadmap folder besides the readable roadmap document:
 * change files and snapshots, their names and their types.
 * See docs/file-format.md.
 */

import type * as v from 'valibot'
import type { Roadmap } from './model.ts'
import type { changeFileSchema, operationSchema, snapshotFileSchema, versionVectorSchema } from './schema.ts'

export type Operation = v.InferOutput<typeof operationSchema>
export type ChangeFile = v.InferOutput<typeof changeFileSchema>
export type SnapshotFile = Omit<v.InferOutput<typeof snapshotFileSchema>, 'roadmap'> & { roadmap: Roadmap }
export type VersionVector = v.InferOutput<typeof versionVectorSchema>

/** The readable current state, derived from the files in STATE_FOLDER. */
export const ROADMAP_FILE = 'roadmap.degooglisation.json'
/** Hidden folder of immutable change files and snapshots. */
export const STATE_FOLDER = '.degooglisation'

const SEQ_DIGITS = 6

/**
 * `complete`: the name of the complete file, written next to its format 1.0
 * projection when the change or snapshot holds more than 1.0 readers take.
 */
export function changeFileName(writer: string, seq: number, complete = false): string {
	return `change.${writer}.${String(seq).padStart(SEQ_DIGITS, '0')}${complete ? '.complete' : ''}.json`
}

export function snapshotFileName(writer: string, seq: number, complete = false): string {
	return `snapshot.${writer}.${String(seq).padStart(SEQ_DIGITS, '0')}${complete ? '.complete' : ''}.json`
}

export interface StateFileName {
	kind: 'change' | 'snapshot'
	writer: string
	seq: number
	/** The complete file, next to a format 1.0 projection (which 1.0 readers read instead). */
	complete: boolean
	name: string
}

/** Reads a name of STATE_FOLDER; null for any other file (left alone). */
export function parseStateFileName(name: string): StateFileName | null {
	const match = /^(change|snapshot)\.([a-z0-9]{4,40})\.(\d{6})(\.complete)?\.json$/.exec(name)
	if (!match) {
		return null
	}
	const seq = Number(match[3])
	return seq >= 1 ? { kind: match[1] as 'change' | 'snapshot', writer: match[2], seq, complete: match[4] !== undefined, name } : null
}

/**
 * Of the names listed, the files to read: for each change or snapshot its
 * complete file when listed, else its format 1.0 file (written alone when
 * nothing was left out, or left alone when a 1.0 reader removed the other).
 * `projection`: the 1.0 file that goes with a complete one, when listed.
 */
export function stateFilesToRead(names: Iterable<string>): Array<StateFileName & { projection: string | null }> {
	const byKey = new Map<string, StateFileName[]>()
	for (const name of names) {
		const parsed = parseStateFileName(name)
		if (!parsed) {
			continue
		}
		const key = `${parsed.kind}.${parsed.writer}.${parsed.seq}`
		byKey.set(key, [...(byKey.get(key) ?? []), parsed])
	}
	return [...byKey.values()].map((files) => {
		const complete = files.find((file) => file.complete)
		const projection = files.find((file) => !file.complete)
		return { ...(complete ?? projection!), projection: complete && projection ? projection.name : null }
	})
}

/** True when every change `a` covers is covered by `b` too. */
export function vectorCovers(b: VersionVector, a: VersionVector): boolean {
	return Object.entries(a).every(([writer, seq]) => (b[writer] ?? 0) >= seq)
}

export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
	const out: VersionVector = { ...a }
	for (const [writer, seq] of Object.entries(b)) {
		out[writer] = Math.max(out[writer] ?? 0, seq)
	}
	return out
}
