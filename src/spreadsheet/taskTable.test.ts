/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it } from 'vitest'
import { createStarterRoadmap } from '../domain/starter/createStarterRoadmap.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { csvTable } from './csv.ts'
import { tasksToCsv } from './export.ts'
import { applyTaskTable, itemsNotExportable, readTaskTable as readTable } from './taskTable.ts'

const readTaskTable = (csv: string) => readTable(csvTable(csv))

function newIds() {
	let n = 0
	return () => `task-new-${++n}`
}

const importing = (csv: string, roadmap = sampleRoadmap(3)) => applyTaskTable(roadmap, readTaskTable(csv), newIds())

describe('reading the header', () => {
	it('accepts English and French names, in any case, with or without accents', () => {
		const table = readTaskTable('ID;Titre;Échéance;debut;Responsables;CATÉGORIE;remplace;Remplacement;statut;Description;phase\n')
		expect([...table.columns.keys()]).toEqual(['id', 'title', 'due', 'start', 'assignees', 'category', 'replaces', 'replacements', 'status', 'description', 'phase'])
	})

	it('refuses an unknown or repeated column, so that a typo does not drop data silently', () => {
		expect(() => readTaskTable('title,colour,titre\nA,red,B\n')).toThrow([
			'ligne 1, colonne colour: unknown column (expected id, title, description, phase, status, assignees, start, due, category, replaces, replacements, departments, or their French names)',
			'ligne 1, colonne titre: same column as "title"',
		].join('\n'))
	})

	it('needs an id or a title column', () => {
		expect(() => readTaskTable('statut\ntodo\n')).toThrow('ligne 1: an "id" or a "title" column is needed')
	})

	it('refuses an empty file', () => {
		expect(() => readTaskTable('\ufeff\n')).toThrow('the file is empty')
	})
})

describe('importing tasks', () => {
	it('updates known ids and adds the other rows', () => {
		const { roadmap, added, updated, unchanged } = importing([
			'id;titre;statut;responsables;echeance;phase',
			't00001;;done;"alice; agent@cloud.mairie-b.fr";2027-01-31;solutions',
			't00002;Tâche 2;;alice;;structuring',
			';Nouvelle tâche;;;;',
		].join('\n'))
		expect([added, updated, unchanged]).toEqual([1, 1, 1])
		expect(roadmap.tasks.find((t) => t.id === 't00001')).toMatchObject({ title: 'Tâche 1', status: 'done', assignees: ['alice', 'agent@cloud.mairie-b.fr'], due: '2027-01-31', phase: 'solutions' })
		expect(roadmap.tasks.find((t) => t.id === 'task-new-1')).toMatchObject({ title: 'Nouvelle tâche', status: 'todo', phase: null, assignees: [], checklist: [] })
	})

	it('leaves the fields of absent columns, clears those of empty cells, keeps the title and status of empty cells', () => {
		const before = sampleRoadmap(3)
		const { roadmap } = importing('id,title,status,category,replaces,description\nt00001,,,,,\n', before)
		const task = roadmap.tasks.find((t) => t.id === 't00001')!
		const original = before.tasks.find((t) => t.id === 't00001')!
		expect(task).toEqual({ ...original, category: null, replaces: [], description: '' })
	})

	it('adds a row with an id the roadmap lacks under that id', () => {
		const { roadmap, added } = importing('id,title\nmy-task,Mine\n')
		expect(added).toBe(1)
		expect(roadmap.tasks.at(-1)).toMatchObject({ id: 'my-task', title: 'Mine' })
	})

	it('changes nothing in the roadmap it is given', () => {
		const before = sampleRoadmap(3)
		const copy = structuredClone(before)
		importing('id,title,status\nt00001,Changed,done\n,New,todo\n', before)
		expect(before).toEqual(copy)
	})

	it('refuses the whole file when a row is wrong, naming every row and column', () => {
		const csv = [
			'id,title,status,due,phase,assignees,category',
			't00001,,done,2026-13-01,,,',
			',Sans phase,finished,,nulle-part,,',
			',,todo,,,,',
			'bad id,Titre,,,,,',
			't00002,Doublon,,,,,',
			't00002,Doublon,,,,,',
			'x,Y,,,,"alice\u0001",office',
			',Trop,,,,,,de cellules',
			',Catégorie,,,,,nulle-part',
		].join('\n')
		expect(() => importing(csv)).toThrow([
			'ligne 2, colonne due: not a date (expected YYYY-MM-DD)',
			'ligne 3, colonne phase: unknown phase "nulle-part" (expected one of structuring, solutions)',
			'ligne 3, colonne status: not a status (expected one of todo, in_progress, blocked, done, dropped)',
			'ligne 4, colonne title: a new task needs a title',
			'ligne 5, colonne id: not a valid id (letters, digits, _ . : -, at most 100 characters)',
			'ligne 7, colonne id: "t00002" is already on line 6',
			'ligne 8, colonne assignees: contains control characters',
			'ligne 9: 8 cells for 7 columns (a separator inside a cell needs quotes)',
			'ligne 10, colonne category: unknown category "nulle-part" (expected one of mail, office)',
		].join('\n'))
	})

	it('names columns as the file does', () => {
		expect(() => importing('titre;échéance\nA;2026-02-30\n')).toThrow('ligne 2, colonne échéance: not a date (expected YYYY-MM-DD)')
	})

	it('refuses text longer than other clients accept', () => {
		expect(() => importing(`title\n${'x'.repeat(1001)}\n`)).toThrow('ligne 2, colonne title: longer than 1000 characters')
	})

	it('lists twenty problems and counts the others', () => {
		const csv = ['title,due', ...Array.from({ length: 25 }, (_, i) => `T${i},bad`)].join('\n')
		const message = (() => {
			try {
				importing(csv)
			} catch (error) {
				return (error as Error).message
			}
		})()!.split('\n')
		expect(message).toHaveLength(21)
		expect(message[20]).toBe('… and 5 more problems')
	})
})

