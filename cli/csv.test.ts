import { describe, expect, it } from 'vitest'
import { sampleRoadmap } from '../src/domain/testing/sampleRoadmap'
import { applyTaskRows, CsvError, parseCsv, readTaskRows, tasksToCsv } from './csv'

describe('parseCsv', () => {
	it('reads quotes, doubled quotes, separators and new lines inside quotes, CRLF and a BOM', () => {
		expect(parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n')).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines']])
	})

	it('detects the semicolon French spreadsheets write', () => {
		expect(parseCsv('titre;statut\nMigrer, vite;todo\n')).toEqual([['titre', 'statut'], ['Migrer, vite', 'todo']])
	})
})

describe('importing tasks', () => {
	const roadmap = sampleRoadmap(3)

	it('updates known ids and adds the other rows, with French column names', () => {
		const rows = readTaskRows('id;titre;statut;responsables;echeance;phase\nt00001;;done;alice|agent@cloud.mairie-b.fr;2027-01-31;solutions\n;Nouvelle tâche;;;;\n')
		let n = 0
		const next = applyTaskRows(roadmap, rows, () => `new-${++n}`)
		expect(next.tasks[1]).toMatchObject({ id: 't00001', title: 'Tâche 1', status: 'done', assignees: ['alice', 'agent@cloud.mairie-b.fr'], due: '2027-01-31', phase: 'solutions' })
		expect(next.tasks[3]).toMatchObject({ id: 'new-1', title: 'Nouvelle tâche', status: 'todo' })
		expect(roadmap.tasks).toHaveLength(3)
	})

	it('refuses the whole file when a row is invalid, naming line and column', () => {
		const rows = readTaskRows('id,title,status,due,phase\nt00001,,done,2027-13-01,\n,Sans phase,finished,,nulle-part\n')
		expect(() => applyTaskRows(roadmap, rows, () => 'x')).toThrow(new CsvError([
			'line 2, column due: not a date (expected YYYY-MM-DD)',
			'line 3, column status: not a status (expected one of todo, in_progress, blocked, done, dropped)',
			'line 3, column phase: unknown phase "nulle-part" (expected one of structuring, solutions)',
		].join('\n')))
	})

	it('refuses unknown columns', () => {
		expect(() => readTaskRows('title,colour\nA,red\n')).toThrow('line 1, column 2: unknown column "colour"')
	})

	it('round-trips: importing an export changes nothing', () => {
		const original = sampleRoadmap(20)
		original.tasks[3].description = 'Ligne 1\nLigne 2, avec "guillemets"; et point-virgule'
		const again = applyTaskRows(original, readTaskRows(tasksToCsv(original)), () => 'unused')
		expect(again).toEqual(original)
	})
})
