/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The merge engine. A roadmap's state is a tree of entities (the roadmap itself,
 * its phases, tasks, checklist items…); every field of every entity, and the
 * existence of every entity, is a last-writer-wins register with a stamp.
 * Applying operations keeps, for each register, the value with the highest
 * stamp. That makes merging commutative, associative and idempotent: every
 * client that has seen the same change files computes the same roadmap,
 * whatever order they arrived in. Edits to different tasks or fields never
 * touch the same register, so they never lose each other; two edits of the
 * same field resolve by stamp and are reported as a conflict when neither
 * writer had seen the other's edit.
 *
 * Fields and collections this version does not know (from a newer minor
 * version of the format) are registers like the others: they merge, and are
 * kept in snapshots and in the readable file, without being understood.
 */

import type { Roadmap } from './model.ts'
import type { ChangeFile, Operation, SnapshotFile, VersionVector } from './storageFormat.ts'

import * as v from 'valibot'
import { ROADMAP_FORMAT, ROADMAP_FORMAT_VERSION } from './model.ts'
import {
	categorySchema,
	checklistItemSchema,
	departmentSchema,
	idSchema,
	indicatorSchema,
	isFieldName,
	measurementSchema,
	phaseSchema,
	roadmapSchema,
	taskSchema,
} from './schema.ts'

/** Total order over operations: Lamport clock, then writer, then the writer's seq, then the op's index. */
export interface Stamp {
	clock: number
	writer: string
	seq: number
	index: number
}

export function compareStamps(a: Stamp | null, b: Stamp | null): number {
	if (a === b) {
		return 0
	}
	if (a === null) {
		return -1
	}
	if (b === null) {
		return 1
	}
	if (a.clock !== b.clock) {
		return a.clock - b.clock
	}
	if (a.writer !== b.writer) {
		return a.writer < b.writer ? -1 : 1
	}
	if (a.seq !== b.seq) {
		return a.seq - b.seq
	}
	return a.index - b.index
}

export function formatStamp(stamp: Stamp): string {
	return `${stamp.clock}.${stamp.writer}.${stamp.seq}.${stamp.index}`
}

export function parseStamp(text: string): Stamp {
	const [clock, writer, seq, index] = text.split('.')
	return { clock: Number(clock), writer, seq: Number(seq), index: Number(index) }
}

interface Register {
	value: unknown
	/** null: the value came with the base document and any operation beats it. */
	stamp: Stamp | null
	/** What the writer of this value had seen, when known (for conflict reports). */
	seen: VersionVector | null
	author: string
}

interface EntityState {
	exists: Register
	fields: Map<string, Register>
	children: Map<string, Map<string, EntityState>>
}

export interface RoadmapState {
	root: EntityState
	/** Highest contiguous seq folded in, per writer. */
	covers: VersionVector
	/** Highest Lamport clock seen. */
	clock: number
}

/** Two writers changed the same field without seeing each other's change. */
export interface ConflictSide {
	value: unknown
	author: string
	writer: string
	seq: number
}

export interface Conflict {
	path: string
	kept: ConflictSide
	discarded: ConflictSide
}

// ---- the shape of the tree ----------------------------------------------------

interface CollectionSpec {
	/** The entity's schema; null for a collection this version does not know (any field, unchecked). */
	schema: v.GenericSchema | null
	children: Record<string, CollectionSpec>
	/** Known fields held in registers: every schema entry but the id and the child collections. */
	fields: string[]
	fieldSchemas: Record<string, v.GenericSchema>
	/** Values of known fields when an entity was added without them (fields added by a later minor version). */
	defaults: Record<string, unknown>
	/** Every entry of the schema, in its order: the order of keys in files. */
	keys: string[]
}

type EntrySchema = v.GenericSchema & { entries: v.ObjectEntries }

function entriesOf(schema: v.GenericSchema): v.ObjectEntries {
	// Open objects are a pipe of an object schema and a name check.
	const object = 'pipe' in schema ? (schema as unknown as { pipe: v.GenericSchema[] }).pipe[0] : schema
	return (object as EntrySchema).entries
}

function defaultsOf(entries: v.ObjectEntries, fields: string[]): Record<string, unknown> {
	return Object.fromEntries(fields.filter((f) => entries[f].type === 'optional').map((f) => [f, v.getDefault(entries[f] as v.OptionalSchema<v.GenericSchema, unknown>)]))
}

