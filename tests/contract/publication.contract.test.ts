/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The residents' public page of a real Nextcloud with the app installed (the
 * sandbox has no PHP, so this file runs only when NEXTCLOUD_URL is set): the
 * owner publishes a roadmap whose tasks are assigned to people; the page,
 * its feed, its badge and every address they link to on the server answer
 * without login and name no one; a wrong token, an expired publication and a
 * withdrawn one get the same bare 404.
 */

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { emptyRoadmap, makeTask } from '../../src/domain/model.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { basicAuth } from './target.ts'

const { NEXTCLOUD_URL: url, NEXTCLOUD_USER: user, NEXTCLOUD_PASSWORD: password, NEXTCLOUD_COLLEAGUE_USER: colleague, NEXTCLOUD_OCC: occ } = process.env
const exec = promisify(execFile)
const folder = `/Dégooglisation/contract-publication-${Date.now().toString(36)}`
const FEDERATED_ASSIGNEE = 'agent.confidentiel@cloud.mairie-b.fr'
const SECRET_DESCRIPTION = 'Numéro personnel : 06 12 34 56 78'

interface Publication { token: string, url: string, feed: string, badge: string }

async function api(method: 'GET' | 'POST' | 'DELETE', body?: object): Promise<{ status: number, publication: Publication | null }> {
	const query = method === 'POST' ? '' : `?path=${encodeURIComponent(folder)}`
	const response = await fetch(`${url}/index.php/apps/degooglisation/api/publication${query}`, {
		method,
		headers: { Authorization: basicAuth(user!, password!), 'OCS-APIRequest': 'true', 'Content-Type': 'application/json', Accept: 'application/json' },
		body: body ? JSON.stringify({ path: folder, ...body }) : undefined,
	})
	const data = await response.json() as { publication?: Publication | null }
	return { status: response.status, publication: data.publication ?? null }
}

/** Anonymous GET: no credentials, no cookie. */
async function anonymous(address: string): Promise<{ status: number, type: string, text: string }> {
	const response = await fetch(address, { redirect: 'manual' })
	return { status: response.status, type: response.headers.get('Content-Type') ?? '', text: await response.text() }
}

/**
 * Nextcloud's brute-force protection counts every unknown token from an address
 * for 12 hours and answers 429 once its delay would pass 25 s: a few runs of
 * this file from one machine reach it. With NEXTCLOUD_OCC (the owner server's
 * occ command) the test clears its addresses first; without it, a 429 fails
 * with this explanation rather than as a wrong answer.
 */
async function clearBruteForceAttempts(): Promise<void> {
	if (occ) {
		for (const address of ['127.0.0.1', '::1']) {
			await exec('sh', ['-c', `${occ} security:bruteforce:reset '${address}'`], { timeout: 120_000 })
		}
	}
}

async function expectBareNotFound(address: string): Promise<void> {
	const answer = await anonymous(address)
	if (answer.status === 429) {
		throw new Error(`${address} answered 429: Nextcloud's brute-force protection throttles this machine's address; set NEXTCLOUD_OCC so the test clears it, or run \`occ security:bruteforce:reset <address>\``)
	}
	expect(answer).toMatchObject({ status: 404, text: 'Not found' })
}

function personal(text: string): string[] {
	const found: string[] = []
	for (const word of [user!, colleague ?? 'bob', FEDERATED_ASSIGNEE, 'confidentiel', '06 12 34']) {
		if (new RegExp(`(^|[^a-z0-9])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9]|$)`, 'i').test(text)) {
			found.push(word)
		}
	}
	return found
}

