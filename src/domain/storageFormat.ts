/**
 * The files of a roadmap folder besides the readable roadmap document:
 * change files and snapshots, their names and their types.
 * See docs/file-format.md.
 */
import type * as v from 'valibot'
import type { changeFileSchema, operationSchema, snapshotFileSchema, versionVectorSchema } from './schema'

export type Operation = v.InferOutput<typeof operationSchema>
export type ChangeFile = v.InferOutput<typeof changeFileSchema>
export type SnapshotFile = v.InferOutput<typeof snapshotFileSchema>
export type VersionVector = v.InferOutput<typeof versionVectorSchema>

/** The readable current state, derived from the files in STATE_FOLDER. */
export const ROADMAP_FILE = 'roadmap.degooglisation.json'
/** Hidden folder of immutable change files and snapshots. */
export const STATE_FOLDER = '.degooglisation'

const SEQ_DIGITS = 6

export function changeFileName(writer: string, seq: number): string {
	return `change.${writer}.${String(seq).padStart(SEQ_DIGITS, '0')}.json`
}

export function snapshotFileName(writer: string, seq: number): string {
	return `snapshot.${writer}.${String(seq).padStart(SEQ_DIGITS, '0')}.json`
}

export interface StateFileName {
	kind: 'change' | 'snapshot'
	writer: string
	seq: number
}

/** Reads a name of STATE_FOLDER; null for any other file (left alone). */
export function parseStateFileName(name: string): StateFileName | null {
	const match = /^(change|snapshot)\.([a-z0-9]{4,40})\.(\d{6})\.json$/.exec(name)
	if (!match) return null
	const seq = Number(match[3])
	return seq >= 1 ? { kind: match[1] as 'change' | 'snapshot', writer: match[2], seq } : null
}

/** True when every change `a` covers is covered by `b` too. */
export function vectorCovers(b: VersionVector, a: VersionVector): boolean {
	return Object.entries(a).every(([writer, seq]) => (b[writer] ?? 0) >= seq)
}

export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
	const out: VersionVector = { ...a }
	for (const [writer, seq] of Object.entries(b)) out[writer] = Math.max(out[writer] ?? 0, seq)
	return out
}