function collectionSpec(schema: v.GenericSchema, children: Record<string, CollectionSpec> = {}): CollectionSpec {
	const entries = entriesOf(schema)
	const fields = Object.keys(entries).filter((key) => key !== 'id' && !(key in children))
	const fieldSchemas = Object.fromEntries(fields.map((f) => [f, entries[f] as v.GenericSchema]))
	return { schema, children, fields, fieldSchemas, defaults: defaultsOf(entries, fields), keys: Object.keys(entries) }
}

/** A collection a newer version added: its entities are kept as they are. */
const UNKNOWN_SPEC: CollectionSpec = { schema: null, children: {}, fields: [], fieldSchemas: {}, defaults: {}, keys: [] }

const ROOT_FIELDS = ['title', 'commune', 'description'] as const
const ROOT_SPEC: CollectionSpec = {
	schema: roadmapSchema as v.GenericSchema,
	children: {
		categories: collectionSpec(categorySchema),
		departments: collectionSpec(departmentSchema),
		phases: collectionSpec(phaseSchema),
		tasks: collectionSpec(taskSchema, { checklist: collectionSpec(checklistItemSchema) }),
		indicators: collectionSpec(indicatorSchema, { measurements: collectionSpec(measurementSchema) }),
	},
	fields: [...ROOT_FIELDS],
	fieldSchemas: Object.fromEntries(ROOT_FIELDS.map((f) => [f, entriesOf(roadmapSchema)[f] as v.GenericSchema])),
	defaults: {},
	keys: Object.keys(entriesOf(roadmapSchema)),
}

/** The header fields of a roadmap document: neither registers nor collections. */
const DOCUMENT_HEADER = new Set(['format', 'version'])

function childSpec(spec: CollectionSpec, name: string): CollectionSpec {
	return Object.hasOwn(spec.children, name) ? spec.children[name] : UNKNOWN_SPEC
}

function isIdentified(item: unknown): item is Record<string, unknown> & { id: string } {
	return typeof item === 'object' && item !== null && !Array.isArray(item) && v.is(idSchema, (item as { id?: unknown }).id)
}

/**
 * Whether an entry this version does not know is a collection (a list of
 * objects with ids, as every collection of the format is) rather than a value.
 */
function isUnknownCollection(value: unknown): value is Array<Record<string, unknown> & { id: string }> {
	return Array.isArray(value) && value.length > 0 && value.every(isIdentified) && new Set(value.map((item) => item.id)).size === value.length
}

/** Entries of a document object besides its id, header, known fields and known collections. */
function unknownEntries(value: Record<string, unknown>, spec: CollectionSpec): string[] {
	return Object.keys(value).filter((key) => key !== 'id' && !(spec === ROOT_SPEC && DOCUMENT_HEADER.has(key)) && !spec.fields.includes(key) && !Object.hasOwn(spec.children, key))
}

type Target
	= | { kind: 'field', entityPath: string[], spec: CollectionSpec, field: string }
		| { kind: 'entity', entityPath: string[], spec: CollectionSpec }

/**
 * Resolves `tasks/t1/checklist/c2/done` into the entity path
 * `['tasks','t1','checklist','c2']` and the field `done`. Throws on a path
 * that does not name a register.
 */
export function resolvePath(path: string): Target {
	const parts = path.split('/')
	let spec = ROOT_SPEC
	const entityPath: string[] = []
	let i = 0
	while (i < parts.length) {
		const name = parts[i]
		const known = spec.fields.includes(name) || Object.hasOwn(spec.children, name)
		if (!known && !isFieldName(name)) {
			throw new Error(`unknown field "${name}"`)
		}
		if (i === parts.length - 1) {
			if (Object.hasOwn(spec.children, name)) {
				throw new Error(`"${name}" is a collection, not a field`)
			}
			return { kind: 'field', entityPath, spec, field: name }
		}
		if (spec.fields.includes(name)) {
			throw new Error(`"${name}" is a field, not a collection`)
		}
		const id = parts[i + 1]
		if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(id)) {
			throw new Error(`not a valid id "${id}"`)
		}
		entityPath.push(name, id)
		spec = childSpec(spec, name)
		i += 2
		if (i === parts.length) {
			return { kind: 'entity', entityPath, spec }
		}
	}
	throw new Error('empty path')
}

