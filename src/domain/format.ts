/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Reading and writing the three file kinds. Parsing is strict and every error
 * names where and why (`tasks[12].due: not a date (expected YYYY-MM-DD)`);
 * serialization is canonical (fixed key order, collections sorted, tabs) so
 * that two versions of a file differ only where the roadmap changed.
 */

import type { Roadmap } from './model.ts'
import type { ChangeFile, SnapshotFile } from './storageFormat.ts'

import * as v from 'valibot'
import { isDeepEqual, materialize, resolvePath, stateFromRoadmap, validateOperation } from './crdt.ts'
import { changeForFormat10, snapshotForFormat10, withoutUnsetAdditions, withoutUnsetAdditionsInAdds } from './formatVersions.ts'
import { ROADMAP_FORMAT, ROADMAP_FORMAT_VERSION } from './model.ts'
import {
	CHANGE_FORMAT,
	changeFileSchema,
	roadmapSchema,
	SNAPSHOT_FORMAT,
	snapshotFileSchema,
	STORAGE_FORMAT_VERSION,
} from './schema.ts'
import { changeFileName, snapshotFileName } from './storageFormat.ts'

/** Files larger than this are refused before parsing; a 5,000-task roadmap stays far below it (bench/measured.md). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024
const MAX_REPORTED_ISSUES = 10

export interface FileIssue {
	/** `tasks[12].due`, or '' for the whole file. */
	path: string
	message: string
}

/**
 * What is wrong with a file, for people: `newer-version` asks to update the
 * app (a newer major version of the format wrote it); anything else is `invalid`.
 */
export type FileFormatErrorKind = 'newer-version' | 'invalid'

export class FileFormatError extends Error {
	constructor(readonly issues: FileIssue[], readonly kind: FileFormatErrorKind = 'invalid', readonly version: number | null = null) {
		super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'))
		this.name = 'FileFormatError'
	}
}

export type ParseResult<T> = { ok: true, value: T } | { ok: false, error: FileFormatError }

function fail<T>(path: string, message: string): ParseResult<T> {
	return { ok: false, error: new FileFormatError([{ path, message }]) }
}

function formatPath(path: ReadonlyArray<{ key: unknown }> | undefined): string {
	let out = ''
	for (const item of path ?? []) {
		if (typeof item.key === 'number') {
			out += `[${item.key}]`
		} else {
			out += out ? `.${String(item.key)}` : String(item.key)
		}
	}
	return out
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
	if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
		return 'unknown field'
	}
	if (issue.kind === 'schema' && issue.input === undefined && issue.received === 'undefined') {
		return 'missing'
	}
	return issue.message
}

const textDecoder = new TextDecoder('utf-8', { fatal: true })

/** Bytes or text to a JSON value, with the size, encoding and syntax checks every file kind shares. */
function readJson(input: string | Uint8Array): ParseResult<unknown> {
	let text: string
	if (typeof input === 'string') {
		if (input.length > MAX_FILE_BYTES) {
			return fail('', `file too large (more than ${MAX_FILE_BYTES / 1024 / 1024} MB)`)
		}
		text = input
	} else {
		if (input.byteLength > MAX_FILE_BYTES) {
			return fail('', `file too large (${Math.ceil(input.byteLength / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`)
		}
		try {
			text = textDecoder.decode(input)
		} catch {
			return fail('', 'not valid UTF-8 text')
		}
	}
	if (text.charCodeAt(0) === 0xfeff) {
		text = text.slice(1)
	}
	if (text.trim() === '') {
		return fail('', 'empty file')
	}
	let value: unknown
	try {
		value = JSON.parse(text)
	} catch (error) {
		return fail('', `not valid JSON (${(error as Error).message})`)
	}
	// Open objects keep fields they do not know: none may be a prototype key (a name may hide behind \u escapes).
	const prototypeKey = /proto|constructor|\\u/.test(text) ? findPrototypeKey(value) : null
	return prototypeKey === null ? { ok: true, value } : fail(prototypeKey, 'not allowed (a prototype key)')
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** The path of the first prototype key in a JSON value, or null. */
function findPrototypeKey(root: unknown): string | null {
	const stack: Array<{ value: unknown, path: string }> = [{ value: root, path: '' }]
	while (stack.length) {
		const { value, path } = stack.pop()!
		if (typeof value !== 'object' || value === null) {
			continue
		}
		if (Array.isArray(value)) {
			value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }))
			continue
		}
		for (const key of Object.keys(value)) {
			const keyPath = path ? `${path}.${key}` : key
			if (PROTOTYPE_KEYS.has(key)) {
				return keyPath
			}
			stack.push({ value: (value as Record<string, unknown>)[key], path: keyPath })
		}
	}
	return null
}

