/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Changes held back behind a damaged file are said, with whose they are, in the header, the history and on the partners page. */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATE_FOLDER, changeFileName } from '../../src/domain/storageFormat'
import { createNodeDavClient } from '../../src/storage/nodeClient'
import { RoadmapFolder } from '../../src/storage/roadmapFolder'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo'
import type { Harness } from './harness'
import { appRoadmapPath, startHarness } from './harness'

const screenshots = join(import.meta.dirname, 'screenshots')
let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

describe('changes held back', () => {
	it('says in French how many changes of whom wait for a file that could not be read, wherever the roadmap shows', async () => {
		// Bruno (bob) saves three changes from another client; the first file arrives damaged.
		const dav = createNodeDavClient({ url: harness.url, user: 'alice', password: 'alice' })
		const bob = new RoadmapFolder({ dav, path: DEMO_ROADMAP_PATH, writer: { id: 'writerbob001', author: 'bob' } })
		await bob.load()
		for (const status of ['in_progress', 'blocked', 'done']) await bob.save([{ op: 'set', path: 'tasks/solutions-mail/status', value: status }])
		await dav.put(`${DEMO_ROADMAP_PATH}/${STATE_FOLDER}/${changeFileName('writerbob001', 1)}`, '{"format": "degooglisation-change", "ver')
		const sentence = /^2 modifications de Bruno Petit \(bob\) attendent un fichier qui n’a pas pu être lu : change\.writerbob001\.000001\.json/

		const context = await harness.browser.newContext({ locale: 'fr-FR' })
		const page = await context.newPage()
		await harness.login(page, 'alice', appRoadmapPath(DEMO_ROADMAP_PATH))
		const note = page.locator('.roadmap-header .file-problem')
		await note.first().waitFor()
		expect(await note.count()).toBe(1)
		await expect.poll(() => note.locator('p').innerText(), { timeout: 10_000 }).toMatch(sentence)
		await note.locator('summary').click()
		expect(await note.locator('pre').innerText()).not.toBe('')
		await page.screenshot({ path: join(screenshots, 'held-back-changes-fr.png') })

		await page.getByRole('link', { name: 'Historique' }).click()
		await page.locator('.history .file-problem').waitFor()
		expect(await page.locator('.history .file-problem p').innerText()).toMatch(sentence)

		await page.getByRole('link', { name: 'Communes partenaires' }).click()
		const card = page.locator('.partners__card').first()
		await card.locator('.file-problem').waitFor()
		expect(await card.locator('.file-problem p').innerText()).toMatch(sentence)
		await context.close()
	})
})
