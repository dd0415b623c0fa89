/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { Roadmap } from './model.ts'
import type { ChangeFile } from './storageFormat.ts'
import type { StructureEdit } from './structure.ts'

import { describe, expect, it } from 'vitest'
import { applyChanges, materialize, stateFromRoadmap } from './crdt.ts'
import { createEmptyRoadmap } from './starter/createStarterRoadmap.ts'
import {
	addCategory,
	addDepartment,
	addIndicator,
	addMeasurement,
	addPhase,
	applyEdit,
	editIndicator,
	editMeasurement,
	editPhase,
	editRoadmapFields,
	movePhase,
	removeCategory,
	removeDepartment,
	removeIndicator,
	removeMeasurement,
	removePhase,
	renameCategory,
	renameDepartment,
	setTaskDepartments,
} from './structure.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

function ops(result: StructureEdit) {
	if (!result.ok) {
		throw new Error(`refused: ${JSON.stringify(result.error)}`)
	}
	return result.ops
}

function apply(roadmap: Roadmap, result: StructureEdit): Roadmap {
	return applyEdit(roadmap, ops(result))
}

function phaseIds(roadmap: Roadmap): string[] {
	return [...roadmap.phases].sort((a, b) => a.order - b.order).map((p) => p.id)
}

describe('the roadmap\'s own fields', () => {
	it('set only what changes, and refuse an empty title', () => {
		const roadmap = sampleRoadmap(1)
		expect(ops(editRoadmapFields(roadmap, { title: ' Nouvelle feuille ', commune: roadmap.commune, description: 'Mandat 2026-2032' }))).toEqual([
			{ op: 'set', path: 'title', value: 'Nouvelle feuille' },
			{ op: 'set', path: 'description', value: 'Mandat 2026-2032' },
		])
		expect(editRoadmapFields(roadmap, { title: '  ' })).toEqual({ ok: false, error: { kind: 'empty', field: 'title' } })
		expect(editRoadmapFields(roadmap, { commune: 'x'.repeat(1001) })).toEqual({ ok: false, error: { kind: 'too-long', field: 'commune' } })
	})
})