function checkFormat(value: unknown, format: string, version: number, what: string): ParseResult<unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return fail('', `not a ${what} (expected a JSON object)`)
	}
	const header = value as { format?: unknown, version?: unknown }
	if (header.format !== format) {
		return fail('format', `not a ${what} (expected "${format}", found ${JSON.stringify(header.format) ?? 'nothing'})`)
	}
	if (typeof header.version === 'number' && header.version > version) {
		const message = `version ${header.version} is newer than this version of Dégooglisation understands (${version}); update the app`
		return { ok: false, error: new FileFormatError([{ path: 'version', message }], 'newer-version', header.version) }
	}
	return { ok: true, value }
}

function validate<T>(schema: v.GenericSchema<unknown, T>, value: unknown): ParseResult<T> {
	const result = v.safeParse(schema, value)
	if (result.success) {
		return { ok: true, value: result.output }
	}
	const issues = result.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }))
	return { ok: false, error: new FileFormatError(issues) }
}

function duplicateIdIssues(items: Array<{ id: string }>, path: string, issues: FileIssue[]): void {
	const first = new Map<string, number>()
	items.forEach((item, index) => {
		const earlier = first.get(item.id)
		if (earlier === undefined) {
			first.set(item.id, index)
		} else {
			issues.push({ path: `${path}[${index}].id`, message: `duplicate id "${item.id}" (also ${path}[${earlier}])` })
		}
	})
}

function roadmapIssues(roadmap: Roadmap, prefix: string): FileIssue[] {
	const issues: FileIssue[] = []
	const p = prefix ? `${prefix}.` : ''
	duplicateIdIssues(roadmap.categories, `${p}categories`, issues)
	duplicateIdIssues(roadmap.phases, `${p}phases`, issues)
	duplicateIdIssues(roadmap.tasks, `${p}tasks`, issues)
	duplicateIdIssues(roadmap.indicators, `${p}indicators`, issues)
	roadmap.tasks.forEach((task, i) => duplicateIdIssues(task.checklist, `${p}tasks[${i}].checklist`, issues))
	roadmap.indicators.forEach((indicator, i) => duplicateIdIssues(indicator.measurements, `${p}indicators[${i}].measurements`, issues))
	return issues.slice(0, MAX_REPORTED_ISSUES)
}

function parseWith<T>(input: string | Uint8Array, format: string, version: number, what: string, schema: v.GenericSchema<unknown, T>, extraIssues: (value: T) => FileIssue[]): ParseResult<T> {
	const json = readJson(input)
	if (!json.ok) {
		return json
	}
	const header = checkFormat(json.value, format, version, what)
	if (!header.ok) {
		return header
	}
	const result = validate(schema, json.value)
	if (!result.ok) {
		return result
	}
	const issues = extraIssues(result.value)
	return issues.length ? { ok: false, error: new FileFormatError(issues) } : result
}

/**
 * References between entities (a task's phase, category, dependencies) are not
 * checked: concurrent edits can legitimately leave one dangling (a phase
 * deleted while a task moved into it), and readers treat a dangling reference
 * as none.
 */
export function parseRoadmap(input: string | Uint8Array): ParseResult<Roadmap> {
	return parseWith(input, ROADMAP_FORMAT, ROADMAP_FORMAT_VERSION, 'Dégooglisation roadmap', roadmapSchema as v.GenericSchema<unknown, Roadmap>, (r) => roadmapIssues(r, ''))
}

