/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The dashboard widget in the sandbox's dashboard page, in chromium. */

import type { Harness } from './harness.ts'

import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadedFiles, WIDGET_ENTRY } from '../../bench/bundleSize.ts'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { newWriterId } from '../../src/domain/ids.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { startHarness } from './harness.ts'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

describe('dashboard widget', () => {
	it('lists the demo user\'s open tasks by due date, and the phase progress', async () => {
		const page = await harness.browser.newPage()
		const loaded = new Set<string>()
		page.on('response', (response) => {
			const file = new URL(response.url()).pathname.match(/^\/apps\/degooglisation\/((?:js|css|l10n)\/.+)$/)?.[1]
			if (file) {
				loaded.add(file)
			}
		})
		await harness.login(page, 'alice', '/index.php/apps/dashboard/')
		await page.waitForSelector('.degooglisation-widget__task')
		// What the bench and the build test count as the widget's weight is what the page loads.
		const counted = loadedFiles(join(import.meta.dirname, '..', '..'), WIDGET_ENTRY, true)
		expect([...loaded].sort()).toEqual([...counted.scripts, ...counted.styles, ...counted.translations].sort())
		const titles = await page.locator('.degooglisation-widget__task-title').allInnerTexts()
		expect(titles).toEqual(['Rédiger le schéma directeur « numérique libre »', 'Déployer LibreOffice sur tous les postes'])
		expect(await page.locator('[role="progressbar"]').count()).toBe(6)
		expect(await page.locator('.degooglisation-widget').innerText()).toContain('Global : 10 %')
		await page.close()
	})

	it('marks a task done from the keyboard, and the change is in the roadmap files', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'alice', '/index.php/apps/dashboard/')
		const button = page.getByRole('button', { name: 'Marquer « Rédiger le schéma directeur « numérique libre » » comme terminée' })
		await button.focus()
		await page.keyboard.press('Enter')
		await page.getByText('« Rédiger le schéma directeur « numérique libre » » marquée comme terminée').waitFor({ state: 'attached' })
		await page.reload()
		await page.waitForSelector('.degooglisation-widget__task')
		expect(await page.locator('.degooglisation-widget__task-title').allInnerTexts()).toEqual(['Déployer LibreOffice sur tous les postes'])
		const dav = createNodeDavClient({ url: harness.url, user: 'alice', password: 'alice' })
		const { roadmap } = await new RoadmapFolder({ dav, path: DEMO_ROADMAP_PATH, writer: { id: newWriterId(), author: 'test' } }).load()
		expect(roadmap.tasks.find((t) => t.id === 'structuring-master-plan')!.status).toBe('done')
		await page.close()
	})

	it('tells a user without roadmap how to start', async () => {
		const page = await harness.browser.newPage()
		await harness.login(page, 'claire', '/index.php/apps/dashboard/')
		await page.getByText('Pas encore de feuille de route.').waitFor()
		const href = await page.getByRole('link', { name: 'Créer la feuille de route de votre commune' }).getAttribute('href')
		expect(new URL(href!, harness.url).pathname).toBe('/index.php/apps/degooglisation/')
		await page.close()
	})
})