describe('phases', () => {
	it('are added last, renamed, described and re-dated field by field', () => {
		let roadmap = apply(sampleRoadmap(1), addPhase(sampleRoadmap(1), { id: 'bilan', title: 'Bilan', start: '2027-01-01', end: '2027-06-30' }))
		expect(phaseIds(roadmap)).toEqual(['structuring', 'solutions', 'bilan'])
		expect(ops(editPhase(roadmap, 'bilan', { title: 'Bilan du mandat', end: '2027-12-31' }))).toEqual([
			{ op: 'set', path: 'phases/bilan/title', value: 'Bilan du mandat' },
			{ op: 'set', path: 'phases/bilan/end', value: '2027-12-31' },
		])
		roadmap = apply(roadmap, editPhase(roadmap, 'bilan', { description: 'Ce qui a été fait', start: null }))
		expect(roadmap.phases.find((p) => p.id === 'bilan')).toMatchObject({ description: 'Ce qui a été fait', start: null, end: '2027-06-30' })
	})

	it('refuse an end before the start, a wrong date, an unknown phase or a taken id', () => {
		const roadmap = sampleRoadmap(1)
		expect(editPhase(roadmap, 'structuring', { end: '2025-12-31' })).toEqual({ ok: false, error: { kind: 'end-before-start', field: 'end' } })
		expect(editPhase(roadmap, 'structuring', { start: '2026-02-30' })).toEqual({ ok: false, error: { kind: 'invalid-date', field: 'start' } })
		expect(editPhase(roadmap, 'nulle-part', { title: 'X' })).toEqual({ ok: false, error: { kind: 'unknown-phase', id: 'nulle-part' } })
		expect(addPhase(roadmap, { id: 'solutions', title: 'X' })).toEqual({ ok: false, error: { kind: 'duplicate-id', id: 'solutions' } })
		expect(addPhase(roadmap, { id: 'a b', title: 'X' })).toEqual({ ok: false, error: { kind: 'invalid-id', id: 'a b' } })
	})

	it('are reordered by changing the moved phase\'s order only', () => {
		let roadmap = sampleRoadmap(1)
		roadmap = apply(roadmap, addPhase(roadmap, { id: 'bilan', title: 'Bilan' }))
		expect(ops(movePhase(roadmap, 'bilan', 0))).toEqual([{ op: 'set', path: 'phases/bilan/order', value: 0 }])
		expect(phaseIds(apply(roadmap, movePhase(roadmap, 'bilan', 1)))).toEqual(['structuring', 'bilan', 'solutions'])
		expect(phaseIds(apply(roadmap, movePhase(roadmap, 'structuring', 9)))).toEqual(['solutions', 'bilan', 'structuring'])
		expect(ops(movePhase(roadmap, 'solutions', 1))).toEqual([])
	})

	it('moved by two people at once both move (different phases never collide)', () => {
		let roadmap = sampleRoadmap(1)
		roadmap = apply(roadmap, addPhase(roadmap, { id: 'c', title: 'C' }))
		roadmap = apply(roadmap, addPhase(roadmap, { id: 'd', title: 'D' }))
		const state = stateFromRoadmap(roadmap)
		const change = (writer: string, edit: StructureEdit): ChangeFile => ({ format: 'degooglisation-change', version: 1, writer, seq: 1, clock: 1, author: writer, at: '2027-01-01T00:00:00.000Z', seen: {}, ops: ops(edit) })
		const renamed = change('alice1', editPhase(roadmap, 'c', { title: 'Communication' }))
		const moved = change('bruno1', movePhase(roadmap, 'd', 0))
		const redated = change('claire1', editPhase(roadmap, 'c', { start: '2027-01-01' }))
		applyChanges(state, [renamed, moved, redated])
		const merged = materialize(state)
		expect(phaseIds(merged)).toEqual(['d', 'structuring', 'solutions', 'c'])
		expect(merged.phases.find((p) => p.id === 'c')).toMatchObject({ title: 'Communication', start: '2027-01-01' })
	})

	it('are removed with their tasks moved to a phase the caller picks, never orphaned', () => {
		const roadmap = sampleRoadmap(4)
		expect(removePhase(roadmap, 'solutions', null)).toEqual({ ok: false, error: { kind: 'phase-has-tasks', id: 'solutions' } })
		expect(removePhase(roadmap, 'solutions', 'solutions')).toEqual({ ok: false, error: { kind: 'same-phase', id: 'solutions' } })
		expect(removePhase(roadmap, 'solutions', 'nowhere')).toEqual({ ok: false, error: { kind: 'unknown-phase', id: 'nowhere' } })
		const after = apply(roadmap, removePhase(roadmap, 'solutions', 'structuring'))
		expect(after.phases.map((p) => p.id)).toEqual(['structuring'])
		expect(after.tasks.every((t) => t.phase === 'structuring')).toBe(true)
		const empty = apply(roadmap, addPhase(roadmap, { id: 'vide', title: 'Vide' }))
		expect(ops(removePhase(empty, 'vide', null))).toEqual([{ op: 'remove', path: 'phases/vide' }])
	})

	it('start with one in an empty roadmap', () => {
		const roadmap = createEmptyRoadmap({ lang: 'fr', commune: 'Boé', startDate: '2027-01-04' })
		expect(roadmap.phases).toEqual([{ id: 'phase-1', order: 1, title: 'Première phase', description: '', start: '2027-01-04', end: '2028-01-03' }])
		expect(roadmap).toMatchObject({ title: 'Feuille de route de dégooglisation — Boé', tasks: [], indicators: [], departments: [] })
	})
})

