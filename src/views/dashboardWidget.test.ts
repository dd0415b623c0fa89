// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The widget as the dashboard mounts it, with its real state, over the
 * sandbox: the page's requests go to the sandbox, logged in as the page's user.
 */

import type { Sandbox } from '../../sandbox/server.ts'
import type { MountedWidget } from './dashboardWidget.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEMO_ROADMAP_PATH, seedDemo } from '../../sandbox/demo.ts'
import { startSandbox } from '../../sandbox/server.ts'
import { newWriterId } from '../domain/ids.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { createNodeDavClient } from '../storage/nodeClient.ts'
import { RoadmapFolder } from '../storage/roadmapFolder.ts'

const USERS = [
	{ id: 'alice', displayName: 'Alice Martin', password: 'alice' },
	{ id: 'bob', displayName: 'Bruno Petit', password: 'bob' },
]
const APP_URL = '/index.php/apps/degooglisation/'
const SECOND_ROADMAP = '/Dégooglisation/Autre commune'

let sandbox: Sandbox
let dataDir: string
let mounted: MountedWidget | null = null
/** Requests the page makes, answered by `fail` instead of the sandbox while it is set. */
let fail: (() => Promise<Response>) | null = null

const dav = (user = 'alice') => createNodeDavClient({ url: sandbox.url, user, password: user })
const roadmapAt = async (path: string) => (await new RoadmapFolder({ dav: dav(), path, writer: { id: newWriterId(), author: 'test' } }).load()).roadmap

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-widget-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: USERS })
	await seedDemo(sandbox.url, USERS[0])
	const other = sampleRoadmap(3)
	other.title = 'Autre commune'
	for (const task of other.tasks) {
		task.assignees = []
	}
	await new RoadmapFolder({ dav: dav(), path: SECOND_ROADMAP, writer: { id: newWriterId(), author: 'alice' } }).create(other)
})
afterAll(async () => {
	await sandbox?.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

beforeEach(() => {
	window.localStorage.clear()
	fail = null
	vi.resetModules()
})
afterEach(() => {
	mounted?.unmount()
	mounted = null
	vi.unstubAllGlobals()
	document.body.replaceChildren()
})

/** Mounts the widget as `user` would see it on their dashboard, and waits until it has loaded. */
async function mount(user: string): Promise<HTMLElement> {
	document.head.dataset.user = user
	const auth = `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`
	const realFetch = globalThis.fetch
	vi.stubGlobal('fetch', (input: string | URL, init: RequestInit = {}) => {
		if (fail) {
			return fail()
		}
		const url = String(input).replace(window.location.origin, sandbox.url)
		return realFetch(url, { ...init, headers: { ...init.headers as Record<string, string>, Authorization: auth } })
	})
	const panel = document.createElement('div')
	document.body.append(panel)
	const { mountDashboardWidget } = await import('./dashboardWidget.ts')
	mounted = mountDashboardWidget(panel, APP_URL)
	await vi.waitFor(() => expect(panel.querySelector('[role="status"]:not(.degooglisation-widget__live)')!.hasAttribute('hidden')).toBe(true), WAIT)
	return panel
}

const WAIT = { timeout: 10_000 }
const visible = (element: Element) => !element.closest('[hidden]')
const taskTitles = (panel: HTMLElement) => [...panel.querySelectorAll('.degooglisation-widget__task-title')].map((a) => a.textContent)

describe('the dashboard widget', () => {
	it('lists the user\'s open tasks by due date with links into the app, and the phase progress of a roadmap', async () => {
		const panel = await mount('alice')
		expect(taskTitles(panel)).toEqual(['Rédiger le schéma directeur « numérique libre »', 'Déployer LibreOffice sur tous les postes'])
		const first = panel.querySelector('.degooglisation-widget__task')!
		expect(first.querySelector('a')!.getAttribute('href')).toBe(`${APP_URL}?roadmap=${encodeURIComponent(DEMO_ROADMAP_PATH)}&task=structuring-master-plan`)
		expect(first.querySelector('.degooglisation-widget__task-meta')!.textContent).toMatch(/^(overdue since|due) Nov 30( 2026)? · Structuration · .+Saint-Exemple$/)
		const bars = [...panel.querySelectorAll('[role="progressbar"]')]
		expect(bars.length).toBeGreaterThan(0)
		expect(bars.every((bar) => bar.getAttribute('aria-label') && bar.getAttribute('aria-valuemin') === '0' && bar.getAttribute('aria-valuemax') === '100')).toBe(true)
		expect(panel.querySelector('.degooglisation-widget__overall')!.textContent).toMatch(/^Overall: \d+ %$/)
	})

	it('marks a task done: the task leaves the list, the change is announced and in the roadmap\'s files, and the keyboard stays on the list', async () => {
		const panel = await mount('alice')
		const buttons = () => [...panel.querySelectorAll<HTMLButtonElement>('button.degooglisation-widget__done')]
		expect(buttons().map((b) => b.getAttribute('aria-label'))).toEqual(['Mark “Rédiger le schéma directeur « numérique libre »” as done', 'Mark “Déployer LibreOffice sur tous les postes” as done'])
		buttons()[0].focus()
		buttons()[0].click()
		await vi.waitFor(() => expect(taskTitles(panel)).toEqual(['Déployer LibreOffice sur tous les postes']), WAIT)
		expect(document.activeElement).toBe(buttons()[0])
		// Announced once the roadmap's session has written it.
		await vi.waitFor(() => expect(panel.querySelector('[aria-live="polite"]')!.textContent).toBe('“Rédiger le schéma directeur « numérique libre »” marked as done'), WAIT)
		expect((await roadmapAt(DEMO_ROADMAP_PATH)).tasks.find((t) => t.id === 'structuring-master-plan')!.status).toBe('done')
	})

	it('shows the progress of the roadmap the user picks, and remembers the choice', async () => {
		const panel = await mount('alice')
		const select = panel.querySelector('select')!
		expect(visible(select)).toBe(true)
		expect(panel.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Where the migration stands')
		expect([...select.options].map((o) => o.textContent)).toEqual(expect.arrayContaining(['Autre commune', (await roadmapAt(DEMO_ROADMAP_PATH)).title]))
		select.focus()
		select.value = SECOND_ROADMAP
		select.dispatchEvent(new Event('change'))
		const phases = (await roadmapAt(SECOND_ROADMAP)).phases.map((p) => p.title)
		await vi.waitFor(() => expect([...panel.querySelectorAll('[role="progressbar"]')].map((bar) => bar.getAttribute('aria-label'))).toEqual(phases), WAIT)
		expect(document.activeElement).toBe(select)

		mounted!.unmount()
		vi.resetModules()
		const again = await mount('alice')
		expect(again.querySelector('select')!.value).toBe(SECOND_ROADMAP)
	})

	it('tells a user without roadmap how to start', async () => {
		const panel = await mount('bob')
		const empty = panel.querySelector('.degooglisation-widget__state:not([hidden])')!
		expect(empty.textContent).toBe('No roadmap yet. Create your commune\'s roadmap')
		expect(empty.querySelector('a')!.getAttribute('href')).toBe(APP_URL)
		expect(visible(panel.querySelector('section[aria-label="Where the migration stands"]')!)).toBe(false)
	})

	it('says when loading fails and loads again on "Try again"', async () => {
		fail = () => Promise.reject(new TypeError('Failed to fetch'))
		const panel = await mount('alice')
		const alert = panel.querySelector('[role="alert"]')!
		expect(visible(alert)).toBe(true)
		expect(alert.textContent).toContain('Your tasks could not be loaded: Failed to fetch')
		fail = null
		alert.querySelector('button')!.click()
		await vi.waitFor(() => expect(taskTitles(panel)).toContain('Déployer LibreOffice sur tous les postes'), WAIT)
		expect(visible(alert)).toBe(false)
	})

	it('speaks French on a French page, with the app\'s own strings and dates', async () => {
		document.documentElement.lang = 'fr'
		document.documentElement.dataset.locale = 'fr_FR'
		try {
			const panel = await mount('alice')
			expect(panel.querySelector('section h3')!.textContent).toBe('Mes tâches')
			// "30 nov.", "30 juin 2027": the app's format, never the file's 2026-11-30.
			expect(panel.querySelector('.degooglisation-widget__task-meta')!.textContent).toMatch(/^(en retard depuis le|échéance le) \d{1,2} \p{L}+\.?( \d{4})? · /u)
			expect(panel.querySelector('.degooglisation-widget__overall')!.textContent).toMatch(/^Global : \d+ %$/)
		} finally {
			document.documentElement.lang = ''
			delete document.documentElement.dataset.locale
		}
	})

	it('shows a task\'s title as text, never as markup', async () => {
		const title = '<img src="x" onerror="alert(1)"><b>gras</b>'
		const folder = new RoadmapFolder({ dav: dav(), path: SECOND_ROADMAP, writer: { id: newWriterId(), author: 'alice' } })
		const { roadmap } = await folder.load()
		await folder.save([
			{ op: 'set', path: `tasks/${roadmap.tasks[0].id}/title`, value: title },
			{ op: 'set', path: `tasks/${roadmap.tasks[0].id}/assignees`, value: ['alice'] },
			{ op: 'set', path: `tasks/${roadmap.tasks[0].id}/status`, value: 'todo' },
		])
		const panel = await mount('alice')
		expect(taskTitles(panel)).toContain(title)
		expect(panel.querySelector('img, b')).toBeNull()
	})
})
