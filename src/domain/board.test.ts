/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { Task } from './model.ts'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boardColumns, compareCards, emptyFilter, filterTasks, groupByPhase, isDueSoon, isOverdue, isSameFilter, ME, narrows, NO_DEPARTMENT, orderBetween, PHASE_PALETTE, phaseColourIndex, placeAfter, placeBefore, renumber } from './board.ts'
import { makeTask, TASK_STATUSES } from './model.ts'

const today = '2026-03-10'
const context = { me: 'alice', today, categories: [{ id: 'schools', label: 'Écoles' }] }

const tasks: Task[] = [
	makeTask({ id: 'a', title: 'Migrer la messagerie', phase: 'p1', category: 'mail', assignees: ['alice'], due: '2026-03-01', order: 2 }),
	makeTask({ id: 'b', title: 'Former les agents', phase: 'p2', category: 'schools', assignees: ['bob'], due: '2026-03-20', status: 'in_progress', order: 1 }),
	makeTask({ id: 'c', title: 'ÉQUIPER LES ÉCOLES', description: 'Postes Linux', phase: 'p1', assignees: ['agent@cloud.mairie-b.fr'], status: 'done', due: '2026-01-01', order: 1 }),
	makeTask({ id: 'd', title: 'Inventaire', phase: null, assignees: [], due: '2026-04-30', order: 1 }),
]
const ids = (list: Task[]) => list.map((t) => t.id)

describe('due dates', () => {
	it('overdue is before today and not closed', () => {
		expect(isOverdue(tasks[0], today)).toBe(true)
		expect(isOverdue(tasks[2], today)).toBe(false) // done
		expect(isOverdue(makeTask({ id: 'x', title: 'x', due: today }), today)).toBe(false)
		expect(isOverdue(makeTask({ id: 'x', title: 'x', due: '2026-03-09', status: 'dropped' }), today)).toBe(false)
	})
	it('due soon is today to 14 days ahead and not closed', () => {
		expect(isDueSoon(makeTask({ id: 'x', title: 'x', due: today }), today)).toBe(true)
		expect(isDueSoon(makeTask({ id: 'x', title: 'x', due: '2026-03-24' }), today)).toBe(true)
		expect(isDueSoon(makeTask({ id: 'x', title: 'x', due: '2026-03-25' }), today)).toBe(false)
		expect(isDueSoon(makeTask({ id: 'x', title: 'x', due: '2026-03-12', status: 'done' }), today)).toBe(false)
		expect(isDueSoon(tasks[0], today)).toBe(false)
	})
})