export function parseChangeFile(input: string | Uint8Array): ParseResult<ChangeFile> {
	return parseWith(input, CHANGE_FORMAT, STORAGE_FORMAT_VERSION, 'Dégooglisation change file', changeFileSchema, (change) => {
		const issues: FileIssue[] = []
		change.ops.forEach((operation, i) => {
			const message = validateOperation(operation)
			if (message && issues.length < MAX_REPORTED_ISSUES) {
				issues.push({ path: `ops[${i}]`, message: `${operation.path}: ${message}` })
			}
		})
		if ((change.seen[change.writer] ?? 0) >= change.seq) {
			issues.push({ path: 'seen', message: 'claims to have seen itself' })
		}
		return issues
	})
}

export function parseSnapshotFile(input: string | Uint8Array): ParseResult<SnapshotFile> {
	return parseWith(input, SNAPSHOT_FORMAT, STORAGE_FORMAT_VERSION, 'Dégooglisation snapshot', snapshotFileSchema, (snapshot) => {
		const issues = roadmapIssues(snapshot.roadmap, 'roadmap')
		for (const path of Object.keys(snapshot.stamps)) {
			try {
				resolvePath(path)
			} catch (error) {
				issues.push({ path: `stamps.${path}`, message: (error as Error).message })
				break
			}
		}
		return issues
	})
}

/**
 * The roadmap with keys in schema order (fields of newer versions after, by
 * name) and collections sorted (phases by order, the others by id).
 */
export function canonicalRoadmap(roadmap: Roadmap): Roadmap {
	return materialize(stateFromRoadmap(roadmap))
}

/** As files hold it: canonical, the fields added in 1.1 left out while unset. */
function fileRoadmap(roadmap: Roadmap): Roadmap {
	return withoutUnsetAdditions(canonicalRoadmap(roadmap))
}

function pretty(value: unknown): string {
	return `${JSON.stringify(value, null, '\t')}\n`
}

export function serializeRoadmap(roadmap: Roadmap): string {
	return pretty(fileRoadmap(roadmap))
}

export function serializeChangeFile(change: ChangeFile): string {
	return pretty({
		format: CHANGE_FORMAT,
		version: STORAGE_FORMAT_VERSION,
		writer: change.writer,
		seq: change.seq,
		clock: change.clock,
		author: change.author,
		at: change.at,
		seen: change.seen,
		ops: change.ops,
	})
}

export function serializeSnapshotFile(snapshot: SnapshotFile): string {
	return pretty({
		format: SNAPSHOT_FORMAT,
		version: STORAGE_FORMAT_VERSION,
		writer: snapshot.writer,
		seq: snapshot.seq,
		at: snapshot.at,
		covers: snapshot.covers,
		clock: snapshot.clock,
		stamps: snapshot.stamps,
		roadmap: fileRoadmap(snapshot.roadmap),
	})
}

/** A file of `.degooglisation/` to write, under its name. */
export interface StateFileToWrite {
	name: string
	body: string
}

/**
 * The files a change is written as, in the order to write them: the complete
 * change first when it holds what format 1.0 readers would refuse, then
 * always its 1.0 projection, under the name those readers read. A reader
 * that sees the projection can thus count on the complete file being there.
 */
export function changeFilesToWrite(change: ChangeFile): StateFileToWrite[] {
	const complete = { ...change, ops: withoutUnsetAdditionsInAdds(change.ops) }
	const format10 = changeForFormat10(change)
	const name = changeFileName(change.writer, change.seq)
	const files = [{ name, body: serializeChangeFile(format10) }]
	return isDeepEqual(complete.ops, format10.ops) ? files : [{ name: changeFileName(change.writer, change.seq, true), body: serializeChangeFile(complete) }, ...files]
}

/** Like changeFilesToWrite, for a snapshot. */
export function snapshotFilesToWrite(snapshot: SnapshotFile): StateFileToWrite[] {
	const complete = serializeSnapshotFile(snapshot)
	const format10 = serializeSnapshotFile(snapshotForFormat10(snapshot))
	const name = snapshotFileName(snapshot.writer, snapshot.seq)
	return complete === format10 ? [{ name, body: format10 }] : [{ name: snapshotFileName(snapshot.writer, snapshot.seq, true), body: complete }, { name, body: format10 }]
}
