/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * When a writer folds the change files into a snapshot, and which files it
 * may then remove (see docs/file-format.md). Pure rules over the files a
 * writer knows; RoadmapFolder.compact does the writing.
 */

import type { ChangeFile, SnapshotFile, StateFileName } from '../domain/storageFormat.ts'

import { parseStateFileName, vectorCovers } from '../domain/storageFormat.ts'
import { coversOf } from './stateFiles.ts'

/** Pending change files after which a writer folds them into a new snapshot. */
export const COMPACT_AFTER = 32
/** How long another writer's folded files are left for that writer to remove itself. */
export const FOREIGN_DELETE_GRACE_MS = 60 * 60 * 1000

type KnownFiles = ReadonlyMap<string, ChangeFile | SnapshotFile>

/** Jittered per client, so that writers who see the same pile of changes do not all fold it at once. */
export function compactionThreshold(base: number = COMPACT_AFTER, random: () => number = Math.random): number {
	return Math.round(base * (1 + random()))
}

function snapshotsOf(known: KnownFiles): SnapshotFile[] {
	return [...known.values()].filter((file): file is SnapshotFile => file.format === 'degooglisation-snapshot')
}

/** Change files known and not covered by any known snapshot (a complete file and its 1.0 file count once). */
export function pendingChanges(known: KnownFiles): number {
	const covers = coversOf(snapshotsOf(known))
	const pending = new Set<string>()
	for (const name of known.keys()) {
		const parsed = parseStateFileName(name)
		if (parsed?.kind === 'change' && (covers[parsed.writer] ?? 0) < parsed.seq) {
			pending.add(`${parsed.writer}.${parsed.seq}`)
		}
	}
	return pending.size
}

/**
 * Whether a file may go now that `snapshot` holds it. A writer removes its
 * own files at once; another writer's only once an older snapshot has held
 * them for a while, so that writers compacting at the same moment do not
 * race to delete the same files.
 */
export function isFolded(file: { name: string, parsed: StateFileName }, snapshot: SnapshotFile, known: KnownFiles, writerId: string, now: Date): boolean {
	const { name, parsed } = file
	const coveredBy = (s: SnapshotFile) => {
		if (parsed.kind === 'change') {
			return (s.covers[parsed.writer] ?? 0) >= parsed.seq
		}
		const other = known.get(name) as SnapshotFile | undefined
		return other !== undefined && other !== s && vectorCovers(s.covers, other.covers)
	}
	if (!coveredBy(snapshot)) {
		return false
	}
	if (parsed.writer === writerId) {
		return true
	}
	const graceLimit = now.getTime() - FOREIGN_DELETE_GRACE_MS
	return snapshotsOf(known).some((s) => Date.parse(s.at) < graceLimit && coveredBy(s))
}
