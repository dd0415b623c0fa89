/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The dashboard API of a real Nextcloud with the app installed (the sandbox
 * has no PHP, so this file runs only when NEXTCLOUD_URL is set): the widget
 * is listed, and the v1 items the mobile apps read come from roadmap files —
 * only files the user can read, skipping corrupt and oversized ones, and
 * those with a title the app refuses, without failing the request.
 */

import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { emptyRoadmap, makeTask } from '../../src/domain/model.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { roadmapFromRecipe } from '../fixtures/dashboard/recipe.ts'
import { basicAuth } from './target.ts'

const { NEXTCLOUD_URL: url, NEXTCLOUD_USER: user, NEXTCLOUD_PASSWORD: password, NEXTCLOUD_COLLEAGUE_USER: colleague, NEXTCLOUD_COLLEAGUE_PASSWORD: colleaguePassword } = process.env
const folder = `/Dégooglisation/contract-dashboard-${Date.now().toString(36)}`
const corruptFolder = `${folder}-corrupt`
const oversizedFolder = `${folder}-oversized`
const hostileFolder = `/Dégooglisation/contract-dashboard-hostile-${Date.now().toString(36)}`
const longestFolder = `/Dégooglisation/contract-dashboard-longest-${Date.now().toString(36)}`
const LONG_TITLES = join(import.meta.dirname, '..', 'fixtures', 'dashboard', 'long-titles.recipe.json')
/** Above the 8 MiB AssignedTasks::MAX_BYTES. */
const OVERSIZED_BYTES = 9 * 1024 * 1024

async function ocs(path: string): Promise<any> {
	const response = await fetch(`${url}/ocs/v2.php/apps/dashboard/api/${path}`, { headers: { Authorization: basicAuth(user!, password!), 'OCS-APIRequest': 'true', Accept: 'application/json' } })
	expect(response.status).toBe(200)
	return (await response.json()).ocs.data
}

