/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Script in roadmap text must stay text: payloads in every field the app's
 * views, the task sidebar and the dashboard widget render, checked in
 * chromium with a flag the payloads would set.
 */

import type { Harness } from './harness.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { emptyRoadmap, makeTask } from '../../src/domain/model.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { appRoadmapPath, openOverviewPhases, startHarness } from './harness.ts'

const PAYLOADS = [
	'<img src=x onerror="window.__xss=1">',
	'<script>window.__xss=1</script>',
	'"><svg onload="window.__xss=1">',
	'{{constructor.constructor(\'window.__xss=1\')()}}',
	'<a href="javascript:window.__xss=1">lien</a>',
	'<iframe srcdoc="<script>parent.__xss=1</script>">',
]

const FOLDER = '/Dégooglisation/<img src=x onerror=window.__xss=1>'
const roadmapPage = appRoadmapPath(FOLDER)
let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
	const dav = createNodeDavClient({ url: harness.url, user: 'bob', password: 'bob' })
	await dav.createFolder('/Dégooglisation')
	const roadmap = emptyRoadmap(PAYLOADS[0], PAYLOADS[1])
	roadmap.description = PAYLOADS[2]
	roadmap.phases = PAYLOADS.map((p, i) => ({ id: `p${i}`, order: i, title: p, description: p, start: null, end: null }))
	roadmap.categories = [{ id: 'c', label: PAYLOADS[3] }]
	roadmap.tasks = PAYLOADS.map((p, i) => makeTask({ id: `t${i}`, title: p, description: p, phase: `p${i}`, category: 'c', assignees: ['bob'], replaces: [p], replacements: [p], checklist: [{ id: `c${i}`, text: p, done: false }] }))
	roadmap.indicators = [{ id: 'i', name: PAYLOADS[4], unit: PAYLOADS[5], target: 1, measurements: [] }]
	await new RoadmapFolder({ dav, path: FOLDER, writer: { id: newWriterId(), author: 'bob' } }).create(roadmap)
})
afterAll(() => harness?.close())

describe('text from roadmap files', () => {
	for (const [name, path, ready] of [
		['the app page', '/index.php/apps/degooglisation/', '.overview-phase'],
		['the board', `${roadmapPage}?view=board`, '[data-task-id]'],
		['the task sidebar', `${roadmapPage}?view=board&task=t1`, '.task-sidebar'],
		['the history', `${roadmapPage}?view=history`, '.history'],
		['the partners page', '/index.php/apps/degooglisation/partners', '.partners__phases'],
		['the dashboard widget', '/index.php/apps/dashboard/', '.degooglisation-widget__task'],
	] as const) {
		it(`runs no script and shows markup as text on ${name}`, async () => {
			const page = await harness.browser.newPage()
			const dialogs: string[] = []
			page.on('dialog', (d) => {
				dialogs.push(d.message())
				void d.dismiss()
			})
			await harness.login(page, 'bob', path)
			await page.waitForSelector(ready)
			// The overview's tasks are folded by phase: opened, their titles are on the page too.
			if (ready === '.overview-phase') {
				await openOverviewPhases(page)
			}
			await page.waitForTimeout(500)
			expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
			expect(dialogs).toEqual([])
			const text = await page.locator('body').innerText()
			expect(text).toContain(PAYLOADS[1])
			const injected = await page.locator(['img[src="x"]', 'svg[onload]', 'iframe', 'script', 'b'].map((tag) => `#content-vue ${tag}, .degooglisation-widget ${tag}`).join(', ')).evaluateAll((nodes) => nodes.map((n) => n.outerHTML.slice(0, 200)))
			expect(injected).toEqual([])
			await page.close()
		})
	}
})