describe('filterTasks', () => {
	it('filters by department: any of those chosen, or none', () => {
		const withDepartments = [
			makeTask({ id: 'e', title: 'État civil', departments: ['etat-civil'] }),
			makeTask({ id: 'f', title: 'Deux services', departments: ['ecoles', 'ccas'] }),
			makeTask({ id: 'g', title: 'Aucun service' }),
		]
		expect(ids(filterTasks(withDepartments, { ...emptyFilter(), departments: ['ccas'] }, context))).toEqual(['f'])
		expect(ids(filterTasks(withDepartments, { ...emptyFilter(), departments: ['etat-civil', 'ecoles'] }, context))).toEqual(['e', 'f'])
		expect(ids(filterTasks(withDepartments, { ...emptyFilter(), departments: [NO_DEPARTMENT] }, context))).toEqual(['g'])
		expect(ids(filterTasks(withDepartments, { ...emptyFilter(), departments: ['ecoles'], text: 'deux' }, context))).toEqual(['f'])
	})

	it('keeps everything with the empty filter', () => {
		expect(ids(filterTasks(tasks, emptyFilter(), context))).toEqual(['a', 'b', 'c', 'd'])
	})
	it('filters by phase, category, assignee and due date', () => {
		expect(ids(filterTasks(tasks, { ...emptyFilter(), phases: ['p1'] }, context))).toEqual(['a', 'c'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), categories: ['schools', 'mail'] }, context))).toEqual(['a', 'b'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), assignees: [ME] }, context))).toEqual(['a'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), assignees: [ME, 'bob'] }, context))).toEqual(['a', 'b'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), assignees: [ME] }, { ...context, me: null }))).toEqual([])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), due: 'overdue' }, context))).toEqual(['a'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), due: 'soon' }, context))).toEqual(['b'])
	})
	it('filters by department: a task of any chosen department is kept', () => {
		const ofDepartments = [
			makeTask({ id: 'e', title: 'État civil', departments: ['ec'] }),
			makeTask({ id: 'f', title: 'Écoles et CCAS', departments: ['schools', 'ccas'] }),
			makeTask({ id: 'g', title: 'Sans service' }),
		]
		expect(ids(filterTasks(ofDepartments, { ...emptyFilter(), departments: ['ccas'] }, context))).toEqual(['f'])
		expect(ids(filterTasks(ofDepartments, { ...emptyFilter(), departments: ['ec', 'ccas'] }, context))).toEqual(['e', 'f'])
	})
	it('combines filters with AND', () => {
		expect(ids(filterTasks(tasks, { ...emptyFilter(), phases: ['p1'], assignees: [ME] }, context))).toEqual(['a'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), phases: ['p2'], assignees: [ME] }, context))).toEqual([])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), phases: ['p1'], text: 'linux' }, context))).toEqual(['c'])
	})
	it('searches text without case or accents, in title, description, category and assignees', () => {
		expect(ids(filterTasks(tasks, { ...emptyFilter(), text: 'écoles' }, context))).toEqual(['b', 'c']) // b by its category label
		expect(ids(filterTasks(tasks, { ...emptyFilter(), text: 'ECOLES' }, context))).toEqual(['b', 'c'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), text: 'mairie-b' }, context))).toEqual(['c'])
		expect(ids(filterTasks(tasks, { ...emptyFilter(), text: '  former   AGENTS ' }, context))).toEqual(['b'])
	})
	it('never keeps a task that the same filter without text drops', () => {
		fc.assert(fc.property(fc.string(), fc.constantFrom<'soon' | 'overdue' | null>('soon', 'overdue', null), (text, due) => {
			const withText = ids(filterTasks(tasks, { ...emptyFilter(), text, due }, context))
			const without = ids(filterTasks(tasks, { ...emptyFilter(), due }, context))
			expect(withText.every((id) => without.includes(id))).toBe(true)
		}))
	})
})

describe('narrowing a filter', () => {
	const search = (text: string) => ({ ...emptyFilter(), text })
	it('tells a search typed further, or a word added, from one that may keep more', () => {
		expect(narrows(search('tâ'), search('TACHE 4'))).toBe(true)
		expect(narrows(search(''), search('a'))).toBe(true)
		expect(narrows(search('tache 4'), search('tache'))).toBe(false)
		expect(narrows(search('ta'), search('ot'))).toBe(false)
		expect(narrows(search('ta'), { ...search('tache'), phases: ['p1'] })).toBe(false)
		expect(isSameFilter(search('a'), search('a'))).toBe(true)
		expect(isSameFilter(search('a'), { ...search('a'), due: 'soon' })).toBe(false)
	})
	it('filtering what the previous filter kept gives what filtering everything gives, whenever it narrows', () => {
		const texts = fc.constantFrom('', 'e', 'é', 'ec', 'écoles', 'agents', 'former', 'mig', 'linux', 'a b', 'x')
		fc.assert(fc.property(texts, texts, (before, after) => {
			fc.pre(narrows(search(before), search(after)))
			const kept = filterTasks(tasks, search(before), context)
			expect(ids(filterTasks(kept, search(after), context))).toEqual(ids(filterTasks(tasks, search(after), context)))
		}))
	})
})

describe('boardColumns and groupByPhase', () => {
	it('gives one column per status, cards by order then id', () => {
		const columns = boardColumns([...tasks, makeTask({ id: 'a0', title: 'x', order: 2 })])
		expect(columns.map((c) => c.status)).toEqual([...TASK_STATUSES])
		expect(ids(columns[0].tasks)).toEqual(['d', 'a', 'a0'])
		expect(ids(columns[1].tasks)).toEqual(['b'])
		expect(columns[4].tasks).toEqual([])
	})
	it('keeps the columns an edit left alone, and sorts again those it changed', () => {
		const before = boardColumns(tasks)
		const moved = { ...tasks[0], status: 'in_progress' as const, order: 0 }
		const after = boardColumns([moved, ...tasks.slice(1)], before)
		expect(ids(after[0].tasks)).toEqual(['d'])
		expect(ids(after[1].tasks)).toEqual(['a', 'b'])
		expect(after[2]).toBe(before[2])
		expect(after[0]).not.toBe(before[0])
		const retitled = { ...tasks[3], title: 'Inventaire des postes' }
		const again = boardColumns([moved, tasks[1], tasks[2], retitled], after)
		expect(again[0]).not.toBe(after[0])
		expect(again[0].tasks).toEqual([retitled])
		expect(again[1]).toBe(after[1])
	})
	it('groups by phase in phase order, unphased last, empty groups left out', () => {
		const phases = [
			{ id: 'p2', order: 2, title: 'Deux', description: '', start: null, end: null },
			{ id: 'p1', order: 1, title: 'Un', description: '', start: null, end: null },
			{ id: 'p3', order: 3, title: 'Trois', description: '', start: null, end: null },
		]
		const groups = groupByPhase([...tasks, makeTask({ id: 'e', title: 'x', phase: 'gone' })], phases)
		expect(groups.map((g) => [g.phase?.id ?? null, ids(g.tasks)])).toEqual([['p1', ['a', 'c']], ['p2', ['b']], [null, ['d', 'e']]])
	})
})

