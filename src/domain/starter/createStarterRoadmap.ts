/** A commune's roadmap from the starter template, in French or English, dated from a start date. */
import type { Roadmap } from '../model'
import { emptyRoadmap, makeTask } from '../model'
import { STARTER_CATEGORIES, STARTER_INDICATORS, STARTER_PHASES, STARTER_TASKS } from './starterTemplate'

export type StarterLanguage = 'fr' | 'en'

export interface StarterOptions {
	lang: StarterLanguage
	commune: string
	/** `YYYY-MM-DD`: the first phase starts then. */
	startDate: string
	title?: string
}

/** `YYYY-MM-DD` plus whole months (day clamped to the month's length), and minus one day when `endOf`. */
export function addMonths(date: string, months: number, endOf = false): string {
	const [year, month, day] = date.split('-').map(Number)
	const target = new Date(Date.UTC(year, month - 1 + months, 1))
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
	target.setUTCDate(Math.min(day, lastDay))
	if (endOf) target.setUTCDate(target.getUTCDate() - 1)
	return target.toISOString().slice(0, 10)
}

export function createStarterRoadmap(options: StarterOptions): Roadmap {
	const { lang, commune, startDate } = options
	const title = options.title ?? (lang === 'fr' ? `Feuille de route de dégooglisation — ${commune}` : `De-Googling roadmap — ${commune}`)
	const roadmap = emptyRoadmap(title, commune)
	roadmap.description = lang === 'fr'
		? 'Modèle de départ en six phases, à adapter : toutes les tâches sont facultatives et les durées indicatives.'
		: 'Starter template in six phases, to adapt: every task is optional and every duration indicative.'
	roadmap.categories = STARTER_CATEGORIES.map((c) => ({ id: c.id, label: c.label[lang] }))
	let phaseStart = startDate
	roadmap.phases = STARTER_PHASES.map((phase, index) => {
		phaseStart = index === 0 ? startDate : addMonths(phaseStart, phase.startsAfterMonths)
		return { id: phase.id, order: index + 1, title: phase.title[lang], description: phase.description[lang], start: phaseStart, end: addMonths(phaseStart, phase.months, true) }
	})
	roadmap.tasks = STARTER_TASKS.map((t) => makeTask({
		id: t.id,
		title: t.title[lang],
		description: t.description[lang],
		phase: t.phase,
		category: t.category,
		replaces: [...t.replaces],
		replacements: [...t.replacements],
		dependsOn: [...(t.dependsOn ?? [])],
		checklist: (t.checklist ?? []).map((item, i) => ({ id: `${t.id}-c${i + 1}`, text: item[lang], done: false })),
	}))
	roadmap.indicators = STARTER_INDICATORS.map((i) => ({ id: i.id, name: i.name[lang], unit: i.unit[lang], target: i.target, measurements: [] }))
	return roadmap
}
