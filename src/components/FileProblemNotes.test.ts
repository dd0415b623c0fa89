// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The notes on files not read: what they hold back, said for people, with the parser's words folded away. */

import type { FileProblem } from '../storage/roadmapFolder.ts'
import type { WaitingChanges } from '../storage/waitingChanges.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import FileProblemNotes from './FileProblemNotes.vue'

// Nextcloud's page says who is logged in; nobody else's name is looked up here.
vi.mock('@nextcloud/auth', async (original) => ({ ...(await original<typeof import('@nextcloud/auth')>()), getCurrentUser: () => ({ uid: 'alice', displayName: 'Alice Martin', isAdmin: false }) }))

const damaged: FileProblem = { file: 'change.writerbast01.000003.json', message: 'ops[0].value: expected "string"', kind: 'invalid' }

async function notesOf(problems: FileProblem[], waiting: WaitingChanges[]) {
	const wrapper = mount(FileProblemNotes, { props: { problems, waiting } })
	await flushPromises()
	return wrapper.findAll('.file-problem').map((note) => ({ text: note.get('p').text(), detail: note.find('details pre').exists() ? note.get('details pre').text() : null }))
}

describe('FileProblemNotes', () => {
	it('says how many changes of whom wait for a damaged file, once, in the singular or the plural', async () => {
		const notes = await notesOf([damaged], [
			{ writer: 'writerbast01', author: 'alice', count: 2, file: damaged.file, reason: 'unreadable', detail: damaged.message },
			{ writer: 'writerdeni01', author: 'denise', count: 1, file: 'change.writerdeni01.000007.json', reason: 'newer-version', detail: 'version: version 2 is newer than this version of Dégooglisation understands (1); update the app' },
			{ writer: 'writerclai01', author: '', count: 3, file: 'change.writerclai01.000002.json', reason: 'not-visible', detail: null },
		])
		expect(notes).toEqual([
			{ text: '2 changes by Alice Martin are waiting for a file that could not be read: change.writerbast01.000003.json (damaged or incomplete). The file is left untouched; the changes will show as soon as it can be read.', detail: 'ops[0].value: expected "string"' },
			{ text: '1 change by denise is waiting for a file written by a newer version of Dégooglisation: change.writerdeni01.000007.json. Ask your administrator to update the app; it will show then.', detail: 'version: version 2 is newer than this version of Dégooglisation understands (1); update the app' },
			{ text: '3 changes by someone are waiting for an earlier one that has not arrived yet (change.writerclai01.000002.json): the server that holds it may be slow to pass it on. They will show as soon as it arrives.', detail: null },
		])
	})

	it('still tells a file that holds nothing back, with its detail', async () => {
		const snapshot: FileProblem = { file: 'snapshot.writerbast01.000004.json', message: 'roadmap.tasks[2].due: not a date', kind: 'invalid' }
		expect(await notesOf([damaged, snapshot], [])).toEqual([
			{ text: 'The changes saved with and after the file change.writerbast01.000003.json are waiting: it could not be read (damaged or incomplete). It is left untouched; they will show as soon as it can be read.', detail: 'ops[0].value: expected "string"' },
			{ text: 'The file snapshot.writerbast01.000004.json could not be read (damaged or incomplete) and was left untouched.', detail: 'roadmap.tasks[2].due: not a date' },
		])
	})

	it('tells a file too large to read: the changes it holds back, or a snapshot left aside', async () => {
		const message = 'file too large to read (19.8 MB; the limit is 5.0 MB): not downloaded'
		const change: FileProblem = { file: 'change.writerbast01.000001.json', message, kind: 'too-large' }
		const snapshot: FileProblem = { file: 'snapshot.writerbast01.000002.json', message, kind: 'too-large' }
		expect(await notesOf([change, snapshot], [{ writer: 'writerbast01', author: 'alice', count: 2, file: change.file, reason: 'too-large', detail: message }])).toEqual([
			{ text: '2 changes by Alice Martin are waiting for a file too large to be read without freezing the page: change.writerbast01.000001.json. It was not downloaded and is left untouched.', detail: message },
			{ text: 'The file snapshot.writerbast01.000002.json is too large to be read without freezing the page: it was not downloaded, and is left untouched.', detail: message },
		])
	})
})
