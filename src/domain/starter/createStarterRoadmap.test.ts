import { describe, expect, it } from 'vitest'
import { parseRoadmap, serializeRoadmap } from '../format'
import { addMonths, createStarterRoadmap } from './createStarterRoadmap'

const fr = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2027-01-15' })
const en = createStarterRoadmap({ lang: 'en', commune: 'Saint-Exemple', startDate: '2027-01-15' })

describe('createStarterRoadmap', () => {
	it('gives six phases from structuring to federation, dated from the start date', () => {
		expect(fr.phases.map((p) => p.id)).toEqual(['structuring', 'transformation', 'solutions', 'communication', 'inclusion', 'federation'])
		expect(fr.phases[0]).toMatchObject({ title: 'Structuration', start: '2027-01-15', end: '2027-07-14' })
		for (const [i, phase] of fr.phases.entries()) {
			expect(phase.order).toBe(i + 1)
			expect(phase.end! > phase.start!).toBe(true)
			if (i > 0) expect(phase.start! >= fr.phases[i - 1].start!).toBe(true)
		}
	})

	it('holds about sixty tasks whose references all exist, without dependency cycles', () => {
		expect(fr.tasks.length).toBeGreaterThanOrEqual(55)
		expect(fr.tasks.length).toBeLessThanOrEqual(65)
		const ids = new Set(fr.tasks.map((t) => t.id))
		expect(ids.size).toBe(fr.tasks.length)
		const phases = new Set(fr.phases.map((p) => p.id))
		const categories = new Set(fr.categories.map((c) => c.id))
		for (const task of fr.tasks) {
			expect(phases.has(task.phase!), task.id).toBe(true)
			expect(categories.has(task.category!), task.id).toBe(true)
			for (const dependency of task.dependsOn) expect(ids.has(dependency), `${task.id} → ${dependency}`).toBe(true)
			if (task.replaces.length) expect(task.replacements.length, task.id).toBeGreaterThan(0)
		}
		const visiting = new Set<string>()
		const done = new Set<string>()
		const byId = new Map(fr.tasks.map((t) => [t.id, t]))
		const visit = (id: string): void => {
			if (done.has(id)) return
			expect(visiting.has(id), `cycle through ${id}`).toBe(false)
			visiting.add(id)
			byId.get(id)!.dependsOn.forEach(visit)
			visiting.delete(id)
			done.add(id)
		}
		fr.tasks.forEach((t) => visit(t.id))
	})

	it('names what each migration replaces and with what', () => {
		const mail = fr.tasks.find((t) => t.id === 'solutions-mail')!
		expect(mail.replaces).toContain('Microsoft Exchange / Outlook')
		expect(mail.replacements).toEqual(expect.arrayContaining(['SOGo', 'Thunderbird']))
		expect(fr.tasks.filter((t) => t.replaces.length > 0).length).toBeGreaterThanOrEqual(30)
		expect(fr.indicators).toHaveLength(15)
	})

	it('speaks French or English, with the same ids', () => {
		expect(fr.title).toBe('Feuille de route de dégooglisation — Saint-Exemple')
		expect(en.title).toBe('De-Googling roadmap — Saint-Exemple')
		expect(en.tasks.map((t) => t.id)).toEqual(fr.tasks.map((t) => t.id))
		const differing = fr.tasks.filter((t, i) => t.title !== en.tasks[i].title)
		expect(differing.length).toBe(fr.tasks.length)
		expect(en.phases[5].title).toBe('Federation')
	})

	it('is a valid roadmap file', () => {
		const parsed = parseRoadmap(serializeRoadmap(fr))
		expect(parsed.ok).toBe(true)
	})
})

describe('addMonths', () => {
	it('clamps to the end of shorter months and can give the day before', () => {
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
		expect(addMonths('2027-01-15', 6, true)).toBe('2027-07-14')
		expect(addMonths('2027-11-01', 3)).toBe('2028-02-01')
	})
})