describe.runIf(url && user && password)('public page for residents on Nextcloud', () => {
	const dav = () => createNodeDavClient({ url: url!, user: user!, password: password! })
	let publication: Publication

	beforeAll(async () => {
		await dav().createFolder('/Dégooglisation')
		const roadmap = emptyRoadmap('Feuille de route publique', 'Saint-Public')
		roadmap.phases = [{ id: 'p1', order: 1, title: 'Solutions', description: '', start: '2026-01-01', end: '2027-06-30' }]
		roadmap.tasks = [
			makeTask({ id: 'mail', title: 'Migrer la messagerie', phase: 'p1', assignees: [colleague ?? 'bob', FEDERATED_ASSIGNEE], description: SECRET_DESCRIPTION, replaces: ['Microsoft Exchange'], replacements: ['SOGo'] }),
			makeTask({ id: 'office', title: 'Déployer LibreOffice', phase: 'p1', assignees: [user!], status: 'in_progress' }),
		]
		roadmap.indicators = [{ id: 'linux', name: 'Postes sous Linux', unit: '%', target: 90, measurements: [{ id: 'm1', date: '2026-03-01', value: 10, note: `mesuré par ${user}` }, { id: 'm2', date: '2026-09-01', value: 40, note: '' }] }]
		const roadmapFolder = new RoadmapFolder({ dav: dav(), path: folder, writer: { id: newWriterId(), author: user! } })
		await roadmapFolder.create(roadmap)
		const change = roadmapFolder.prepareChange([{ op: 'set', path: 'tasks/mail/status', value: 'done' }])
		await roadmapFolder.send(change)
		roadmapFolder.addLocal(change)
		await roadmapFolder.writeReadableFile(roadmapFolder.currentRoadmap())
	}, 180_000)
	beforeEach(clearBruteForceAttempts, 300_000)
	afterAll(async () => {
		await api('DELETE')
		await dav().delete(folder)
	}, 60_000)

	it('publishes for the owner only what is redacted, and says so', async () => {
		expect(await api('GET')).toEqual({ status: 200, publication: null })
		const published = await api('POST', { options: {}, expires: null })
		expect(published.status).toBe(200)
		publication = published.publication!
		expect(publication.url).toMatch(/\/apps\/degooglisation\/p\/[a-z0-9]{32}$/)

		const page = await anonymous(publication.url)
		expect(page.status).toBe(200)
		expect(page.type).toMatch(/^text\/html/)
		expect(page.text).toContain('Saint-Public')
		expect(page.text).toContain('Migrer la messagerie')
		expect(page.text).toContain('Microsoft Exchange')
		expect(page.text).not.toContain('<script')
		expect(page.text).not.toContain(SECRET_DESCRIPTION)
		expect(personal(page.text)).toEqual([])
	}, 60_000)

	it('serves the feed and the badge, and nothing it links to on the server names anyone', async () => {
		const feed = await anonymous(publication.feed)
		expect(feed.status).toBe(200)
		expect(feed.type).toMatch(/^application\/atom\+xml/)
		expect(feed.text).toMatch(/<title>[^<]*Migrer la messagerie<\/title>/)
		expect(feed.text).toContain('Postes sous Linux')
		const badge = await anonymous(publication.badge)
		expect(badge.status).toBe(200)
		expect(badge.type).toMatch(/^image\/svg\+xml/)
		expect(badge.text).toContain('50 %')

		const page = await anonymous(publication.url)
		const origin = new URL(url!).origin
		const linked = new Set([...page.text.matchAll(/(?:href|src)="([^"]+)"/g), ...feed.text.matchAll(/href="([^"]+)"/g)]
			.map((match) => new URL(match[1].replace(/&amp;/g, '&'), publication.url).href)
			.filter((address) => address.startsWith(origin)))
		expect(linked.size).toBeGreaterThanOrEqual(3)
		for (const address of linked) {
			const answer = await anonymous(address)
			expect(answer.status, address).toBe(200)
			expect(personal(answer.text), address).toEqual([])
		}
	}, 60_000)

	it('shows assignees only once the owner ticks them', async () => {
		await api('POST', { options: { assignees: true }, expires: null })
		expect((await anonymous(publication.url)).text).toContain(FEDERATED_ASSIGNEE)
		const again = await api('POST', { options: {}, expires: null })
		expect(again.publication!.token).toBe(publication.token)
		expect(personal((await anonymous(publication.url)).text)).toEqual([])
	}, 60_000)

	it('answers a wrong or expired address with a bare 404', async () => {
		await expectBareNotFound(publication.url.replace(/[a-z0-9]{32}$/, 'a'.repeat(32)))
		await api('POST', { options: {}, expires: '2020-01-01' })
		for (const address of [publication.url, publication.feed, publication.badge]) {
			await expectBareNotFound(address)
		}
		await api('POST', { options: {}, expires: null })
		expect((await anonymous(publication.url)).status).toBe(200)
	}, 60_000)

	it('ends the page, the feed and the badge at once when withdrawn', async () => {
		expect(await api('DELETE')).toEqual({ status: 200, publication: null })
		for (const address of [publication.url, publication.feed, publication.badge]) {
			await expectBareNotFound(address)
		}
	}, 60_000)

	it('refuses to publish a folder the user does not own', async () => {
		const response = await fetch(`${url}/index.php/apps/degooglisation/api/publication?path=${encodeURIComponent('/Dégooglisation/no-such-folder')}`, { headers: { Authorization: basicAuth(user!, password!), 'OCS-APIRequest': 'true' } })
		expect(response.status).toBe(404)
	})
})
