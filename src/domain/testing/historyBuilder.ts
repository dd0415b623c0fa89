/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Roadmap histories for tests and benchmarks: a creation snapshot, then edits by named people at given times. */

import type { RoadmapState } from '../crdt.ts'
import type { RoadmapHistory } from '../history.ts'
import type { Roadmap } from '../model.ts'
import type { ChangeFile, Operation, SnapshotFile } from '../storageFormat.ts'

import { applyChanges, diffRoadmaps, materialize, stampsOf, stateFromRoadmap } from '../crdt.ts'
import { buildHistory } from '../history.ts'

export class HistoryBuilder {
	private readonly state: RoadmapState
	private readonly snapshot: SnapshotFile
	private readonly changes: ChangeFile[] = []
	private readonly seqs = new Map<string, number>()

	constructor(roadmap: Roadmap, createdAt: string) {
		this.state = stateFromRoadmap(roadmap)
		this.snapshot = { format: 'degooglisation-snapshot', version: 1, writer: 'creator0000', seq: 1, at: createdAt, covers: {}, clock: 0, stamps: stampsOf(this.state), roadmap: structuredClone(roadmap) }
	}

	/** One change file by `author` at `at`, holding what `edit` does to the current roadmap. */
	edit(author: string, at: string, edit: (draft: Roadmap) => void): this {
		const current = materialize(this.state)
		const draft = structuredClone(current)
		edit(draft)
		return this.change(author, at, diffRoadmaps(current, draft))
	}

	/** One change file of the given operations (faster than `edit` for big roadmaps). */
	change(author: string, at: string, ops: Operation[]): this {
		const writer = `w${author.replace(/[^a-z0-9]/g, '')}0000`.slice(0, 40)
		const seq = (this.seqs.get(writer) ?? 0) + 1
		this.seqs.set(writer, seq)
		const change: ChangeFile = { format: 'degooglisation-change', version: 1, writer, seq, clock: this.state.clock + 1, author, at, seen: { ...this.state.covers }, ops }
		applyChanges(this.state, [structuredClone(change)])
		this.changes.push(change)
		return this
	}

	build(): RoadmapHistory {
		return buildHistory([this.snapshot], this.changes)
	}
}
