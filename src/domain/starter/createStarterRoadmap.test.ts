/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { canonicalRoadmap, parseRoadmap, serializeRoadmap } from '../format.ts'
import { makeTask } from '../model.ts'
import { isValidDate } from '../schema.ts'
import { addMonths, createStarterRoadmap } from './createStarterRoadmap.ts'
import { STARTER_PHASES, STARTER_TASKS } from './starterTemplate.ts'

const START = '2027-01-15'
const fr = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: START })
const en = createStarterRoadmap({ lang: 'en', commune: 'Saint-Exemple', startDate: START })
const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

describe('createStarterRoadmap: phases', () => {
	it('gives six phases from structuring to federation, in order, with valid dates', () => {
		expect(fr.phases.map((p) => p.id)).toEqual(['structuring', 'transformation', 'solutions', 'communication', 'inclusion', 'federation'])
		expect(fr.phases.map((p) => p.order)).toEqual([1, 2, 3, 4, 5, 6])
		for (const phase of fr.phases) {
			expect(isValidDate(phase.start!), phase.id).toBe(true)
			expect(isValidDate(phase.end!), phase.id).toBe(true)
			expect(phase.end! > phase.start!, phase.id).toBe(true)
		}
	})

	it('runs the phases back to back over one term, with inclusion alongside from the foundations to the end', () => {
		const byId = new Map(fr.phases.map((p) => [p.id, p]))
		const sequence = ['structuring', 'transformation', 'solutions', 'communication', 'federation'].map((id) => byId.get(id)!)
		expect(sequence[0].start).toBe(START)
		for (let i = 1; i < sequence.length; i++) {
			expect(sequence[i].start, sequence[i].id).toBe(dayAfter(sequence[i - 1].end!))
		}
		expect(sequence[sequence.length - 1].end).toBe(addMonths(START, 72, true))
		const inclusion = byId.get('inclusion')!
		expect(inclusion.start).toBe(byId.get('transformation')!.start)
		expect(inclusion.end).toBe(byId.get('federation')!.end)
	})

	it('only runs a phase alongside one listed before it', () => {
		for (const [index, phase] of STARTER_PHASES.entries()) {
			if (phase.alongside) {
				expect(STARTER_PHASES.slice(0, index).map((p) => p.id), phase.id).toContain(phase.alongside)
			}
		}
	})
})

describe('createStarterRoadmap: tasks', () => {
	const ids = new Set(fr.tasks.map((t) => t.id))
	const byId = new Map(fr.tasks.map((t) => [t.id, t]))

	it('holds about sixty tasks with unique, stable ASCII ids named after their phase', () => {
		expect(fr.tasks.length).toBeGreaterThanOrEqual(55)
		expect(fr.tasks.length).toBeLessThanOrEqual(65)
		expect(ids.size).toBe(fr.tasks.length)
		for (const task of fr.tasks) {
			expect(task.id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/)
			expect(task.id.startsWith(`${task.phase}-`), task.id).toBe(true)
		}
	})

	it('puts every task in an existing phase and category, and every phase has tasks', () => {
		const phases = new Set(fr.phases.map((p) => p.id))
		const categories = new Set(fr.categories.map((c) => c.id))
		expect(categories.size).toBe(fr.categories.length)
		for (const task of fr.tasks) {
			expect(phases.has(task.phase!), task.id).toBe(true)
			expect(categories.has(task.category!), task.id).toBe(true)
		}
		for (const phase of fr.phases) {
			expect(fr.tasks.some((t) => t.phase === phase.id), phase.id).toBe(true)
		}
	})

	it('depends only on existing tasks, never on a phase that starts after its own ends, without cycles', () => {
		const phase = new Map(fr.phases.map((p) => [p.id, p]))
		for (const task of fr.tasks) {
			for (const dependency of task.dependsOn) {
				expect(ids.has(dependency), `${task.id} → ${dependency}`).toBe(true)
				expect(dependency, task.id).not.toBe(task.id)
				expect(phase.get(byId.get(dependency)!.phase!)!.start! <= phase.get(task.phase!)!.end!, `${task.id} → ${dependency}`).toBe(true)
			}
		}
		const visiting = new Set<string>()
		const done = new Set<string>()
		const visit = (id: string): void => {
			if (done.has(id)) {
				return
			}
			expect(visiting.has(id), `cycle through ${id}`).toBe(false)
			visiting.add(id)
			byId.get(id)!.dependsOn.forEach(visit)
			visiting.delete(id)
			done.add(id)
		}
		fr.tasks.forEach((t) => visit(t.id))
	})

	it('moves the desktop to Linux only after the office suite and the browser', () => {
		expect(byId.get('solutions-desktop-pilot')!.dependsOn).toEqual(expect.arrayContaining(['solutions-office-suite', 'solutions-browser']))
		expect(byId.get('solutions-desktop-rollout')!.dependsOn).toContain('solutions-desktop-pilot')
	})

	it('names a free replacement for everything a task replaces; governance tasks replace nothing', () => {
		for (const task of fr.tasks) {
			if (task.replaces.length > 0) {
				expect(task.replacements.length, task.id).toBeGreaterThan(0)
			}
			if (task.category === 'governance') {
				expect([task.replaces, task.replacements], task.id).toEqual([[], []])
			}
			for (const tool of [...task.replaces, ...task.replacements]) {
				expect(tool.trim(), task.id).toBe(tool)
			}
		}
		const solutions = fr.tasks.filter((t) => t.phase === 'solutions')
		expect(solutions.every((t) => t.replaces.length > 0), 'every solutions task replaces something').toBe(true)
		const mail = byId.get('solutions-mail')!
		expect(mail.replaces).toEqual(expect.arrayContaining(['Microsoft Exchange / Outlook', 'Gmail']))
		expect(mail.replacements).toEqual(expect.arrayContaining(['SOGo', 'Zimbra', 'Thunderbird']))
	})

	it('starts every task as a fresh to-do: no dates, no assignees, no links, unticked checklist items with stable ids', () => {
		for (const task of fr.tasks) {
			expect(task, task.id).toMatchObject({ status: 'todo', assignees: [], start: null, due: null, links: [] })
			expect(Object.keys(task).sort()).toEqual(Object.keys(makeTask({ id: 'x', title: 'x' })).sort())
			expect(task.checklist.map((item) => item.id)).toEqual(task.checklist.map((_, i) => `${task.id}-c${i + 1}`))
			expect(task.checklist.every((item) => !item.done && item.text.length > 0), task.id).toBe(true)
		}
		const withChecklist = fr.tasks.filter((t) => t.checklist.length > 0)
		expect(withChecklist.length).toBeGreaterThanOrEqual(3)
		for (const task of withChecklist) {
			expect(task.checklist.length, task.id).toBeGreaterThanOrEqual(2)
		}
	})
})

