/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Changes the merge holds back (docs/file-format.md § 4 and § 7), said per
 * writer so that people see them: whose, how many, and the file they wait
 * for. Without this a writer's edits behind a damaged file are silently
 * missing from the roadmap.
 */

import type { ChangeFile, VersionVector } from '../domain/storageFormat.ts'
import type { FileProblem } from './stateFiles.ts'

import { changeFileName, parseStateFileName } from '../domain/storageFormat.ts'

/**
 * unreadable: the file does not parse (damaged or incomplete); newer-version:
 * a newer major version of the format wrote it; too-large: over the size
 * limit, never downloaded; not-visible: it is not listed
 * (yet): a federated mount lagging, or folded into a snapshot not seen yet.
 */
export type WaitingReason = 'unreadable' | 'newer-version' | 'too-large' | 'not-visible'

export interface WaitingChanges {
	writer: string
	/** The Nextcloud user who saved them, as their change files say. */
	author: string
	/** How many of that writer's changes are held back. */
	count: number
	/** The file of the state folder they wait for: the writer's first change not applied. */
	file: string
	reason: WaitingReason
	/** The reader's own words about that file (for a "Details" disclosure); null when it is not visible. */
	detail: string | null
}

/** Groups the held-back changes by writer, with the file each writer's changes wait for and why. */
export function describeWaiting(held: readonly ChangeFile[], covers: VersionVector, problems: readonly FileProblem[]): WaitingChanges[] {
	const byWriter = new Map<string, ChangeFile[]>()
	for (const change of held) {
		byWriter.set(change.writer, [...byWriter.get(change.writer) ?? [], change])
	}
	return [...byWriter].map(([writer, changes]): WaitingChanges => {
		const missing = (covers[writer] ?? 0) + 1
		const problem = problems.find((p) => {
			const name = parseStateFileName(p.file.split('/').at(-1) ?? p.file)
			return name?.kind === 'change' && name.writer === writer && name.seq === missing
		})
		const first = changes.reduce((a, b) => (b.seq < a.seq ? b : a))
		return {
			writer,
			author: first.author,
			count: changes.length,
			file: problem?.file ?? changeFileName(writer, missing),
			reason: problem ? (problem.kind === 'invalid' ? 'unreadable' : problem.kind) : 'not-visible',
			detail: problem?.message ?? null,
		}
	}).sort((a, b) => (a.author < b.author ? -1 : a.author > b.author ? 1 : a.writer < b.writer ? -1 : 1))
}
