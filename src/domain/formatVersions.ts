/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/**
 * What each minor version of the format added, and the files readers of
 * format 1.0 can take. Those readers (every release up to the one that
 * introduced 1.1) refuse any field, collection or operation path they do not
 * know, and a partner commune may run one for months: so every change file
 * and snapshot is also written as its 1.0 projection, under the name 1.0
 * readers read, while the complete file, under a name they ignore, carries
 * the rest (see docs/file-format.md, "Format versions").
 */

import type { Roadmap } from './model.ts'
import type { ChangeFile, Operation, SnapshotFile } from './storageFormat.ts'

import { isDeepEqual } from './crdt.ts'

interface Shape {
	fields: readonly string[]
	children: Record<string, Shape>
}

const leaf = (...fields: string[]): Shape => ({ fields, children: {} })

/** Every field and collection of format 1.0: what its readers accept, and nothing else. */
const FORMAT_1_0: Shape = {
	fields: ['title', 'commune', 'description'],
	children: {
		categories: leaf('label'),
		phases: leaf('order', 'title', 'description', 'start', 'end'),
		tasks: {
			fields: ['title', 'description', 'phase', 'status', 'assignees', 'start', 'due', 'category', 'replaces', 'replacements', 'links', 'dependsOn', 'order'],
			children: { checklist: leaf('text', 'done') },
		},
		indicators: { fields: ['name', 'unit', 'target'], children: { measurements: leaf('date', 'value', 'note') } },
	},
}
const LINK_FIELDS_1_0 = ['path', 'fileId', 'label']

/**
 * Fields added in 1.1 with the value their absence means. Files leave them out
 * while they hold that value, so a roadmap that uses none of them is written
 * exactly as 1.0 wrote it.
 */
const ADDED_IN_1_1: Record<string, Record<string, unknown>> = {
	'': { departments: [] },
	tasks: { departments: [] },
	indicators: { targetDate: null, baseline: null },
}

function omitUnset(value: Record<string, unknown>, added: Record<string, unknown> | undefined): Record<string, unknown> {
	if (!added) {
		return value
	}
	const out: Record<string, unknown> = {}
	for (const [key, item] of Object.entries(value)) {
		if (!(key in added) || !isDeepEqual(item, added[key])) {
			out[key] = item
		}
	}
	return out
}

/** The roadmap without the 1.1 fields that hold the value their absence means. */
export function withoutUnsetAdditions(roadmap: Roadmap): Roadmap {
	const root = omitUnset(roadmap as unknown as Record<string, unknown>, ADDED_IN_1_1[''])
	for (const name of ['tasks', 'indicators'] as const) {
		root[name] = roadmap[name].map((item) => omitUnset(item as unknown as Record<string, unknown>, ADDED_IN_1_1[name]))
	}
	return root as unknown as Roadmap
}

/**
 * The operations with the 1.1 fields that hold the value their absence means
 * left out of added entities (an add without them means the same).
 */
export function withoutUnsetAdditionsInAdds(ops: Operation[]): Operation[] {
	return ops.map((operation) => {
		if (operation.op !== 'add') {
			return operation
		}
		const collection = operation.path.split('/').at(-2)!
		return { ...operation, value: omitUnset(operation.value, ADDED_IN_1_1[collection]) }
	})
}

function projectLinks(links: unknown): unknown {
	return Array.isArray(links) ? links.map((link) => projectObject(link as Record<string, unknown>, LINK_FIELDS_1_0)) : links
}

function projectObject(value: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {}
	for (const key of fields) {
		if (Object.hasOwn(value, key)) {
			out[key] = value[key]
		}
	}
	return out
}

function projectEntity(value: Record<string, unknown>, shape: Shape, header: readonly string[] = ['id']): Record<string, unknown> {
	const out = projectObject(value, [...header, ...shape.fields])
	if (Object.hasOwn(out, 'links')) {
		out.links = projectLinks(out.links)
	}
	for (const [name, child] of Object.entries(shape.children)) {
		if (Array.isArray(value[name])) {
			out[name] = (value[name] as Array<Record<string, unknown>>).map((item) => projectEntity(item, child))
		}
	}
	return out
}

/** The shape a path leads to in format 1.0 and whether it ends on a field, or null when 1.0 has no such register. */
function shapeOf(path: string): { shape: Shape, field: string | null } | null {
	const parts = path.split('/')
	let shape = FORMAT_1_0
	for (let i = 0; i < parts.length; i += 2) {
		if (i === parts.length - 1) {
			return shape.fields.includes(parts[i]) ? { shape, field: parts[i] } : null
		}
		const child = Object.hasOwn(shape.children, parts[i]) ? shape.children[parts[i]] : undefined
		if (!child) {
			return null
		}
		shape = child
	}
	return { shape, field: null }
}

/** The operation as a 1.0 reader takes it, or null when 1.0 has no such register. */
function projectOperation(operation: Operation): Operation | null {
	const target = shapeOf(operation.path)
	if (!target) {
		return null
	}
	if (operation.op === 'add') {
		return { op: 'add', path: operation.path, value: projectEntity(operation.value, target.shape) }
	}
	if (operation.op === 'set' && target.field === 'links') {
		return { ...operation, value: projectLinks(operation.value) }
	}
	return operation
}

/** The change as readers of format 1.0 take it: the operations on registers they know (possibly none). */
export function changeForFormat10(change: ChangeFile): ChangeFile {
	return { ...change, ops: change.ops.map(projectOperation).filter((op): op is Operation => op !== null) }
}

/** The snapshot as readers of format 1.0 take it: their fields, and the stamps of their registers. */
export function snapshotForFormat10(snapshot: SnapshotFile): SnapshotFile {
	const stamps = Object.fromEntries(Object.entries(snapshot.stamps).filter(([path]) => shapeOf(path) !== null))
	const roadmap = projectEntity(snapshot.roadmap as unknown as Record<string, unknown>, FORMAT_1_0, ['format', 'version']) as unknown as Roadmap
	return { ...snapshot, stamps, roadmap }
}
