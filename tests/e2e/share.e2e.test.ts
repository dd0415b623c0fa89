/** The share panel opens from the roadmap header and finds colleagues through Nextcloud's sharee search. */
import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Harness } from './harness'
import { startHarness } from './harness'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness()
})
afterAll(() => harness?.close())

describe('share panel', () => {
	it('opens from the header, lists nobody yet, and offers a colleague and a typed partner cloud id', async () => {
		const context = await harness.browser.newContext()
		const page = await context.newPage()
		await harness.login(page, 'alice', '/index.php/apps/degooglisation/')
		const share = page.getByRole('button', { name: 'Partager', exact: true })
		await share.click()
		expect(await share.getAttribute('aria-expanded')).toBe('true')
		await page.getByText('Personne d’autre pour l’instant.').waitFor()
		await page.getByLabel('Partager avec').fill('bru')
		await page.getByRole('button', { name: 'Partager avec Bruno Petit (Collègue)' }).waitFor()
		await page.getByLabel('Partager avec').fill('agent@cloud.mairie-b.fr')
		await page.getByRole('button', { name: 'Partager avec agent@cloud.mairie-b.fr (Commune partenaire)' }).waitFor()
		const results = await new AxeBuilder({ page }).include('.share-panel').analyze()
		expect(results.violations.map((v) => v.id)).toEqual([])
		await context.close()
	})
})