describe.runIf(url && user && password)('Nextcloud dashboard API', () => {
	const dav = () => createNodeDavClient({ url: url!, user: user!, password: password! })

	beforeAll(async () => {
		await dav().createFolder('/Dégooglisation')
		const roadmap = emptyRoadmap('Contrat tableau de bord', 'Mairie test')
		roadmap.phases = [{ id: 'p1', order: 1, title: 'Solutions', description: '', start: null, end: null }]
		roadmap.tasks = [
			makeTask({ id: 'mine-late', title: 'Tâche en retard', phase: 'p1', assignees: [user!], due: '2020-01-01' }),
			makeTask({ id: 'mine-done', title: 'Tâche terminée', phase: 'p1', assignees: [user!], status: 'done' }),
			makeTask({ id: 'not-mine', title: 'Tâche d\'un autre', phase: 'p1', assignees: ['someone-else'] }),
		]
		await new RoadmapFolder({ dav: dav(), path: folder, writer: { id: newWriterId(), author: user! } }).create(roadmap)

		await dav().createFolder(corruptFolder)
		await dav().put(`${corruptFolder}/roadmap.degooglisation.json`, '{"format": "degooglisation-roadmap", "version": 1, "tasks": [')
		const oversized = emptyRoadmap('Trop gros', 'Mairie test')
		oversized.tasks = [makeTask({ id: 'in-oversized', title: 'Tâche du fichier trop gros', assignees: [user!], description: 'x'.repeat(OVERSIZED_BYTES) })]
		await dav().createFolder(oversizedFolder)
		await dav().put(`${oversizedFolder}/roadmap.degooglisation.json`, JSON.stringify(oversized))

		// The shared fixtures' roadmaps with long titles (tests/fixtures/dashboard/cases.json), their tasks assigned to the user:
		// titles as long as a roadmap may hold, and a 5 MB task title, which the app refuses.
		for (const [path, size] of [[longestFolder, 'longest'], [hostileFolder, 'hostile']]) {
			const roadmap = JSON.parse(roadmapFromRecipe(LONG_TITLES, size))
			for (const task of roadmap.tasks) {
				task.assignees = [user!]
			}
			await dav().createFolder(path)
			await dav().put(`${path}/roadmap.degooglisation.json`, JSON.stringify(roadmap))
		}
	}, 300_000)
	afterAll(async () => {
		for (const path of [folder, corruptFolder, oversizedFolder, longestFolder, hostileFolder]) {
			await dav().delete(path)
		}
	}, 120_000)

	it('lists the widget with its buttons, as a v1 (not v2) widget', async () => {
		const widget = (await ocs('v1/widgets')).degooglisation
		expect(widget).toMatchObject({ id: 'degooglisation', item_api_versions: [1] })
		expect(widget.buttons.map((b: { type: string }) => b.type)).toEqual(['new', 'more'])
		expect(widget.icon_url).toMatch(/\/apps\/degooglisation\/img\/app-dark\.svg$/)
	})

	it('returns the user\'s open tasks from the roadmap files as v1 items', async () => {
		const items = (await ocs('v1/widget-items?widgets[]=degooglisation&limit=30')).degooglisation as Array<{ title: string, subtitle: string, link: string, sinceId: string }>
		const ours = items.filter((i) => i.link.includes(encodeURIComponent(folder)))
		expect(ours.map((i) => i.title)).toEqual(['Tâche en retard'])
		expect(ours[0].subtitle).toBe('Contrat tableau de bord · Solutions · overdue since 2020-01-01')
		expect(ours[0].sinceId).toBe('20200101')
		expect(ours[0].link).toContain('task=mine-late')
	})

	it('skips corrupt and oversized roadmap files and still answers', async () => {
		const items = (await ocs('v1/widget-items?widgets[]=degooglisation&limit=30')).degooglisation as Array<{ title: string }>
		expect(items.map((i) => i.title)).toContain('Tâche en retard')
		expect(items.map((i) => i.title)).not.toContain('Tâche du fichier trop gros')
	})

	it('bounds the longest titles a roadmap may hold to what a dashboard line shows, and skips a file with a 5 MB title as the app refuses it', async () => {
		const response = await fetch(`${url}/ocs/v2.php/apps/dashboard/api/v1/widget-items?widgets[]=degooglisation&limit=30`, { headers: { Authorization: basicAuth(user!, password!), 'OCS-APIRequest': 'true', Accept: 'application/json' } })
		expect(response.status).toBe(200)
		const body = await response.text()
		// 30 items at most, each a title of 255 characters and a subtitle of 255: far from 5 MB.
		expect(body.length).toBeLessThan(64 * 1024)
		const items = JSON.parse(body).ocs.data.degooglisation as Array<{ title: string, subtitle: string, link: string }>
		expect(items.filter((i) => i.link.includes(encodeURIComponent(hostileFolder)))).toEqual([])
		const longest = items.filter((i) => i.link.includes(encodeURIComponent(longestFolder)))
		expect(longest.map((i) => new URL(i.link).searchParams.get('task'))).toEqual(['huge-title', 'short-title'])
		const [huge, short] = longest
		expect([...huge.title].length).toBe(255)
		expect(huge.title).toMatch(/^Tâche piégée 🚧 Tâche piégée 🚧 .*…$/u)
		expect(huge.subtitle).toMatch(/^Feuille de route à rallonge — .*… · Phase sans fin .*… · overdue since 2026-11-01$/u)
		expect([...huge.subtitle].length).toBeLessThanOrEqual(255)
		expect(short.title).toBe('Courte')
	})

	describe.runIf(colleague && colleaguePassword)('with a colleague\'s account (NEXTCLOUD_COLLEAGUE_USER, NEXTCLOUD_COLLEAGUE_PASSWORD)', () => {
		const theirs = `/Dégooglisation/contract-dashboard-theirs-${Date.now().toString(36)}`
		const colleagueDav = () => createNodeDavClient({ url: url!, user: colleague!, password: colleaguePassword! })

		beforeAll(async () => {
			await colleagueDav().createFolder('/Dégooglisation')
			const roadmap = emptyRoadmap('Feuille de route non partagée', 'Mairie test')
			roadmap.tasks = [makeTask({ id: 'unshared', title: 'Tâche dans un fichier non partagé', assignees: [user!] })]
			await new RoadmapFolder({ dav: colleagueDav(), path: theirs, writer: { id: newWriterId(), author: colleague! } }).create(roadmap)
		}, 120_000)
		afterAll(() => colleagueDav().delete(theirs), 120_000)

		it('never reads a roadmap the user cannot open, even one that assigns them a task', async () => {
			const items = (await ocs('v1/widget-items?widgets[]=degooglisation&limit=30')).degooglisation as Array<{ title: string }>
			expect(items.map((i) => i.title)).not.toContain('Tâche dans un fichier non partagé')
			expect(items.map((i) => i.title)).toContain('Tâche en retard')
		})
	})

	it('returns only tasks due after sinceId when the client pages', async () => {
		const items = (await ocs('v1/widget-items?widgets[]=degooglisation&limit=30&sinceIds[degooglisation]=20200101')).degooglisation as Array<{ link: string }>
		expect(items.filter((i) => i.link.includes(encodeURIComponent(folder)))).toEqual([])
	})
})
