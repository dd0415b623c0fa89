/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * `npm run stress -- [--writers 8] [--edits 200] [--timeout 30000]`
 *
 * Target, from the environment:
 * - nothing set: two in-process sandboxes, the owner's with Nextcloud's
 *   hazards turned up (precondition checked apart from the write, torn reads,
 *   423 and 500), the roadmap shared by federation with the partner's, and
 *   half the writers working through the partner's federated mount;
 * - NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD: that server, one account;
 * - plus NEXTCLOUD_PARTNER_URL, NEXTCLOUD_PARTNER_USER, NEXTCLOUD_PARTNER_PASSWORD:
 *   the roadmap is shared by federation with the partner, and half the
 *   writers work through the partner's federated mount.
 * Every writer edits through a roadmap session, as the app page, the widget
 * and the command line do. Prints edits applied and lost; exits 1 when any
 * edit was lost or left unsent.
 */

import type { StressTarget } from './stressRun.ts'

import { DOMParser } from '@xmldom/xmldom'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { newWriterId } from '../../src/domain/ids.ts'
import { emptyRoadmap, makeTask } from '../../src/domain/model.ts'
import { DavClient } from '../../src/storage/dav.ts'
import { OcsClient, SHARE_PERMISSION, SHARE_TYPE } from '../../src/storage/ocs.ts'
import { memoryStorage } from '../../src/storage/outbox.ts'
import { RoadmapSession } from '../../src/storage/roadmapSession.ts'
import { processEnvironment } from '../../src/storage/sessionEnvironment.ts'
import { runStress } from './stressRun.ts'

/** `--timeout` (ms): how long a request may take before it fails and is retried; the app's 30 s unless told (a shared, loaded test machine). */
const { values } = parseArgs({ options: { writers: { type: 'string', default: '8' }, edits: { type: 'string', default: '200' }, seed: { type: 'string', default: '42' }, timeout: { type: 'string' } } })
const env = process.env

/** Nextcloud writes the scheme only when it is not https: `bob@http://127.0.0.1:8082`, `bob@cloud.mairie-b.fr`. */
function federatedCloudId(user: string, url: string): string {
	return `${user}@${url.replace(/^https:\/\//, '').replace(/\/+$/, '')}`
}

interface Account {
	url: string
	user: string
	password: string
}

let requests = 0

/** A Node DAV client (as nodeClient.ts makes) whose requests are counted. */
function davClient(account: Account): DavClient {
	return new DavClient({
		baseUrl: account.url.replace(/\/+$/, ''),
		user: account.user,
		auth: { user: account.user, password: account.password },
		timeoutMs: values.timeout ? Number(values.timeout) : undefined,
		DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'],
		fetch: (input, init) => {
			requests++
			return fetch(input, init)
		},
	})
}

async function createRoadmap(dav: DavClient, path: string): Promise<void> {
	await dav.createFolder('/Dégooglisation')
	const roadmap = emptyRoadmap('Stress', 'Mairie A')
	roadmap.phases = [{ id: 'p1', order: 1, title: 'Phase', description: '', start: null, end: null }]
	roadmap.tasks = Array.from({ length: 40 }, (_, i) => makeTask({ id: `base-${i}`, title: `Tâche ${i}`, phase: 'p1' }))
	const session = await RoadmapSession.create({ dav, path, writer: { id: newWriterId(), author: 'stress-setup' }, outbox: memoryStorage(), environment: processEnvironment(), refreshMs: null }, roadmap)
	await session.settle()
	session.dispose()
}

/** Shares the roadmap by federation with the partner, who accepts it; returns the partner's path to it. */
async function shareWithPartner(owner: Account, partner: Account, path: string, folderName: string): Promise<string> {
	const ownerOcs = new OcsClient({ baseUrl: owner.url, auth: owner })
	const partnerOcs = new OcsClient({ baseUrl: partner.url, auth: partner })
	await ownerOcs.createShare(path, SHARE_TYPE.federated, federatedCloudId(partner.user, partner.url), SHARE_PERMISSION.all)
	let mountpoint: string | undefined
	for (let attempt = 0; attempt < 30 && !mountpoint; attempt++) {
		for (const share of await partnerOcs.pendingRemoteShares()) {
			if (share.name.endsWith(folderName)) {
				await partnerOcs.acceptRemoteShare(share.id)
			}
		}
		mountpoint = (await partnerOcs.remoteShares()).find((s) => s.mountpoint.endsWith(folderName))?.mountpoint
		if (!mountpoint) {
			await new Promise((resolve) => setTimeout(resolve, 500))
		}
	}
	if (!mountpoint) {
		throw new Error('the federated share did not reach the partner')
	}
	return mountpoint.replace(/^\/[^/]+\/files/, '')
}

