/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * End-to-end harness: the built app in the sandbox (with the demo data),
 * driven in Debian's chromium by playwright-core. Run `npm run build` first.
 * With `partner`, a second sandbox plays the partner commune's server.
 */

import type { Browser, Page } from 'playwright-core'
import type { DemoTeam } from '../../sandbox/demo.ts'

import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { seedDemo } from '../../sandbox/demo.ts'
import { startSandbox } from '../../sandbox/server.ts'

export const DEMO_USERS = [
	{ id: 'alice', displayName: 'Alice Martin', password: 'alice' },
	{ id: 'bob', displayName: 'Bruno Petit', password: 'bob' },
	{ id: 'claire', displayName: 'Claire Dubois', password: 'claire' },
]

/**
 * Alice's colleagues in the demo: they are given tasks only where the roadmap
 * is shared with them, as in the sandbox's demo. Claire is left out: she has
 * no roadmap, for the tests of a first visit.
 */
export const DEMO_TEAM: DemoTeam = { colleagues: ['bob'] }

export const PARTNER_USERS = [{ id: 'bastien', displayName: 'Bastien Roux', password: 'bastien' }]

export interface Harness {
	url: string
	/** The partner commune's server, with PARTNER_USERS (when asked for). */
	partnerUrl: string | null
	/** The sandbox's hazards, to inject faults. */
	hazards: Awaited<ReturnType<typeof startSandbox>>['hazards']
	/** The sandbox itself: maintenance mode, request tokens, sessions. */
	sandbox: Awaited<ReturnType<typeof startSandbox>>
	browser: Browser
	/** Logs in on the server the user belongs to. */
	login(page: Page, user: string, path: string): Promise<void>
	close(): Promise<void>
}

export async function startHarness(options: { partner?: boolean } = {}): Promise<Harness> {
	const root = join(import.meta.dirname, '..', '..')
	if (!existsSync(join(root, 'js', 'degooglisation-main.mjs'))) {
		throw new Error('the app is not built: run npm run build')
	}
	const dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-e2e-'))
	const sandbox = await startSandbox({ port: 0, dataDir, users: DEMO_USERS })
	await seedDemo(sandbox.url, DEMO_USERS[0], DEMO_TEAM)
	const partnerDataDir = options.partner ? await mkdtemp(join(tmpdir(), 'degooglisation-e2e-partner-')) : null
	const partner = partnerDataDir ? await startSandbox({ port: 0, dataDir: partnerDataDir, users: PARTNER_USERS, instanceName: 'Val-Voisin' }) : null
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	})
	return {
		url: sandbox.url,
		partnerUrl: partner?.url ?? null,
		hazards: sandbox.hazards,
		sandbox,
		browser,
		async login(page, user, path) {
			const partnerUser = PARTNER_USERS.find((u) => u.id === user)
			const server = partnerUser && partner ? partner.url : sandbox.url
			const password = (partnerUser ?? DEMO_USERS.find((u) => u.id === user)!).password
			await page.goto(`${server}/index.php/login?user=${user}&password=${password}&redirect_url=${encodeURIComponent(path)}`)
		},
		async close() {
			await browser.close()
			await sandbox.close()
			await partner?.close()
			await Promise.all([dataDir, partnerDataDir].filter((dir) => dir !== null).map((dir) => rm(dir, { recursive: true, force: true })))
		},
	}
}

/** The app's page for a roadmap folder, as the app's router writes it. */
export function appRoadmapPath(folder: string): string {
	return `/index.php/apps/degooglisation/roadmap${folder.split('/').map(encodeURIComponent).join('/')}`
}

/** The cards of one board column, and their task ids in order. */
export const boardCards = (page: Page, status: string) => page.locator(`.board-column__scroller[data-status="${status}"] [data-task-id]`)
export const boardTaskIds = (page: Page, status: string) => boardCards(page, status).evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.taskId))

/** Each status's option, in French (the sandbox) or English (a real Nextcloud user may read either). */
const STATUS_OPTIONS: Record<string, RegExp> = {
	todo: /^(À faire|To do)$/,
	in_progress: /^(En cours|In progress)$/,
	blocked: /^(Bloquée|Blocked)$/,
	done: /^(Terminée|Done)$/,
	dropped: /^(Abandonnée|Dropped)$/,
}

/** Opens every folded phase of the overview's task list. */
export async function openOverviewPhases(page: Page): Promise<void> {
	await page.locator('details.overview-phase').first().waitFor()
	await page.locator('details.overview-phase:not([open]) > summary').evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()))
}

/** A task's status on the overview (`todo`, `done`…), its phase opened. */
export async function overviewStatus(page: Page, taskId: string): Promise<string | null> {
	await openOverviewPhases(page)
	const task = page.locator(`[data-overview-task="${taskId}"]`)
	await task.waitFor()
	return task.getAttribute('data-status')
}

/** Changes a task's status on the overview, as a person does: its phase opened, the status picked in its list. */
export async function setOverviewStatus(page: Page, taskId: string, status: string): Promise<void> {
	await openOverviewPhases(page)
	await page.locator(`#status-${taskId}`).click()
	await page.getByRole('option', { name: STATUS_OPTIONS[status] }).click()
	await page.locator(`[data-overview-task="${taskId}"][data-status="${status}"]`).waitFor()
}