describe('departments', () => {
	it('are given by id or by label, several separated by ";", and checked', () => {
		const roadmap = sampleRoadmap(2)
		roadmap.departments = [{ id: 'etat-civil', label: 'État civil' }, { id: 'ecoles', label: 'Écoles' }]
		const { roadmap: after } = importing('id;services\nt00000;etat civil; ECOLES\nt00001;ecoles\n'.replace('etat civil; ECOLES', '"etat civil; ECOLES"'), roadmap)
		expect(after.tasks.map((t) => t.departments)).toEqual([['etat-civil', 'ecoles'], ['ecoles']])
		expect(() => importing('id;services\nt00000;rh\n', roadmap)).toThrow('ligne 2, colonne services: unknown department "rh" (expected one of etat-civil, ecoles)')
		expect(importing('id;departments\nt00000;\n', after).roadmap.tasks[0].departments).toEqual([])
	})
})

describe('exporting tasks', () => {
	it('writes the import columns, lists separated by ";"', () => {
		const csv = tasksToCsv(sampleRoadmap(1))
		expect(csv).toBe([
			'id,title,description,phase,status,assignees,start,due,category,replaces,replacements,departments',
			't00000,Tâche 0,,structuring,todo,agent@cloud.mairie-b.fr,,,mail,Microsoft Office,LibreOffice,',
			'',
		].join('\n'))
	})

	it('round-trips: importing an export changes nothing', () => {
		for (const original of [sampleRoadmap(20), createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2027-01-04' })]) {
			const task = original.tasks[3]
			task.description = ' Ligne 1\nLigne 2, avec "guillemets"; et point-virgule\r\n'
			task.title = 'Titre, avec virgule'
			task.assignees = ['alice', 'agent@cloud.mairie-b.fr', 'bob@http://127.0.0.1:8082']
			task.replaces = ['Google Drive', 'Microsoft 365']
			task.start = '2027-02-01'
			original.departments = [{ id: 'ecoles', label: 'Écoles' }, { id: 'ccas', label: 'CCAS' }]
			task.departments = ['ecoles', 'ccas']
			const result = importing(tasksToCsv(original), original)
			expect(result.roadmap).toEqual(original)
			expect([result.added, result.updated, result.unchanged]).toEqual([0, 0, original.tasks.length])
			expect(itemsNotExportable(original)).toEqual([])
		}
	})

	it('warns about list items that would not read back the same', () => {
		const roadmap = sampleRoadmap(1)
		roadmap.tasks[0].replaces = ['Word; Excel', ' padded']
		expect(itemsNotExportable(roadmap)).toEqual([
			'task t00000, replaces: "Word; Excel" will not read back the same (lists are separated by ";", items trimmed)',
			'task t00000, replaces: " padded" will not read back the same (lists are separated by ";", items trimmed)',
		])
	})
})
