/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Reading what a roadmap was: the files its history is made of (see
 * domain/history.ts), and Nextcloud's older versions of the readable file
 * for the time before that history starts.
 */

import type { Roadmap } from '../domain/model.ts'
import type { ChangeFile, SnapshotFile } from '../domain/storageFormat.ts'
import type { DavEntry, FileVersion } from './dav.ts'
import type { DavRequest, FileProblem, StateFiles } from './stateFiles.ts'

import { parseRoadmap } from '../domain/format.ts'
import { ROADMAP_FILE } from '../domain/storageFormat.ts'
import { DavError } from './dav.ts'
import { RoadmapFolderError } from './roadmapErrors.ts'

/** What a roadmap's history is read from. */
export interface HistoryFiles {
	snapshots: SnapshotFile[]
	changes: ChangeFile[]
	problems: FileProblem[]
}

export interface HistorySource {
	/** The roadmap folder's path. */
	path: string
	request: DavRequest
	stateFiles: StateFiles
	/** Changes made here and not sent yet: part of the history already. */
	unsent(): ChangeFile[]
}

/**
 * The snapshots and the change files they do not cover, with the changes
 * made here and not sent yet. Files read before are not read again, so after
 * a load this costs one listing.
 */
export async function readHistory(source: HistorySource): Promise<HistoryFiles> {
	const problems: FileProblem[] = []
	let listing
	try {
		listing = await source.stateFiles.list()
	} catch (error) {
		// A roadmap made by hand or by another tool has no change files: no history.
		if (error instanceof DavError && error.status === 404) {
			return { snapshots: [], changes: [], problems }
		}
		throw error
	}
	const { snapshots, changes } = await source.stateFiles.readAll(listing.files, problems)
	// A change being sent may be listed already.
	const listed = new Set(changes.map((change) => `${change.writer}.${change.seq}`))
	const unsent = source.unsent().filter((change) => !listed.has(`${change.writer}.${change.seq}`))
	return { snapshots, changes: [...changes, ...unsent], problems }
}

/**
 * Nextcloud's older versions of the readable file: states from before the
 * history's start (change files are never rewritten, so only this file has
 * versions). None when the server keeps none.
 */
export async function readableFileVersions(source: HistorySource): Promise<FileVersion[]> {
	let entry: DavEntry
	try {
		entry = await source.request((dav) => dav.stat(`${source.path}/${ROADMAP_FILE}`))
	} catch (error) {
		if (error instanceof DavError && error.status === 404) {
			return []
		}
		throw error
	}
	return entry.fileId === null ? [] : source.request((dav) => dav.listVersions(entry.fileId!))
}

/** The roadmap one version of the readable file holds. */
export async function readVersion(source: HistorySource, version: FileVersion): Promise<Roadmap> {
	const body = await source.request((dav) => dav.getVersion(version))
	const result = parseRoadmap(body)
	if (!result.ok) {
		throw new RoadmapFolderError('unreadable', `${ROADMAP_FILE} (${version.lastModified}): ${result.error.message}`)
	}
	return result.value
}