async function main(): Promise<void> {
	const folderName = `stress-${Date.now().toString(36)}`
	const path = `/Dégooglisation/${folderName}`
	const targets: StressTarget[] = []
	let cleanup = async () => {}
	let label: string

	if (env.NEXTCLOUD_URL && env.NEXTCLOUD_USER && env.NEXTCLOUD_PASSWORD) {
		const owner = { url: env.NEXTCLOUD_URL, user: env.NEXTCLOUD_USER, password: env.NEXTCLOUD_PASSWORD }
		const dav = davClient(owner)
		await createRoadmap(dav, path)
		targets.push({ dav, path, label: `${owner.user}@${owner.url}` })
		label = `Nextcloud ${owner.url}`
		if (env.NEXTCLOUD_PARTNER_URL && env.NEXTCLOUD_PARTNER_USER && env.NEXTCLOUD_PARTNER_PASSWORD) {
			const partner = { url: env.NEXTCLOUD_PARTNER_URL, user: env.NEXTCLOUD_PARTNER_USER, password: env.NEXTCLOUD_PARTNER_PASSWORD }
			targets.push({ dav: davClient(partner), path: await shareWithPartner(owner, partner, path, folderName), label: `${partner.user}@${partner.url} (federated)` })
			label += ` + federated partner ${partner.url}`
		}
	} else {
		const dataDirs = await Promise.all([mkdtemp(join(tmpdir(), 'degooglisation-stress-')), mkdtemp(join(tmpdir(), 'degooglisation-stress-partner-'))])
		const { startSandbox } = await import('../../sandbox/server.ts')
		const sandbox = await startSandbox({
			port: 0,
			dataDir: dataDirs[0],
			users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }],
			hazards: { preconditionGapMs: 5, tornReadRate: 0.05, lockedRate: 0.03, serverErrorRate: 0.02, unavailableRate: 0.01, seed: Number(values.seed) },
		})
		// The partner's server adds no faults of its own: the owner's reach its writers through the mount.
		const partnerSandbox = await startSandbox({ port: 0, dataDir: dataDirs[1], users: [{ id: 'bastien', displayName: 'Bastien', password: 'bastien' }], hazards: { preconditionGapMs: 5 } })
		const owner = { url: sandbox.url, user: 'alice', password: 'alice' }
		const partner = { url: partnerSandbox.url, user: 'bastien', password: 'bastien' }
		const dav = davClient(owner)
		// Hazards apply to the writers, not to setting the roadmap up.
		const hazards = { ...sandbox.hazards }
		Object.assign(sandbox.hazards, { tornReadRate: 0, lockedRate: 0, serverErrorRate: 0, unavailableRate: 0 })
		await createRoadmap(dav, path)
		const partnerPath = await shareWithPartner(owner, partner, path, folderName)
		Object.assign(sandbox.hazards, hazards)
		targets.push({ dav, path, label: 'sandbox' }, { dav: davClient(partner), path: partnerPath, label: 'partner sandbox (federated)' })
		label = 'sandbox with hazards (torn reads 5 %, 423 3 %, 500 2 %, 503 1 %) + federated partner sandbox'
		cleanup = async () => {
			await Promise.all([sandbox.close(), partnerSandbox.close()])
			await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })))
		}
	}

	console.log(`Stress: ${values.writers} writers × ${values.edits} edits on ${label}`)
	const report = await runStress({ targets, writers: Number(values.writers), editsPerWriter: Number(values.edits), seed: Number(values.seed), requests: () => requests, log: (line) => console.log(`  ${line}`) })
	await cleanup()
	console.log(`edits applied: ${report.editsApplied}`)
	console.log(`edits lost: ${report.editsLost}`)
	console.log(`same-field edits overtaken by a later edit: ${report.overtaken} (conflicts reported to writers: ${report.conflictsReported})`)
	console.log(`rounds of sending that failed and were retried: ${report.failedRounds}; edits left unsent: ${report.unsent}`)
	console.log(`requests: ${report.requests} in ${report.seconds.toFixed(1)} s; tasks at the end: ${report.finalTasks}; load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
	for (const sample of report.lostSamples) {
		console.log(`  lost: ${sample}`)
	}
	process.exitCode = report.editsLost === 0 && report.unsent === 0 ? 0 : 1
}

main().then(() => process.exit(), (error) => {
	console.error(`stress: ${(error as Error).stack}`)
	// Other writers may still be running: stop them too.
	process.exit(1)
})
