// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { File, Folder, getFileActions, Permission, View } from '@nextcloud/files'
import { File as File3, Folder as Folder3, getFileActions as getFileActions3, View as View3 } from 'files3'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

const root = '/files/alice'
const source = (path: string) => `http://nc.test/remote.php/dav${root}${path}`
const roadmapFile = '/Dégooglisation/Saint-Exemple/roadmap.degooglisation.json'
const icon = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1z"/></svg>'

function nodes4(path: string, permissions = Permission.READ | Permission.UPDATE) {
	return new File({ source: source(path), root, owner: 'alice', mime: 'application/json', permissions })
}
function nodes3(path: string, permissions = Permission.READ) {
	return new File3({ source: source(path), root, owner: 'alice', mime: 'application/json', permissions })
}

describe('the Files app action "Ouvrir dans Dégooglisation"', () => {
	const assign = vi.fn()
	beforeAll(async () => {
		// What Nextcloud's page defines: the server at the domain's root.
		vi.stubGlobal('_oc_webroot', '')
		vi.stubGlobal('location', { ...window.location, assign })
		await import('./files.ts')
	})
	afterEach(() => assign.mockClear())

	describe('Nextcloud 33 and 34 (@nextcloud/files 4)', () => {
		const view = new View({ id: 'files', name: 'Files', caption: '', icon, order: 0, getContents: async () => ({ folder: new Folder({ source: source('/'), root, owner: 'alice' }), contents: [] }) })
		const action = () => getFileActions().find((candidate) => candidate.id === 'degooglisation-open')!
		const context = (node: File | Folder) => ({ nodes: [node] as [File | Folder], view, folder: new Folder({ source: source('/'), root, owner: 'alice' }), contents: [node] })

		it('is the default action of a readable roadmap file, before the Viewer\'s', () => {
			expect(action().default).toBe('default')
			expect(action().order).toBeLessThan(-10000)
			expect(action().enabled!(context(nodes4(roadmapFile)))).toBe(true)
			expect(action().displayName(context(nodes4(roadmapFile)))).toBe('Open in Dégooglisation')
		})

		it('leaves other files, folders, unreadable files and selections alone', () => {
			expect(action().enabled!(context(nodes4('/Dégooglisation/Saint-Exemple/notes.json')))).toBe(false)
			expect(action().enabled!(context(new Folder({ source: source('/Dégooglisation/Saint-Exemple'), root, owner: 'alice' })))).toBe(false)
			expect(action().enabled!(context(nodes4(roadmapFile, Permission.NONE)))).toBe(false)
			const two = [nodes4(roadmapFile), nodes4('/Autre/roadmap.degooglisation.json')]
			expect(action().enabled!({ ...context(two[0]), nodes: two })).toBe(false)
		})

		it('opens the roadmap\'s folder in the app', async () => {
			await expect(action().exec(context(nodes4(roadmapFile)))).resolves.toBe(null)
			expect(assign).toHaveBeenCalledWith('/index.php/apps/degooglisation/?roadmap=%2FD%C3%A9googlisation%2FSaint-Exemple')
		})
	})

	describe('Nextcloud 32 (@nextcloud/files 3)', () => {
		const view = new View3({ id: 'files', name: 'Files', caption: '', icon, order: 0, getContents: async () => ({ folder: new Folder3({ source: source('/'), root, owner: 'alice' }), contents: [] }) })
		const action = () => getFileActions3().find((candidate) => candidate.id === 'degooglisation-open')!

		it('is registered once, as the default action of a readable roadmap file', () => {
			expect(getFileActions3().filter((candidate) => candidate.id === 'degooglisation-open')).toHaveLength(1)
			expect(action().default).toBe('default')
			expect(action().enabled!([nodes3(roadmapFile)], view)).toBe(true)
			expect(action().enabled!([nodes3('/Dégooglisation/Saint-Exemple/roadmap.json')], view)).toBe(false)
			expect(action().enabled!([new Folder3({ source: source('/Dégooglisation/Saint-Exemple'), root, owner: 'alice' })], view)).toBe(false)
		})

		it('opens a partner roadmap at its path in the reader\'s files', async () => {
			await expect(action().exec(nodes3('/Val-Voisin/Plan 2026/roadmap.degooglisation.json'), view, '/Val-Voisin/Plan 2026')).resolves.toBe(null)
			expect(assign).toHaveBeenCalledWith('/index.php/apps/degooglisation/?roadmap=%2FVal-Voisin%2FPlan%202026')
		})
	})
})
