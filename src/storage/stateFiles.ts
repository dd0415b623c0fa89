/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Reading a roadmap's state folder (`.degooglisation/`): list it, read the
 * snapshots, then the change files they do not cover. Files are immutable, so
 * each is read once and kept. Loading, catching up and reading the history
 * all go through here.
 */

import type { FileFormatError, ParseResult } from '../domain/format.ts'
import type { ChangeFile, SnapshotFile, StateFileName, VersionVector } from '../domain/storageFormat.ts'
import type { DavClient, DavEntry } from './dav.ts'
import type { FileProblemKind } from './roadmapErrors.ts'

import { parseChangeFile, parseSnapshotFile } from '../domain/format.ts'
import { parseStateFileName, stateFilesToRead } from '../domain/storageFormat.ts'
import { mapLimited, nextTask } from './concurrency.ts'
import { DavError } from './dav.ts'
import { sleep } from './retry.ts'

/** Reads of a file that does not parse before it is reported (torn reads happen through federated mounts). */
const PARSE_ATTEMPTS = 4
/** Files read side by side: enough to overlap the server's latency, few enough to leave the browser's connections to the rest of the page. */
const READS_AT_ONCE = 4

/**
 * Files larger than this, by the size the listing gives, are never
 * downloaded (docs/file-format.md § 7): about twice a 5,000-task snapshot,
 * and small enough to parse without freezing the page.
 */
export const MAX_READ_BYTES = 5 * 1024 * 1024

/** Whether a listed file is over MAX_READ_BYTES; the problem that says so. */
export function tooLargeProblem(name: string, size: number): FileProblem | null {
	if (size <= MAX_READ_BYTES) {
		return null
	}
	const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
	return { file: name, kind: 'too-large', message: `file too large to read (${mb(size)} MB; the limit is ${mb(MAX_READ_BYTES)} MB): not downloaded` }
}

export interface FileProblem {
	file: string
	message: string
	/** `newer-version`: written by a newer major version of the format (update the app); `too-large`: never downloaded. */
	kind: FileProblemKind
}

/** Runs one request against the server, with the caller's retries and counting. */
export type DavRequest = <T>(action: (dav: DavClient) => Promise<T>) => Promise<T>

export interface ListedFile {
	name: string
	parsed: StateFileName
	/** Bytes, as listed (0 when the server does not say). */
	size: number
	/** As listed (an HTTP date; '' when the server does not say). */
	lastModified: string
}

export interface StateListing {
	/** The state folder's own entry (its permissions), when listed. */
	self: DavEntry | undefined
	files: ListedFile[]
}

export interface StateFilesRead {
	snapshots: SnapshotFile[]
	/** Change files the snapshots do not cover. */
	changes: ChangeFile[]
	/**
	 * Complete change files that only snapshots of format 1.0 readers cover:
	 * those dropped what they did not know, so these apply again.
	 */
	coveredComplete: ChangeFile[]
}

/**
 * Of the files listed, those to read: for each change or snapshot its
 * complete file when listed, else its format 1.0 file (docs/file-format.md § 8).
 */
export function filesToRead(files: ListedFile[]): Array<ListedFile & { projection: string | null }> {
	const listed = new Map(files.map((file) => [file.name, file]))
	return stateFilesToRead(files.map((file) => file.name)).map(({ projection, ...parsed }) => ({ name: parsed.name, parsed, size: listed.get(parsed.name)?.size ?? 0, lastModified: listed.get(parsed.name)?.lastModified ?? '', projection }))
}

/** The highest seq per writer the snapshots cover together. */
export function coversOf(snapshots: SnapshotFile[]): VersionVector {
	const covers: VersionVector = {}
	for (const snapshot of snapshots) {
		for (const [writer, seq] of Object.entries(snapshot.covers)) {
			covers[writer] = Math.max(covers[writer] ?? 0, seq)
		}
	}
	return covers
}

/** Reads and parses a file, reading again when it does not parse, since a read can be torn. */
export async function readParsed<T>(request: DavRequest, path: string, name: string, parse: (input: Uint8Array) => ParseResult<T>, problems: FileProblem[]): Promise<T | null> {
	let error: FileFormatError | null = null
	for (let attempt = 0; attempt < PARSE_ATTEMPTS; attempt++) {
		if (attempt > 0) {
			await sleep(100 * attempt)
		}
		const { body } = await request((dav) => dav.get(path))
		const result = parse(body)
		// What follows (the next file's parse, merging) runs in a task of its own: the page answers in between.
		await nextTask()
		if (result.ok) {
			return result.value
		}
		error = result.error
	}
	problems.push({ file: name, message: error!.message, kind: error!.kind })
	return null
}