describe('indicators and measurements', () => {
	it('are added, edited field by field and removed', () => {
		let roadmap = sampleRoadmap(1)
		roadmap = apply(roadmap, addIndicator(roadmap, { id: 'mails', name: 'Boîtes migrées', unit: 'boîtes', target: 120, targetDate: '2028-06-30', baseline: 0 }))
		expect(roadmap.indicators.find((i) => i.id === 'mails')).toEqual({ id: 'mails', name: 'Boîtes migrées', unit: 'boîtes', target: 120, targetDate: '2028-06-30', baseline: 0, measurements: [] })
		expect(ops(editIndicator(roadmap, 'mails', { target: 150, baseline: 0, targetDate: null }))).toEqual([
			{ op: 'set', path: 'indicators/mails/target', value: 150 },
			{ op: 'set', path: 'indicators/mails/targetDate', value: null },
		])
		expect(editIndicator(roadmap, 'mails', { target: Number.NaN })).toEqual({ ok: false, error: { kind: 'invalid-number', field: 'target' } })
		expect(editIndicator(roadmap, 'mails', { name: '' })).toEqual({ ok: false, error: { kind: 'empty', field: 'name' } })
		roadmap = apply(roadmap, addMeasurement(roadmap, 'mails', { id: 'm1', date: '2027-03-01', value: 12 }))
		roadmap = apply(roadmap, editMeasurement(roadmap, 'mails', 'm1', { value: 14, note: 'corrigé' }))
		expect(roadmap.indicators.find((i) => i.id === 'mails')!.measurements).toEqual([{ id: 'm1', date: '2027-03-01', value: 14, note: 'corrigé' }])
		expect(editMeasurement(roadmap, 'mails', 'm1', { date: '2027-13-01' })).toEqual({ ok: false, error: { kind: 'invalid-date', field: 'date' } })
		expect(removeMeasurement(roadmap, 'mails', 'm9')).toEqual({ ok: false, error: { kind: 'unknown-measurement', id: 'm9' } })
		roadmap = apply(roadmap, removeMeasurement(roadmap, 'mails', 'm1'))
		expect(roadmap.indicators.find((i) => i.id === 'mails')!.measurements).toEqual([])
		roadmap = apply(roadmap, removeIndicator(roadmap, 'mails'))
		expect(roadmap.indicators.map((i) => i.id)).toEqual(['linux-share'])
	})
})

describe('categories and departments', () => {
	it('are added and renamed; removing one leaves its tasks working without it', () => {
		let roadmap = sampleRoadmap(6)
		roadmap = apply(roadmap, addCategory(roadmap, { id: 'video', label: 'Visio' }))
		roadmap = apply(roadmap, renameCategory(roadmap, 'video', 'Visioconférence'))
		expect(roadmap.categories.find((c) => c.id === 'video')!.label).toBe('Visioconférence')
		roadmap = apply(roadmap, removeCategory(roadmap, 'mail'))
		expect(roadmap.categories.map((c) => c.id)).toEqual(['office', 'video'])
		expect(roadmap.tasks.filter((t) => t.category === null)).toHaveLength(2)
		expect(renameCategory(roadmap, 'mail', 'X')).toEqual({ ok: false, error: { kind: 'unknown-category', id: 'mail' } })
	})

	it('give tasks none, one or several departments; removing a department takes it off its tasks', () => {
		let roadmap = sampleRoadmap(3)
		roadmap = apply(roadmap, addDepartment(roadmap, { id: 'ecoles', label: 'Écoles' }))
		roadmap = apply(roadmap, addDepartment(roadmap, { id: 'ccas', label: 'CCAS' }))
		roadmap = apply(roadmap, renameDepartment(roadmap, 'ccas', 'CCAS (action sociale)'))
		expect(setTaskDepartments(roadmap, 't00000', ['ecoles', 'rh'])).toEqual({ ok: false, error: { kind: 'unknown-department', id: 'rh' } })
		expect(ops(setTaskDepartments(roadmap, 't00000', ['ecoles', 'ccas', 'ecoles']))).toEqual([{ op: 'set', path: 'tasks/t00000/departments', value: ['ccas', 'ecoles'] }])
		roadmap = apply(roadmap, setTaskDepartments(roadmap, 't00000', ['ecoles', 'ccas']))
		roadmap = apply(roadmap, setTaskDepartments(roadmap, 't00001', ['ecoles']))
		expect(ops(setTaskDepartments(roadmap, 't00001', ['ecoles']))).toEqual([])
		roadmap = apply(roadmap, removeDepartment(roadmap, 'ecoles'))
		expect(roadmap.departments).toEqual([{ id: 'ccas', label: 'CCAS (action sociale)' }])
		expect(roadmap.tasks.map((t) => t.departments)).toEqual([['ccas'], [], []])
	})
})