/** Checks an operation against the tree's shape and the field's schema. Returns an error message or null. */
export function validateOperation(operation: Operation): string | null {
	let target: Target
	try {
		target = resolvePath(operation.path)
	} catch (error) {
		return (error as Error).message
	}
	if (operation.op === 'set') {
		if (target.kind !== 'field') {
			return 'a set operation needs a field path'
		}
		const schema = target.spec.fieldSchemas[target.field]
		if (!schema) {
			return null
		} // a field of a newer version: kept as it is
		const result = v.safeParse(schema, operation.value)
		return result.success ? null : `value: ${result.issues[0].message}`
	}
	if (target.kind !== 'entity') {
		return `an ${operation.op} operation needs an entity path`
	}
	if (operation.op === 'add') {
		if (target.spec.schema) {
			const result = v.safeParse(target.spec.schema, operation.value)
			if (!result.success) {
				return `value: ${result.issues[0].message}`
			}
		} else if (!Object.keys(operation.value).every((key) => key === 'id' || isFieldName(key))) {
			return 'value: holds a field whose name is not allowed'
		}
		if ((operation.value as { id: unknown }).id !== target.entityPath[target.entityPath.length - 1]) {
			return 'value: id differs from the path'
		}
	}
	return null
}

// ---- building states ----------------------------------------------------------

function newEntity(existsValue: boolean): EntityState {
	return { exists: { value: existsValue, stamp: null, seen: null, author: '' }, fields: new Map(), children: new Map() }
}

function baseRegister(value: unknown): Register {
	return { value, stamp: null, seen: null, author: '' }
}

function loadCollection(entity: EntityState, name: string, items: Array<Record<string, unknown>>, spec: CollectionSpec): void {
	const collection = new Map<string, EntityState>()
	for (const item of items) {
		const child = newEntity(true)
		loadEntity(child, item, spec)
		collection.set(item.id as string, child)
	}
	entity.children.set(name, collection)
}

function loadEntity(entity: EntityState, value: Record<string, unknown>, spec: CollectionSpec): void {
	for (const field of spec.fields) {
		entity.fields.set(field, baseRegister(value[field] === undefined ? spec.defaults[field] : value[field]))
	}
	for (const [name, childSpec] of Object.entries(spec.children)) {
		loadCollection(entity, name, (value[name] ?? []) as Array<Record<string, unknown>>, childSpec)
	}
	for (const name of unknownEntries(value, spec)) {
		const item = value[name]
		if (isUnknownCollection(item)) {
			loadCollection(entity, name, item, UNKNOWN_SPEC)
		} else {
			entity.fields.set(name, baseRegister(item))
		}
	}
}

/** The state of a roadmap document with no history: every value is a base value. */
export function stateFromRoadmap(roadmap: Roadmap): RoadmapState {
	const root = newEntity(true)
	loadEntity(root, roadmap as unknown as Record<string, unknown>, ROOT_SPEC)
	return { root, covers: {}, clock: 0 }
}

function entityAt(root: EntityState, entityPath: string[], create: boolean): EntityState | undefined {
	let entity = root
	for (let i = 0; i < entityPath.length; i += 2) {
		let collection = entity.children.get(entityPath[i])
		if (!collection) {
			if (!create) {
				return undefined
			}
			collection = new Map()
			entity.children.set(entityPath[i], collection)
		}
		let child = collection.get(entityPath[i + 1])
		if (!child) {
			if (!create) {
				return undefined
			}
			// A placeholder: an operation may arrive before the add that creates its entity.
			child = newEntity(false)
			collection.set(entityPath[i + 1], child)
		}
		entity = child
	}
	return entity
}

export function stateFromSnapshot(snapshot: SnapshotFile): RoadmapState {
	const state = stateFromRoadmap(snapshot.roadmap)
	for (const [path, text] of Object.entries(snapshot.stamps)) {
		const target = resolvePath(path)
		const stamp = parseStamp(text)
		const entity = entityAt(state.root, target.entityPath, true)!
		if (target.kind === 'entity') {
			entity.exists.stamp = stamp
		} else {
			let register = entity.fields.get(target.field)
			if (!register) {
				// A stamped field absent from the document: set to a value JSON cannot hold, so absent.
				register = baseRegister(undefined)
				entity.fields.set(target.field, register)
			}
			register.stamp = stamp
		}
	}
	return { root: state.root, covers: { ...snapshot.covers }, clock: snapshot.clock }
}

