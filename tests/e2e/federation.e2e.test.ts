/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Two communes' servers: alice in Saint-Exemple shares the demo roadmap with
 * bastien in Val-Voisin from the app's share panel; bastien accepts it in his
 * own server's app, moves a task on the board with the keyboard, and alice
 * sees it in her copy. Then both change a task at the same moment, each on
 * their own server, and both edits are kept on both sides. A French
 * screenshot of the partner's board for review
 * (tests/e2e/screenshots/partner-board.png, not committed).
 */

import type { Page } from 'playwright-core'
import type { Harness } from './harness.ts'

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo.ts'
import { newWriterId } from '../../src/domain/ids.ts'
import { createStarterRoadmap } from '../../src/domain/starter/createStarterRoadmap.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { appRoadmapPath, boardCards, boardTaskIds, overviewStatus, setOverviewStatus, startHarness } from './harness.ts'

const screenshots = join(import.meta.dirname, 'screenshots')
const ownerRoadmapPath = appRoadmapPath(DEMO_ROADMAP_PATH)
const viewport = { width: 1600, height: 1000 }
let harness: Harness

beforeAll(async () => {
	mkdirSync(screenshots, { recursive: true })
	harness = await startHarness({ partner: true })
})
afterAll(() => harness?.close())

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()

describe('federation between two communes', () => {
	it('shares from the panel; the partner accepts, moves a task on the board, and edits at the same moment as the owner', async () => {
		const partnerCloudId = `bastien@${harness.partnerUrl}`
		const ownerContext = await harness.browser.newContext({ viewport })
		const owner = await ownerContext.newPage()
		await harness.login(owner, 'alice', ownerRoadmapPath)
		await owner.getByRole('button', { name: 'Partager', exact: true }).click()
		const panel = owner.getByRole('region', { name: 'Partager cette feuille de route' })
		await panel.getByLabel('Partager avec').fill(partnerCloudId)
		await panel.getByRole('radio', { name: 'Peut modifier' }).check()
		await panel.getByRole('button', { name: /^Partager avec bastien .*\(Commune partenaire\)$/ }).click()
		await panel.getByText(/^Partagée avec bastien .* \(peut modifier\)\.$/).waitFor()
		const permission = panel.getByLabel(`Droit de ${partnerCloudId}`)
		expect(await permission.inputValue()).toBe('edit')

		// Bastien, on Val-Voisin's server, accepts and opens the board.
		const partnerContext = await harness.browser.newContext({ viewport })
		const partner = await partnerContext.newPage()
		await harness.login(partner, 'bastien', '/index.php/apps/degooglisation/')
		await partner.getByText('En attente de votre réponse').waitFor()
		await partner.getByRole('button', { name: 'Accepter' }).click()
		const navigation = partner.getByRole('navigation', { name: 'Feuilles de route' })
		await navigation.getByText('Des communes partenaires').waitFor()
		await navigation.getByRole('link', { name: 'Saint-Exemple' }).click()
		await partner.getByRole('link', { name: 'Tableau', exact: true }).click()
		await boardCards(partner, 'todo').first().waitFor()
		expect(await boardTaskIds(partner, 'in_progress')).toContain('structuring-master-plan')
		await partner.locator('[data-task-id="structuring-master-plan"]').focus()
		await partner.keyboard.press('Alt+ArrowRight')
		await expect.poll(() => boardTaskIds(partner, 'blocked')).toContain('structuring-master-plan')
		await saved(partner)
		// Every avatar drawn, none broken: those of people the partner's server does not know included.
		await partner.waitForFunction(() => [...document.querySelectorAll('.task-card img')].every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))
		await partner.screenshot({ path: join(screenshots, 'partner-board.png') })

		await owner.goto(`${harness.url}${ownerRoadmapPath}?view=board`)
		await boardCards(owner, 'todo').first().waitFor()
		expect((await boardTaskIds(owner, 'blocked'))[0]).toBe('structuring-master-plan')
		expect(await boardTaskIds(owner, 'in_progress')).not.toContain('structuring-master-plan')

		// Both overviews freshly open (no save shown yet), then one edit on each server at the same moment.
		await owner.goto(`${harness.url}${ownerRoadmapPath}`)
		await partner.goto(partner.url().replace(/\?.*$/, ''))
		expect(await overviewStatus(owner, 'solutions-mail')).toBe('todo')
		expect(await overviewStatus(partner, 'transformation-hosting')).toBe('in_progress')
		await Promise.all([
			setOverviewStatus(owner, 'solutions-mail', 'done'),
			setOverviewStatus(partner, 'transformation-hosting', 'done'),
		])
		await Promise.all([saved(owner), saved(partner)])

		for (const page of [owner, partner]) {
			await page.reload()
			expect(await overviewStatus(page, 'solutions-mail')).toBe('done')
			expect(await overviewStatus(page, 'transformation-hosting')).toBe('done')
		}

		// Val-Voisin's own roadmap beside the one Saint-Exemple shares, on the partner communes page.
		const partnerDav = createNodeDavClient({ url: harness.partnerUrl!, user: 'bastien', password: 'bastien' })
		await partnerDav.createFolder('/Dégooglisation')
		await new RoadmapFolder({ dav: partnerDav, path: '/Dégooglisation/Val-Voisin', writer: { id: newWriterId(), author: 'bastien' } })
			.create(createStarterRoadmap({ lang: 'fr', commune: 'Val-Voisin', startDate: '2026-01-01' }))
		await partner.goto(`${harness.partnerUrl}/index.php/apps/degooglisation/partners`)
		const partnersCards = partner.locator('.partners__card')
		for (const commune of ['Val-Voisin', 'Saint-Exemple']) {
			await partnersCards.filter({ hasText: commune }).locator('.partners__phases li').first().waitFor()
		}
		expect(await partnersCards.count()).toBe(2)
		expect(await partnersCards.filter({ hasText: 'Saint-Exemple' }).locator('.partners__phases li').count()).toBeGreaterThan(1)
		await partner.screenshot({ path: join(screenshots, 'partners-page.png'), fullPage: true })
		await ownerContext.close()
		await partnerContext.close()
	})
})
