/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What the roadmap storage refuses or cannot do, by kind: callers decide on
 * the kind (and the UI says it in the user's language), never on the message,
 * which is for logs and the command line.
 */

import type { FileFormatErrorKind } from '../domain/format.ts'
import type { FileProblem } from './stateFiles.ts'

/**
 * Why a file of the folder was left aside: `newer-version` (update the app),
 * `too-large` (over the size limit, never downloaded), `invalid` (damaged).
 */
export type FileProblemKind = FileFormatErrorKind | 'too-large'

export type RoadmapErrorKind
	/** The folder holds no roadmap (neither a state folder nor a readable file). */
	= | 'not-a-roadmap'
	/** Creating where a roadmap already is. */
		| 'already-a-roadmap'
	/** Every snapshot listed was gone when read (replaced meanwhile): listing again helps. */
		| 'no-readable-snapshot'
	/** The files are there but none could be parsed. */
		| 'unreadable'
	/** Written by a newer major version of the format: the app must be updated to open it. */
		| 'newer-version'
	/** Every snapshot, and the readable file, is over the size limit: nothing could be read in time. */
		| 'too-large'
	/** Editing before the roadmap is loaded. */
		| 'not-loaded'
	/** Editing a roadmap this user may only read. */
		| 'read-only'
	/** Operations every reader would refuse: never written. */
		| 'invalid-operations'
	/** Editing through a session already disposed of. */
		| 'closed'

export class RoadmapFolderError extends Error {
	constructor(readonly kind: RoadmapErrorKind, message: string, readonly problems: FileProblem[] = []) {
		super(message)
		this.name = 'RoadmapFolderError'
	}
}
