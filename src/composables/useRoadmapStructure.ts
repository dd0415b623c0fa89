/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Shaping the open roadmap from the app: each edit is checked by the domain
 * (domain/structure.ts), which gives its field-level operations, and is saved
 * through the store's `edit`. A refusal comes back as a sentence for the
 * person, in their language; nothing is saved then.
 */

import type { IsoDate, Phase, Roadmap } from '../domain/model.ts'
import type { IndicatorFields, MeasurementFields, PhasePatch, RoadmapFieldsPatch, StructureEdit, StructureError } from '../domain/structure.ts'

import { t } from '../components/l10n.ts'
import { newId } from '../domain/ids.ts'
import * as structure from '../domain/structure.ts'
import { useRoadmapStore } from '../stores/roadmap.ts'

/** Categories and departments: both are lists of labels that tasks point at by id. */
export type LabelList = 'categories' | 'departments'

/** Phases in their order. */
export function orderedPhases(roadmap: Roadmap): Phase[] {
	return [...roadmap.phases].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
}

/** Why an edit was refused, said for the person who made it. */
export function structureErrorMessage(error: StructureError): string {
	switch (error.kind) {
		case 'empty': return t('degooglisation', 'Enter a name first.')
		case 'too-long': return t('degooglisation', 'This text is too long.')
		case 'invalid-date': return t('degooglisation', 'Enter a date, for instance 2026-03-31.')
		case 'end-before-start': return t('degooglisation', 'The end of a phase cannot come before its start.')
		case 'invalid-number': return t('degooglisation', 'Enter a number, for instance 42 or 12.5.')
		case 'phase-has-tasks': return t('degooglisation', 'Choose the phase its tasks move to.')
		case 'same-phase': return t('degooglisation', 'Its tasks cannot move to the phase being removed: choose another one.')
			// Ids the app chose, or things someone else removed meanwhile.
		default: return t('degooglisation', 'This was changed or removed meanwhile, perhaps by someone else. Reload the page and try again.')
	}
}

export function useRoadmapStructure() {
	const store = useRoadmapStore()

	/** Runs a domain edit on the roadmap shown and saves its operations; null when done, else why not. */
	function run(build: (roadmap: Roadmap) => StructureEdit): string | null {
		if (!store.roadmap || store.readOnly) {
			return null
		}
		const result = build(store.roadmap)
		if (!result.ok) {
			return structureErrorMessage(result.error)
		}
		if (result.ops.length) {
			store.edit((draft) => {
				Object.assign(draft, structure.applyEdit(draft, result.ops))
			})
		}
		return null
	}

	return {
		editRoadmap: (patch: RoadmapFieldsPatch) => run((r) => structure.editRoadmapFields(r, patch)),
		addPhase: (title: string, start: IsoDate | null, end: IsoDate | null) => run((r) => structure.addPhase(r, { id: newId('phase'), title, start, end })),
		editPhase: (id: string, patch: PhasePatch) => run((r) => structure.editPhase(r, id, patch)),
		/** Puts a phase at a position, 0 first. */
		movePhase: (id: string, position: number) => run((r) => structure.movePhase(r, id, position)),
		/** Removes a phase; its tasks go to `tasksTo`. */
		removePhase: (id: string, tasksTo: string | null) => run((r) => structure.removePhase(r, id, tasksTo)),
		addIndicator: (fields: { name: string } & Partial<IndicatorFields>) => run((r) => structure.addIndicator(r, { id: newId('indicator'), ...fields })),
		editIndicator: (id: string, patch: Partial<IndicatorFields>) => run((r) => structure.editIndicator(r, id, patch)),
		removeIndicator: (id: string) => run((r) => structure.removeIndicator(r, id)),
		addMeasurement: (indicatorId: string, date: IsoDate, value: number) => run((r) => structure.addMeasurement(r, indicatorId, { id: newId('measure'), date, value })),
		editMeasurement: (indicatorId: string, measurementId: string, patch: Partial<MeasurementFields>) => run((r) => structure.editMeasurement(r, indicatorId, measurementId, patch)),
		removeMeasurement: (indicatorId: string, measurementId: string) => run((r) => structure.removeMeasurement(r, indicatorId, measurementId)),
		addLabel: (list: LabelList, label: string) => run((r) => (list === 'categories'
			? structure.addCategory(r, { id: newId('category'), label })
			: structure.addDepartment(r, { id: newId('department'), label }))),
		renameLabel: (list: LabelList, id: string, label: string) => run((r) => (list === 'categories' ? structure.renameCategory(r, id, label) : structure.renameDepartment(r, id, label))),
		/** Removes a category or department; tasks that had it keep working, without it. */
		removeLabel: (list: LabelList, id: string) => run((r) => (list === 'categories' ? structure.removeCategory(r, id) : structure.removeDepartment(r, id))),
		setTaskDepartments: (taskId: string, departments: readonly string[]) => run((r) => structure.setTaskDepartments(r, taskId, departments)),
	}
}