describe('orders', () => {
	it('puts an order between two neighbours, or past the one there is', () => {
		expect(orderBetween()).toBe(1)
		expect(orderBetween(3)).toBe(4)
		expect(orderBetween(undefined, 3)).toBe(2)
		expect(orderBetween(1, 2)).toBe(1.5)
		expect(orderBetween(2, 2)).toBeNull()
		expect(orderBetween(1, 1 + Number.EPSILON)).toBeNull()
	})
	it('any order it returns lies strictly between its neighbours', () => {
		fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (x, y) => {
			const [before, after] = x < y ? [x, y] : [y, x]
			const order = orderBetween(before, after)
			if (order !== null) {
				expect(before < order && order < after).toBe(true)
			} else {
				expect(before === after || before + (after - before) / 2 <= before || before + (after - before) / 2 >= after).toBe(true)
			}
		}))
	})
	it('renumbers a sequence 1, 2, 3…', () => {
		expect([...renumber(tasks)]).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4]])
	})
	it('places a moved card where asked, renumbering when there is no room, any number of times', () => {
		fc.assert(fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 80 }), (targets) => {
			let column = Array.from({ length: 6 }, (_, i) => makeTask({ id: `t${i}`, title: '', order: i + 1 }))
			for (const [step, target] of targets.entries()) {
				const moving = column[step % column.length]
				const others = [...column].sort(compareCards).filter((t) => t.id !== moving.id)
				const beforeId = others[target % (others.length + 1)]?.id ?? null
				const placement = placeBefore(column, moving.id, beforeId)
				column = column.map((t) => ({ ...t, order: placement.renumbered?.get(t.id) ?? (t.id === moving.id ? placement.order : t.order) }))
				const sorted = ids([...column].sort(compareCards))
				const expected = ids(others)
				expected.splice(beforeId === null ? expected.length : expected.indexOf(beforeId), 0, moving.id)
				expect(sorted).toEqual(expected)
			}
		}))
	})
	it('renumbers once doubles run out of room', () => {
		const column = [makeTask({ id: 'x', title: '', order: 1 }), makeTask({ id: 'y', title: '', order: 1 + Number.EPSILON }), makeTask({ id: 'm', title: '', order: 9 })]
		const placement = placeBefore(column, 'm', 'y')
		expect(placement.renumbered).not.toBeNull()
		expect([...placement.renumbered!]).toEqual([['x', 1], ['m', 2], ['y', 3]])
		expect(placement.order).toBe(2)
	})
	it('places after a card', () => {
		const column = [makeTask({ id: 'x', title: '', order: 1 }), makeTask({ id: 'y', title: '', order: 2 }), makeTask({ id: 'm', title: '', order: 0 })]
		expect(placeAfter(column, 'm', 'x').order).toBe(1.5)
		expect(placeAfter(column, 'm', 'y').order).toBe(3)
	})
})

describe('phase colours', () => {
	it('gives each phase id a stable index in the palette', () => {
		fc.assert(fc.property(fc.string(), (id) => {
			const index = phaseColourIndex(id)
			expect(index).toBe(phaseColourIndex(id))
			expect(index >= 0 && index < PHASE_PALETTE.length).toBe(true)
		}))
		const spread = new Set(['structuring', 'solutions', 'training', 'inclusion', 'hosting', 'review'].map(phaseColourIndex))
		expect(spread.size).toBeGreaterThan(2)
	})
})