// ---- applying changes ---------------------------------------------------------

interface Contender {
	register: Register
	path: string
}

function offer(register: Register, candidate: Register, contenders: Map<Register, Contender[]> | null, path: string): void {
	if (contenders) {
		let list = contenders.get(register)
		if (!list) {
			list = [{ register: { ...register }, path }]
			contenders.set(register, list)
		}
		list.push({ register: candidate, path })
	}
	if (compareStamps(candidate.stamp, register.stamp) > 0) {
		register.value = candidate.value
		register.stamp = candidate.stamp
		register.seen = candidate.seen
		register.author = candidate.author
	}
}

/**
 * An add sets the whole entity: a known field its value leaves out (added to
 * the format after the writer's version) takes the value its absence means.
 */
function addEntity(entity: EntityState, value: Record<string, unknown>, spec: CollectionSpec, make: (value: unknown) => Register, contenders: Map<Register, Contender[]> | null, path: string): void {
	offer(entity.exists, make(true), contenders, path)
	const offerField = (field: string, fieldValue: unknown) => {
		let register = entity.fields.get(field)
		if (!register) {
			register = baseRegister(undefined)
			entity.fields.set(field, register)
		}
		offer(register, make(fieldValue), contenders, `${path}/${field}`)
	}
	const addChildren = (name: string, items: Array<Record<string, unknown>>, itemSpec: CollectionSpec) => {
		for (const item of items) {
			const child = entityAt(entity, [name, item.id as string], true)!
			addEntity(child, item, itemSpec, make, contenders, `${path}/${name}/${item.id}`)
		}
	}
	for (const field of spec.fields) {
		offerField(field, Object.hasOwn(value, field) ? value[field] : spec.defaults[field])
	}
	for (const [name, itemSpec] of Object.entries(spec.children)) {
		addChildren(name, (value[name] ?? []) as Array<Record<string, unknown>>, itemSpec)
	}
	for (const name of unknownEntries(value, spec)) {
		const item = value[name]
		if (isUnknownCollection(item)) {
			addChildren(name, item, UNKNOWN_SPEC)
		} else {
			offerField(name, item)
		}
	}
}

function applyOperation(state: RoadmapState, change: ChangeFile, operation: Operation, index: number, contenders: Map<Register, Contender[]> | null): void {
	const target = resolvePath(operation.path)
	const stamp: Stamp = { clock: change.clock, writer: change.writer, seq: change.seq, index }
	const make = (value: unknown): Register => ({ value, stamp, seen: change.seen, author: change.author })
	const entity = entityAt(state.root, target.entityPath, true)!
	if (operation.op === 'set') {
		const field = (target as Extract<Target, { kind: 'field' }>).field
		let register = entity.fields.get(field)
		if (!register) {
			register = baseRegister(undefined)
			entity.fields.set(field, register)
		}
		offer(register, make(operation.value), contenders, operation.path)
	} else if (operation.op === 'add') {
		addEntity(entity, operation.value as Record<string, unknown>, target.spec, make, contenders, operation.path)
	} else {
		offer(entity.exists, make(false), contenders, operation.path)
	}
}

function saw(observer: Register, observed: Register): boolean {
	if (!observed.stamp) {
		return true
	}
	if (!observer.stamp) {
		return false
	}
	if (observer.stamp.writer === observed.stamp.writer) {
		return observer.stamp.seq >= observed.stamp.seq
	}
	return (observer.seen?.[observed.stamp.writer] ?? 0) >= observed.stamp.seq
}

