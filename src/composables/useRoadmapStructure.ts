/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Shaping the open roadmap: its title, phases, indicators, measurements,
 * categories and departments. Every change is one `store.edit`, which the
 * store turns into field-level operations, so two people editing different
 * phases never collide.
 */
import { newId } from '../domain/ids'
import type { Indicator, IsoDate, Measurement, Phase, Roadmap } from '../domain/model'
import { useRoadmapStore } from '../stores/roadmap'

export type RoadmapText = 'title' | 'commune' | 'description'
/** Categories and departments: both are lists of labels that tasks point at by id. */
export type LabelList = 'categories' | 'departments'
export type PhasePatch = Partial<Pick<Phase, 'title' | 'description' | 'start' | 'end'>>
export type IndicatorPatch = Partial<Pick<Indicator, 'name' | 'unit' | 'target' | 'targetDate' | 'baseline'>>
export type MeasurementPatch = Partial<Pick<Measurement, 'date' | 'value' | 'note'>>

/** Phases in their order. */
export function orderedPhases(roadmap: Roadmap): Phase[] {
	return [...roadmap.phases].sort((a, b) => a.order - b.order)
}

/** Whether a phase's dates are in order (either may be missing). */
export function datesInOrder(start: IsoDate | null, end: IsoDate | null): boolean {
	return !start || !end || start <= end
}

export function useRoadmapStructure() {
	const store = useRoadmapStore()

	const edit = (change: (draft: Roadmap) => void) => store.edit(change)

	function setText(field: RoadmapText, value: string): void {
		edit((draft) => {
			draft[field] = value
		})
	}

	/** Adds a phase at the end; returns its id. */
	function addPhase(title: string, start: IsoDate | null = null, end: IsoDate | null = null): string {
		const id = newId('phase')
		edit((draft) => {
			const order = Math.max(0, ...draft.phases.map((p) => p.order)) + 1
			draft.phases.push({ id, order, title, description: '', start, end })
		})
		return id
	}

	/** Changes some fields of a phase; refuses dates whose end comes before the start (returns false). */
	function updatePhase(id: string, patch: PhasePatch): boolean {
		const phase = store.roadmap?.phases.find((p) => p.id === id)
		if (!phase) return false
		if (!datesInOrder(patch.start !== undefined ? patch.start : phase.start, patch.end !== undefined ? patch.end : phase.end)) return false
		edit((draft) => {
			Object.assign(draft.phases.find((p) => p.id === id)!, patch)
		})
		return true
	}

	/** Puts a phase at a position (0 first) among the phases in their order: only the orders that change are written. */
	function movePhase(id: string, position: number): void {
		edit((draft) => {
			const phases = orderedPhases(draft)
			const from = phases.findIndex((p) => p.id === id)
			if (from < 0) return
			const [moving] = phases.splice(from, 1)
			phases.splice(Math.max(0, Math.min(position, phases.length)), 0, moving)
			phases.forEach((phase, i) => {
				if (phase.order !== i + 1) phase.order = i + 1
			})
		})
	}

	/** Removes a phase; its tasks move to `tasksTo` (another phase, or null for none), never left pointing at nothing. */
	function removePhase(id: string, tasksTo: string | null): void {
		edit((draft) => {
			draft.phases = draft.phases.filter((p) => p.id !== id)
			for (const task of draft.tasks) {
				if (task.phase === id) task.phase = tasksTo
			}
		})
	}

	function addIndicator(fields: Omit<Indicator, 'id' | 'measurements'>): string {
		const id = newId('indicator')
		edit((draft) => {
			draft.indicators.push({ id, ...fields, measurements: [] })
		})
		return id
	}

	function updateIndicator(id: string, patch: IndicatorPatch): void {
		edit((draft) => {
			const indicator = draft.indicators.find((i) => i.id === id)
			if (indicator) Object.assign(indicator, patch)
		})
	}

	function removeIndicator(id: string): void {
		edit((draft) => {
			draft.indicators = draft.indicators.filter((i) => i.id !== id)
		})
	}

	function addMeasurement(indicatorId: string, date: IsoDate, value: number, note = ''): void {
		edit((draft) => {
			draft.indicators.find((i) => i.id === indicatorId)?.measurements.push({ id: newId('measure'), date, value, note })
		})
	}

	function updateMeasurement(indicatorId: string, measurementId: string, patch: MeasurementPatch): void {
		edit((draft) => {
			const measurement = draft.indicators.find((i) => i.id === indicatorId)?.measurements.find((m) => m.id === measurementId)
			if (measurement) Object.assign(measurement, patch)
		})
	}

	function removeMeasurement(indicatorId: string, measurementId: string): void {
		edit((draft) => {
			const indicator = draft.indicators.find((i) => i.id === indicatorId)
			if (indicator) indicator.measurements = indicator.measurements.filter((m) => m.id !== measurementId)
		})
	}

	function addLabel(list: LabelList, label: string): string {
		const id = newId(list === 'categories' ? 'category' : 'department')
		edit((draft) => {
			draft[list].push({ id, label })
		})
		return id
	}

	function renameLabel(list: LabelList, id: string, label: string): void {
		edit((draft) => {
			const item = draft[list].find((c) => c.id === id)
			if (item) item.label = label
		})
	}

	/** Removes a category or department; tasks that had it keep working, without it. */
	function removeLabel(list: LabelList, id: string): void {
		edit((draft) => {
			draft[list] = draft[list].filter((c) => c.id !== id)
			for (const task of draft.tasks) {
				if (list === 'categories' && task.category === id) task.category = null
				if (list === 'departments' && task.departments.includes(id)) task.departments = task.departments.filter((d) => d !== id)
			}
		})
	}

	return { setText, addPhase, updatePhase, movePhase, removePhase, addIndicator, updateIndicator, removeIndicator, addMeasurement, updateMeasurement, removeMeasurement, addLabel, renameLabel, removeLabel }
}
