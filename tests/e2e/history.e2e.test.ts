/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The history view: a change shows with its author, and restoring an earlier moment brings the old state back as a new change. */

import type { Harness } from './harness.ts'

import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overviewStatus, setOverviewStatus, startHarness } from './harness.ts'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

const saved = /^\s*Enregistré\s*$/

describe('history', () => {
	it('shows who changed a status, restores the moment before, and keeps both changes in the history', async () => {
		const context = await harness.browser.newContext()
		const page = await context.newPage()
		await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
		expect(await overviewStatus(page, 'solutions-mail')).toBe('todo')
		await setOverviewStatus(page, 'solutions-mail', 'done')
		await page.getByRole('status').filter({ hasText: saved }).waitFor()

		await page.getByRole('link', { name: 'Historique' }).click()
		const group = page.locator('.history__group').first()
		await group.waitFor()
		expect(await group.locator('.history__author').innerText()).toBe('Alice Martin')
		expect(await group.locator('.history__summary').innerText()).toBe('« Migrer la messagerie et les agendas » (statut)')
		expect(await page.locator('.history__diff li').allInnerTexts()).toEqual(['Migrer la messagerie et les agendas — statut : À faire → Terminée'])
		expect((await new AxeBuilder({ page }).include('.history').analyze()).violations.map((v) => v.id)).toEqual([])

		await page.getByRole('button', { name: 'Restaurer la feuille de route telle qu’elle était au moment « De »' }).click()
		// The restore is one new change file, written like any edit.
		const written = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/\.degooglisation\/change\.[a-z0-9]+\.000002\.json$/.test(decodeURIComponent(r.url())) && r.status() === 201)
		await page.getByRole('button', { name: 'Oui, restaurer' }).click()
		await written
		expect(await page.locator('.history__status').innerText()).toMatch(/^La feuille de route est revenue à son état de : Début de l’historique/)

		await page.reload()
		await page.locator('.history__group').first().waitFor()
		const saves = (await page.locator('.history__count').allInnerTexts()).reduce((sum, text) => sum + Number.parseInt(text, 10), 0)
		expect(saves).toBe(2)
		await page.getByRole('link', { name: 'Vue d’ensemble' }).click()
		expect(await overviewStatus(page, 'solutions-mail')).toBe('todo')
		await context.close()
	})
})