function conflictsOf(contenders: Map<Register, Contender[]>): Conflict[] {
	const conflicts: Conflict[] = []
	for (const [winner, list] of contenders) {
		const seenWriters = new Set<string>()
		for (const { register: loser, path } of list) {
			if (!loser.stamp || compareStamps(loser.stamp, winner.stamp) === 0) {
				continue
			}
			if (saw(winner, loser) || saw(loser, winner)) {
				continue
			}
			if (isDeepEqual(loser.value, winner.value)) {
				continue
			}
			const key = formatStamp(loser.stamp)
			if (seenWriters.has(key)) {
				continue
			}
			seenWriters.add(key)
			conflicts.push({
				path,
				kept: { value: winner.value, author: winner.author, writer: winner.stamp!.writer, seq: winner.stamp!.seq },
				discarded: { value: loser.value, author: loser.author, writer: loser.stamp.writer, seq: loser.stamp.seq },
			})
		}
	}
	return conflicts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * Folds change files into a state (mutating it). Changes already covered are
 * skipped; a writer's changes are applied only in seq order without gaps, so a
 * change that is not visible yet holds back that writer's later ones instead
 * of being skipped for good. Returns the changes applied, those held back and
 * the conflicts among what was applied.
 */
export function applyChanges(state: RoadmapState, changes: ChangeFile[]): { applied: ChangeFile[], waiting: ChangeFile[], conflicts: Conflict[] } {
	const byWriter = new Map<string, ChangeFile[]>()
	for (const change of changes) {
		if ((state.covers[change.writer] ?? 0) >= change.seq) {
			continue
		}
		const list = byWriter.get(change.writer) ?? []
		list.push(change)
		byWriter.set(change.writer, list)
	}
	const applied: ChangeFile[] = []
	const waiting: ChangeFile[] = []
	const contenders = new Map<Register, Contender[]>()
	for (const [writer, list] of byWriter) {
		list.sort((a, b) => a.seq - b.seq)
		let next = (state.covers[writer] ?? 0) + 1
		for (const change of list) {
			if (change.seq === next - 1) {
				continue
			} // the same change twice in the input
			if (change.seq !== next) {
				waiting.push(change)
				continue
			}
			change.ops.forEach((operation, index) => applyOperation(state, change, operation, index, contenders))
			state.clock = Math.max(state.clock, change.clock)
			state.covers[writer] = change.seq
			applied.push(change)
			next++
		}
	}
	return { applied, waiting, conflicts: conflictsOf(contenders) }
}

/**
 * Applies changes a state already covers, again: complete change files whose
 * covering snapshot was written by a format 1.0 reader, which dropped what it
 * did not know. Registers keep the highest stamp, so what the state already
 * holds stays as it is.
 */
export function reapplyCoveredChanges(state: RoadmapState, changes: ChangeFile[]): void {
	for (const change of changes) {
		change.ops.forEach((operation, index) => applyOperation(state, change, operation, index, null))
		state.clock = Math.max(state.clock, change.clock)
	}
}

// ---- reading states -----------------------------------------------------------

function compareIds(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const COLLECTION_ORDER: Record<string, (a: Record<string, unknown>, b: Record<string, unknown>) => number> = {
	phases: (a, b) => ((a.order as number) - (b.order as number)) || compareIds(a as { id: string }, b as { id: string }),
	measurements: (a, b) => ((a.date as string) < (b.date as string) ? -1 : (a.date as string) > (b.date as string) ? 1 : compareIds(a as { id: string }, b as { id: string })),
}

function materializeCollection(entity: EntityState, name: string, spec: CollectionSpec): Array<Record<string, unknown>> {
	const items: Array<Record<string, unknown>> = []
	for (const [childId, child] of entity.children.get(name) ?? []) {
		if (child.exists.value === true) {
			items.push(materializeEntity(child, spec, childId))
		}
	}
	return items.sort(COLLECTION_ORDER[name] ?? (compareIds as (a: Record<string, unknown>, b: Record<string, unknown>) => number))
}

/**
 * Known entries in schema order, then those of newer versions by name: a
 * value set on a field, or a collection (a value wins over an empty collection).
 */
function materializeEntity(entity: EntityState, spec: CollectionSpec, id: string | null): Record<string, unknown> {
	const value: Record<string, unknown> = id === null ? {} : { id }
	for (const field of spec.keys) {
		if (field === 'id' || (spec === ROOT_SPEC && DOCUMENT_HEADER.has(field))) {
			continue
		}
		if (Object.hasOwn(spec.children, field)) {
			value[field] = materializeCollection(entity, field, spec.children[field])
		} else if (spec.fields.includes(field)) {
			const fieldValue = entity.fields.get(field)?.value
			value[field] = fieldValue === undefined ? spec.defaults[field] : fieldValue
		}
	}
	const unknown = new Set<string>()
	for (const [name, register] of entity.fields) {
		if (!spec.fields.includes(name) && register.value !== undefined) {
			unknown.add(name)
		}
	}
	for (const name of entity.children.keys()) {
		if (!Object.hasOwn(spec.children, name)) {
			unknown.add(name)
		}
	}
	for (const name of [...unknown].sort()) {
		const register = entity.fields.get(name)
		const items = entity.children.has(name) ? materializeCollection(entity, name, UNKNOWN_SPEC) : []
		value[name] = register && register.value !== undefined && (items.length === 0 || compareStamps(register.stamp, newestExists(entity, name)) > 0) ? register.value : items
	}
	return value
}

/** The newest stamp among a collection's entities' existence (to tell which of a value and a collection of the same name came last). */
function newestExists(entity: EntityState, name: string): Stamp | null {
	let newest: Stamp | null = null
	for (const child of entity.children.get(name)?.values() ?? []) {
		if (compareStamps(child.exists.stamp, newest) > 0) {
			newest = child.exists.stamp
		}
	}
	return newest
}

/** The roadmap document a state stands for, in canonical order (see serialize.ts). */
export function materialize(state: RoadmapState): Roadmap {
	const body = materializeEntity(state.root, ROOT_SPEC, null)
	return { format: ROADMAP_FORMAT, version: ROADMAP_FORMAT_VERSION, ...body } as unknown as Roadmap
}

/**
 * The roadmap after operations on `paths` were applied to `state`, when
 * `previous` was the roadmap before them: the entities those paths touch are
 * read again from the state, every other object is shared with `previous`.
 * Gives what materialize(state) gives, at the cost of the entities touched.
 */
export function rematerialize(state: RoadmapState, previous: Roadmap, paths: Iterable<string>): Roadmap {
	const touched = new Map<string, Set<string>>()
	const rootFields = new Set<string>()
	for (const path of paths) {
		const [name, id] = path.split('/')
		if (id === undefined) {
			rootFields.add(name)
		} else {
			touched.set(name, (touched.get(name) ?? new Set()).add(id))
		}
	}
	const next: Record<string, unknown> = { ...previous }
	for (const field of rootFields) {
		if (ROOT_SPEC.fields.includes(field)) {
			next[field] = state.root.fields.get(field)?.value
		}
	}
	for (const [name, ids] of touched) {
		const spec = ROOT_SPEC.children[name]
		if (!spec) {
			continue
		}
		const entities = state.root.children.get(name)
		const items = [...(next[name] as Array<Record<string, unknown>>)]
		const index = new Map(items.map((item, i) => [item.id as string, i]))
		let added = false
		for (const id of ids) {
			const entity = entities?.get(id)
			const value = entity?.exists.value === true ? materializeEntity(entity, spec, id) : null
			const at = index.get(id)
			if (at !== undefined) {
				items[at] = value as Record<string, unknown>
			} else if (value) {
				items.push(value)
				added = true
			}
		}
		const kept = items.filter((item) => item !== null)
		// Tasks and most collections are in id order, which edits of a field keep.
		if (added || COLLECTION_ORDER[name]) {
			kept.sort(COLLECTION_ORDER[name] ?? (compareIds as (a: Record<string, unknown>, b: Record<string, unknown>) => number))
		}
		next[name] = kept
	}
	return next as unknown as Roadmap
}

function collectStamps(entity: EntityState, spec: CollectionSpec, prefix: string, out: Record<string, string>): void {
	if (prefix && entity.exists.stamp) {
		out[prefix] = formatStamp(entity.exists.stamp)
	}
	if (entity.exists.value !== true) {
		return
	}
	for (const [field, register] of entity.fields) {
		if (register.stamp) {
			out[prefix ? `${prefix}/${field}` : field] = formatStamp(register.stamp)
		}
	}
	for (const [name, collection] of entity.children) {
		for (const [id, child] of collection) {
			collectStamps(child, childSpec(spec, name), prefix ? `${prefix}/${name}/${id}` : `${name}/${id}`, out)
		}
	}
}

/** What a snapshot must keep besides the document so that merging later changes gives the same result. */
export function stampsOf(state: RoadmapState): Record<string, string> {
	const stamps: Record<string, string> = {}
	collectStamps(state.root, ROOT_SPEC, '', stamps)
	return stamps
}

export function cloneState(state: RoadmapState): RoadmapState {
	return structuredClone(state)
}

// ---- from edits to operations ---------------------------------------------------

export function isDeepEqual(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true
	}
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return false
	}
	if (Array.isArray(a) !== Array.isArray(b)) {
		return false
	}
	if (Array.isArray(a)) {
		const bb = b as unknown[]
		return a.length === bb.length && a.every((item, i) => isDeepEqual(item, bb[i]))
	}
	const ka = Object.keys(a)
	const kb = Object.keys(b)
	return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

function diffCollection(beforeList: Array<Record<string, unknown>>, afterList: Array<Record<string, unknown>>, spec: CollectionSpec, base: string, ops: Operation[]): void {
	const beforeItems = new Map(beforeList.map((item) => [item.id as string, item]))
	for (const item of afterList) {
		const old = beforeItems.get(item.id as string)
		if (!old) {
			ops.push({ op: 'add', path: `${base}/${item.id}`, value: item })
		} else if (old !== item) {
			diffEntity(old, item, spec, `${base}/${item.id}`, ops)
		}
		beforeItems.delete(item.id as string)
	}
	for (const id of beforeItems.keys()) {
		ops.push({ op: 'remove', path: `${base}/${id}` })
	}
}

function diffEntity(before: Record<string, unknown>, after: Record<string, unknown>, spec: CollectionSpec, prefix: string, ops: Operation[]): void {
	const path = (name: string) => (prefix ? `${prefix}/${name}` : name)
	for (const field of spec.fields) {
		if (!isDeepEqual(before[field], after[field])) {
			ops.push({ op: 'set', path: path(field), value: after[field] })
		}
	}
	for (const [name, childSpec] of Object.entries(spec.children)) {
		diffCollection((before[name] ?? []) as Array<Record<string, unknown>>, (after[name] ?? []) as Array<Record<string, unknown>>, childSpec, path(name), ops)
	}
	for (const name of new Set([...unknownEntries(before, spec), ...unknownEntries(after, spec)])) {
		if (isDeepEqual(before[name], after[name])) {
			continue
		}
		const [old, now] = [before[name] ?? [], after[name] ?? []]
		if ((isUnknownCollection(old) || isDeepEqual(old, [])) && (isUnknownCollection(now) || isDeepEqual(now, []))) {
			diffCollection(old as Array<Record<string, unknown>>, now as Array<Record<string, unknown>>, UNKNOWN_SPEC, path(name), ops)
		} else if (after[name] !== undefined) {
			ops.push({ op: 'set', path: path(name), value: after[name] })
		}
	}
}

/** The operations that turn one version of a roadmap into another, field by field. */
export function diffRoadmaps(before: Roadmap, after: Roadmap): Operation[] {
	const ops: Operation[] = []
	diffEntity(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, ROOT_SPEC, '', ops)
	return ops
}

function absorbEntity(target: EntityState, source: EntityState): void {
	offer(target.exists, source.exists, null, '')
	for (const [field, register] of source.fields) {
		const own = target.fields.get(field)
		if (own) {
			offer(own, register, null, '')
		} else {
			target.fields.set(field, { ...register })
		}
	}
	for (const [name, collection] of source.children) {
		let ownCollection = target.children.get(name)
		if (!ownCollection) {
			ownCollection = new Map()
			target.children.set(name, ownCollection)
		}
		for (const [id, child] of collection) {
			const own = ownCollection.get(id)
			if (own) {
				absorbEntity(own, child)
			} else {
				ownCollection.set(id, structuredClone(child))
			}
		}
	}
}

/** Merges another state into `target` (two snapshots written concurrently, for instance). */
export function absorbState(target: RoadmapState, source: RoadmapState): void {
	absorbEntity(target.root, source.root)
	for (const [writer, seq] of Object.entries(source.covers)) {
		target.covers[writer] = Math.max(target.covers[writer] ?? 0, seq)
	}
	target.clock = Math.max(target.clock, source.clock)
}
