/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The server the contract suite talks to: a real Nextcloud when
 * NEXTCLOUD_URL, NEXTCLOUD_USER and NEXTCLOUD_PASSWORD are set, otherwise the
 * sandbox started in-process. The assertions are the same for both.
 */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../sandbox/server.ts'

export interface Target {
	kind: 'nextcloud' | 'sandbox'
	url: string
	user: string
	password: string
	/** Another account on the same server (NEXTCLOUD_COLLEAGUE_USER), or null when none is known. */
	otherUser: string | null
	close(): Promise<void>
}

export async function openTarget(): Promise<Target> {
	const { NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD } = process.env
	if (NEXTCLOUD_URL && NEXTCLOUD_USER && NEXTCLOUD_PASSWORD) {
		console.log(`contract suite against ${NEXTCLOUD_URL} as ${NEXTCLOUD_USER}`)
		return { kind: 'nextcloud', url: NEXTCLOUD_URL.replace(/\/+$/, ''), user: NEXTCLOUD_USER, password: NEXTCLOUD_PASSWORD, otherUser: process.env.NEXTCLOUD_COLLEAGUE_USER ?? null, close: async () => {} }
	}
	const dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-contract-'))
	const sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice-pass' }, { id: 'bob', displayName: 'Bruno Petit', password: 'bob-pass' }] })
	console.log(`contract suite against the sandbox at ${sandbox.url}`)
	return {
		kind: 'sandbox',
		url: sandbox.url,
		user: 'alice',
		password: 'alice-pass',
		otherUser: 'bob',
		close: async () => {
			await sandbox.close()
			await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
		},
	}
}

/** An account on one server. */
export interface Account {
	url: string
	user: string
	password: string
}

/** Two servers for sharing: an owner and a colleague on one, a partner on the other. */
export interface SharingTargets {
	kind: 'nextcloud' | 'sandbox'
	owner: Account
	colleague: Account
	partner: Account
	/** The owner's group, which the colleague is in. */
	group: string
	close(): Promise<void>
}

/**
 * Real servers when NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD,
 * NEXTCLOUD_COLLEAGUE_USER, NEXTCLOUD_COLLEAGUE_PASSWORD, NEXTCLOUD_PARTNER_URL,
 * NEXTCLOUD_PARTNER_USER and NEXTCLOUD_PARTNER_PASSWORD are set (the group is
 * NEXTCLOUD_GROUP, `mairie` by default); null when only some are; otherwise
 * two sandboxes started in-process, which know each other only by the cloud
 * ids they are given, as two Nextcloud servers.
 */
export async function openSharingTargets(): Promise<SharingTargets | null> {
	const env = process.env
	if (env.NEXTCLOUD_URL) {
		const owner = { url: env.NEXTCLOUD_URL.replace(/\/+$/, ''), user: env.NEXTCLOUD_USER ?? '', password: env.NEXTCLOUD_PASSWORD ?? '' }
		const colleague = { url: owner.url, user: env.NEXTCLOUD_COLLEAGUE_USER ?? '', password: env.NEXTCLOUD_COLLEAGUE_PASSWORD ?? '' }
		const partner = { url: (env.NEXTCLOUD_PARTNER_URL ?? '').replace(/\/+$/, ''), user: env.NEXTCLOUD_PARTNER_USER ?? '', password: env.NEXTCLOUD_PARTNER_PASSWORD ?? '' }
		if (![owner, colleague, partner].every((a) => a.url && a.user && a.password)) {
			return null
		}
		console.log(`sharing between ${owner.url} and ${partner.url}`)
		return { kind: 'nextcloud', owner, colleague, partner, group: env.NEXTCLOUD_GROUP ?? 'mairie', close: async () => {} }
	}
	const dirs = await Promise.all([mkdtemp(join(tmpdir(), 'degooglisation-contract-a-')), mkdtemp(join(tmpdir(), 'degooglisation-contract-b-'))])
	const commune = await startSandbox({ port: 0, dataDir: dirs[0], users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice-pass' }, { id: 'bob', displayName: 'Bruno Petit', password: 'bob-pass' }] })
	const partnerCommune = await startSandbox({ port: 0, dataDir: dirs[1], users: [{ id: 'bastien', displayName: 'Bastien Roux', password: 'bastien-pass' }] })
	console.log(`sharing between the sandboxes at ${commune.url} and ${partnerCommune.url}`)
	return {
		kind: 'sandbox',
		owner: { url: commune.url, user: 'alice', password: 'alice-pass' },
		colleague: { url: commune.url, user: 'bob', password: 'bob-pass' },
		partner: { url: partnerCommune.url, user: 'bastien', password: 'bastien-pass' },
		group: 'mairie',
		close: async () => {
			await Promise.all([commune.close(), partnerCommune.close()])
			await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
		},
	}
}

export function basicAuth(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

/** A browser's login: the session cookies, and the request token its pages carry. */
export interface BrowserSession {
	cookie: string
	requestToken: string
}

/**
 * Logs in through the login form as a browser does (form token, Origin,
 * cookies), then reads the request token from a page of the session.
 */
export async function logIn(target: Target): Promise<BrowserSession> {
	const jar = new Map<string, string>()
	const keepCookies = (response: Response) => {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';')
			const name = pair.slice(0, pair.indexOf('='))
			const value = pair.slice(pair.indexOf('=') + 1)
			if (value === '' || value === 'deleted' || /max-age=0\b/i.test(line)) {
				jar.delete(name)
			} else {
				jar.set(name, value)
			}
		}
	}
	const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
	const tokenOf = (html: string) => /<head[^>]*data-requesttoken="([^"]*)"/.exec(html)?.[1] ?? ''

	const form = await fetch(`${target.url}/index.php/login`, { redirect: 'manual' })
	keepCookies(form)
	const body = new URLSearchParams({ user: target.user, password: target.password, requesttoken: tokenOf(await form.text()), redirect_url: '/index.php/apps/dashboard/' })
	const login = await fetch(`${target.url}/index.php/login`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie(), Origin: target.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body })
	keepCookies(login)
	if (login.status !== 303 || !login.headers.get('Location')?.includes('/index.php/apps/dashboard/')) {
		throw new Error(`login failed: ${login.status} ${login.headers.get('Location')}`)
	}
	const page = await fetch(`${target.url}/index.php/apps/dashboard/`, { headers: { Cookie: cookie() }, redirect: 'manual' })
	keepCookies(page)
	return { cookie: cookie(), requestToken: tokenOf(await page.text()) }
}