describe('createStarterRoadmap: languages, indicators, file', () => {
	it('titles the roadmap after the commune, or as asked', () => {
		expect(fr.title).toBe('Feuille de route de dégooglisation — Saint-Exemple')
		expect(en.title).toBe('De-Googling roadmap — Saint-Exemple')
		expect(fr.commune).toBe('Saint-Exemple')
		expect(createStarterRoadmap({ lang: 'en', commune: 'Boé', startDate: START, title: 'Plan 2027' }).title).toBe('Plan 2027')
	})

	it('speaks French or English with the same ids and dates', () => {
		expect(en.tasks.map((t) => t.id)).toEqual(fr.tasks.map((t) => t.id))
		expect(en.phases.map(({ id, start, end }) => ({ id, start, end }))).toEqual(fr.phases.map(({ id, start, end }) => ({ id, start, end })))
		for (const [i, task] of fr.tasks.entries()) {
			expect(en.tasks[i].title, task.id).not.toBe(task.title)
			expect(en.tasks[i].description, task.id).not.toBe(task.description)
			expect(en.tasks[i].checklist.map((c) => c.id)).toEqual(task.checklist.map((c) => c.id))
		}
		for (const [i, phase] of fr.phases.entries()) {
			expect(en.phases[i].description, phase.id).not.toBe(phase.description)
		}
		expect(en.phases[5].title).toBe('Federation')
		expect(en.categories.map((c) => c.id)).toEqual(fr.categories.map((c) => c.id))
		expect(en.tasks.find((t) => t.id === 'transformation-domain')!.replaces).toEqual(['Gmail, Orange or Wanadoo addresses'])
		expect(fr.tasks.find((t) => t.id === 'transformation-domain')!.replaces).toEqual(['Adresses Gmail, Orange ou Wanadoo'])
	})

	it('has fifteen indicators with units and no measurements', () => {
		expect(fr.indicators).toHaveLength(15)
		expect(new Set(fr.indicators.map((i) => i.id)).size).toBe(15)
		for (const [i, indicator] of fr.indicators.entries()) {
			expect(indicator.measurements).toEqual([])
			expect(indicator.unit.length).toBeGreaterThan(0)
			expect(indicator.target === null || Number.isFinite(indicator.target), indicator.id).toBe(true)
			expect(en.indicators[i].name, indicator.id).not.toBe(indicator.name)
		}
	})

	it('is a valid roadmap file that reads back with nothing lost', () => {
		for (const roadmap of [fr, en]) {
			const parsed = parseRoadmap(serializeRoadmap(roadmap))
			expect(parsed.ok).toBe(true)
			if (parsed.ok) {
				expect(parsed.value).toEqual(canonicalRoadmap(roadmap))
			}
		}
	})

	it('is described task by task in docs/starter-roadmap.md', () => {
		const doc = readFileSync(new URL('../../../docs/starter-roadmap.md', import.meta.url), 'utf8')
		for (const task of STARTER_TASKS) {
			expect(doc, task.id).toContain(task.title.fr)
			expect(doc, task.id).toContain(task.title.en)
		}
		for (const indicator of fr.indicators) {
			expect(doc, indicator.id).toContain(indicator.name)
		}
		for (const indicator of en.indicators) {
			expect(doc, indicator.id).toContain(indicator.name)
		}
	})
})

describe('addMonths', () => {
	it('clamps to the end of shorter months and can give the day before', () => {
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
		expect(addMonths('2027-01-15', 6, true)).toBe('2027-07-14')
		expect(addMonths('2027-11-01', 3)).toBe('2028-02-01')
		expect(addMonths('2027-03-01', 1, true)).toBe('2027-03-31')
	})
})