export class StateFiles {
	/** Parsed immutable files by name: a file, once read, never needs reading again. */
	readonly known = new Map<string, ChangeFile | SnapshotFile>()
	/** Files that never parsed: immutable, so not read again, only reported again. */
	private readonly unreadable = new Map<string, FileProblem>()

	constructor(private readonly request: DavRequest, readonly folder: string) {}

	/** One listing of the state folder: the files whose names follow the format. */
	async list(): Promise<StateListing> {
		const entries = await this.request((dav) => dav.list(this.folder))
		const files = entries.filter((entry) => !entry.isFolder && entry.name !== '')
			.map((entry) => ({ name: entry.name, parsed: parseStateFileName(entry.name), size: entry.size, lastModified: entry.lastModified }))
			.filter((item): item is ListedFile => item.parsed !== null)
		return { self: entries.find((entry) => entry.name === ''), files }
	}

	/** The snapshots listed, then the change files they do not cover. */
	async readAll(files: ListedFile[], problems: FileProblem[]): Promise<StateFilesRead> {
		const toRead = filesToRead(files)
		const snapshotFiles = toRead.filter((f) => f.parsed.kind === 'snapshot')
		const snapshots = await this.readEach(snapshotFiles, parseSnapshotFile, problems)
		for (const file of snapshotFiles) {
			// Known under both names, so that compaction knows what the 1.0 file covers too.
			const snapshot = this.known.get(file.name)
			if (file.projection && snapshot) {
				this.known.set(file.projection, snapshot)
			}
		}
		const covers = coversOf(snapshots)
		const completeCovers = this.completeSnapshotCovers()
		const changeFiles = toRead.filter((f) => f.parsed.kind === 'change')
		const changes = await this.readEach(changeFiles.filter((f) => (covers[f.parsed.writer] ?? 0) < f.parsed.seq), parseChangeFile, problems)
		const coveredComplete = await this.readEach(changeFiles.filter((f) => f.parsed.complete && (covers[f.parsed.writer] ?? 0) >= f.parsed.seq && (completeCovers[f.parsed.writer] ?? 0) < f.parsed.seq), parseChangeFile, problems)
		return { snapshots, changes, coveredComplete }
	}

	/** What the complete snapshots known hold together: everything, whichever version wrote it. */
	completeSnapshotCovers(): VersionVector {
		const complete = [...this.known].filter(([name, file]) => file.format === 'degooglisation-snapshot' && parseStateFileName(name)?.complete)
		return coversOf(complete.map(([, file]) => file as SnapshotFile))
	}

	/** Reads files side by side, skipping those that cannot be used now; the results and problems in the files' order. */
	async readEach<T extends ChangeFile | SnapshotFile>(files: ListedFile[], parse: (input: Uint8Array) => ParseResult<T>, problems: FileProblem[]): Promise<T[]> {
		const each = await mapLimited(files, READS_AT_ONCE, async (file) => {
			const found: FileProblem[] = []
			return { value: await this.read(file, parse, found), found }
		})
		for (const { found } of each) {
			problems.push(...found)
		}
		return each.map(({ value }) => value).filter((value): value is Awaited<T> => value !== null)
	}

	/**
	 * Reads a change file or snapshot, null when it cannot be used now. A file
	 * listed but gone (404) was folded into a snapshot and removed; a federated
	 * mount may list it for a while after. Skipping it is safe: a missing
	 * change holds back its writer's later ones until the snapshot that holds
	 * it shows up.
	 */
	async read<T extends ChangeFile | SnapshotFile>({ name, size }: ListedFile, parse: (input: Uint8Array) => ParseResult<T>, problems: FileProblem[]): Promise<T | null> {
		const cached = this.known.get(name)
		if (cached) {
			return cached as T
		}
		const problem = this.unreadable.get(name) ?? tooLargeProblem(name, size)
		if (problem) {
			this.unreadable.set(name, problem)
			problems.push(problem)
			return null
		}
		try {
			const found: FileProblem[] = []
			const value = await readParsed(this.request, `${this.folder}/${name}`, name, parse, found)
			if (value) {
				this.known.set(name, value)
			}
			for (const item of found) {
				this.unreadable.set(name, item)
			}
			problems.push(...found)
			return value
		} catch (error) {
			if (error instanceof DavError && error.status === 404) {
				return null
			}
			throw error
		}
	}

	/** Forgets files no longer listed (folded and removed): the cache holds what the folder holds. */
	forgetUnlisted(files: ListedFile[]): void {
		const listed = new Set(files.map((f) => f.name))
		for (const cache of [this.known, this.unreadable]) {
			for (const name of cache.keys()) {
				if (!listed.has(name)) {
					cache.delete(name)
				}
			}
		}
	}
}
