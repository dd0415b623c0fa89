/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** A commune's roadmap from the starter template, in French or English, dated from a start date. */

import type { IsoDate, Phase, Roadmap } from '../model.ts'
import type { ToolName } from './starterTemplate.ts'

import { emptyRoadmap, makeTask } from '../model.ts'
import { STARTER_CATEGORIES, STARTER_DEPARTMENTS, STARTER_INDICATORS, STARTER_PHASES, STARTER_TASKS } from './starterTemplate.ts'

export type StarterLanguage = 'fr' | 'en'

export interface StarterOptions {
	lang: StarterLanguage
	commune: string
	/** `YYYY-MM-DD`: the first phase starts then. */
	startDate: IsoDate
	title?: string
}

/** `YYYY-MM-DD` plus whole months (day clamped to the month's length), and minus one day when `endOf`. */
export function addMonths(date: IsoDate, months: number, endOf = false): IsoDate {
	const [year, month, day] = date.split('-').map(Number)
	const target = new Date(Date.UTC(year, month - 1 + months, 1))
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
	target.setUTCDate(Math.min(day, lastDay))
	if (endOf) {
		target.setUTCDate(target.getUTCDate() - 1)
	}
	return target.toISOString().slice(0, 10)
}

/**
 * Phases one after the other from `startDate`, each lasting its months; a phase
 * `alongside` an earlier one shares its start and does not delay the next ones.
 */
function datePhases(lang: StarterLanguage, startDate: IsoDate): Phase[] {
	const starts = new Map<string, IsoDate>()
	let nextStart = startDate
	return STARTER_PHASES.map((phase, index) => {
		const start = phase.alongside ? starts.get(phase.alongside)! : nextStart
		starts.set(phase.id, start)
		if (!phase.alongside) {
			nextStart = addMonths(start, phase.months)
		}
		return {
			id: phase.id,
			order: index + 1,
			title: phase.title[lang],
			description: phase.description[lang],
			start,
			end: addMonths(start, phase.months, true),
		}
	})
}

export function createStarterRoadmap(options: StarterOptions): Roadmap {
	const { lang, commune, startDate } = options
	const name = (tool: ToolName): string => typeof tool === 'string' ? tool : tool[lang]
	const title = options.title ?? (lang === 'fr' ? `Feuille de route de dégooglisation — ${commune}` : `De-Googling roadmap — ${commune}`)
	const roadmap = emptyRoadmap(title, commune)
	roadmap.description = lang === 'fr'
		? 'Modèle de départ en six phases sur un mandat, à adapter : toutes les tâches sont facultatives et les durées indicatives. L\'inclusion court tout au long du mandat.'
		: 'Starter template in six phases over one term of office, to adapt: every task is optional and every duration indicative. Inclusion runs throughout the term.'
	roadmap.categories = STARTER_CATEGORIES.map((category) => ({ id: category.id, label: category.label[lang] }))
	roadmap.departments = STARTER_DEPARTMENTS.map((department) => ({ id: department.id, label: department.label[lang] }))
	roadmap.phases = datePhases(lang, startDate)
	roadmap.tasks = STARTER_TASKS.map((task, index) => makeTask({
		id: task.id,
		order: index,
		title: task.title[lang],
		description: task.description[lang],
		phase: task.phase,
		category: task.category,
		replaces: (task.replaces ?? []).map(name),
		replacements: (task.replacements ?? []).map(name),
		dependsOn: [...(task.dependsOn ?? [])],
		checklist: (task.checklist ?? []).map((item, i) => ({ id: `${task.id}-c${i + 1}`, text: item[lang], done: false })),
	}))
	roadmap.indicators = STARTER_INDICATORS.map((indicator) => ({
		id: indicator.id,
		name: indicator.name[lang],
		unit: indicator.unit[lang],
		target: indicator.target,
		targetDate: null,
		baseline: null,
		measurements: [],
	}))
	return roadmap
}

export interface EmptyRoadmapOptions {
	lang: StarterLanguage
	commune: string
	/** `YYYY-MM-DD`: the first phase starts then and lasts a year. */
	startDate: IsoDate
	title?: string
}

/** A roadmap to fill in oneself: one phase to put the first tasks in, nothing else. */
export function createEmptyRoadmap(options: EmptyRoadmapOptions): Roadmap {
	const { lang, commune, startDate } = options
	const roadmap = emptyRoadmap(options.title ?? (lang === 'fr' ? `Feuille de route de dégooglisation — ${commune}` : `De-Googling roadmap — ${commune}`), commune)
	roadmap.phases = [{
		id: 'phase-1',
		order: 1,
		title: lang === 'fr' ? 'Première phase' : 'First phase',
		description: '',
		start: startDate,
		end: addMonths(startDate, 12, true),
	}]
	return roadmap
}
