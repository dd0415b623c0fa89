/**
 * Two communes' servers: alice in Saint-Exemple shares the demo roadmap with
 * bastien in Val-Voisin through federation; bastien accepts it in the app,
 * changes a task's status, and alice sees the change in her own copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ROADMAP_PATH } from '../../sandbox/demo'
import { OcsClient, SHARE_PERMISSION, SHARE_TYPE } from '../../src/storage/ocs'
import type { Harness } from './harness'
import { startHarness } from './harness'

let harness: Harness

beforeAll(async () => {
	harness = await startHarness({ partner: true })
})
afterAll(() => harness?.close())

describe('federation between two communes', () => {
	it('lets a partner accept a shared roadmap, change a task, and the owner see it', async () => {
		const owner = new OcsClient({ baseUrl: harness.url, auth: { user: 'alice', password: 'alice' } })
		await owner.createShare(DEMO_ROADMAP_PATH, SHARE_TYPE.federated, `bastien@${harness.partnerUrl}`, SHARE_PERMISSION.all)

		const partnerPage = await harness.browser.newPage()
		await harness.login(partnerPage, 'bastien', '/index.php/apps/degooglisation/')
		await partnerPage.getByText('En attente de votre réponse').waitFor()
		await partnerPage.getByRole('button', { name: 'Accepter' }).click()
		await partnerPage.getByRole('link', { name: 'Saint-Exemple' }).click()
		const status = partnerPage.locator('#status-solutions-mail')
		await status.waitFor()
		expect(await status.inputValue()).toBe('todo')
		await status.selectOption('done')
		await partnerPage.getByRole('status').filter({ hasText: /^\s*Enregistré\s*$/ }).waitFor()
		await partnerPage.close()

		const ownerPage = await harness.browser.newPage()
		await harness.login(ownerPage, 'alice', `/index.php/apps/degooglisation/roadmap/${DEMO_ROADMAP_PATH.split('/').filter(Boolean).map(encodeURIComponent).join('/')}`)
		const seenByOwner = ownerPage.locator('#status-solutions-mail')
		await seenByOwner.waitFor()
		expect(await seenByOwner.inputValue()).toBe('done')
		await ownerPage.close()
	})
})
