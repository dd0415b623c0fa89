/**
 * The server the contract suite talks to: a real Nextcloud when
 * NEXTCLOUD_URL, NEXTCLOUD_USER and NEXTCLOUD_PASSWORD are set, otherwise the
 * sandbox started in-process. The assertions are the same for both.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../sandbox/server'

export interface Target {
	kind: 'nextcloud' | 'sandbox'
	url: string
	user: string
	password: string
	close(): Promise<void>
}

export async function openTarget(): Promise<Target> {
	const { NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD } = process.env
	if (NEXTCLOUD_URL && NEXTCLOUD_USER && NEXTCLOUD_PASSWORD) {
		console.log(`contract suite against ${NEXTCLOUD_URL} as ${NEXTCLOUD_USER}`)
		return { kind: 'nextcloud', url: NEXTCLOUD_URL.replace(/\/+$/, ''), user: NEXTCLOUD_USER, password: NEXTCLOUD_PASSWORD, close: async () => {} }
	}
	const dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-contract-'))
	const sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice-pass' }] })
	console.log(`contract suite against the sandbox at ${sandbox.url}`)
	return {
		kind: 'sandbox',
		url: sandbox.url,
		user: 'alice',
		password: 'alice-pass',
		close: async () => {
			await sandbox.close()
			await rm(dataDir, { recursive: true, force: true })
		},
	}
}

export function basicAuth(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}
