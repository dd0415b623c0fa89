/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Board figures for `npm run bench`: the built app in headless chromium
 * against an in-process sandbox holding a 5,000-task roadmap. Times are taken
 * in the page (performance.now), from the cause to the frame after the DOM
 * shows the effect, so that the CDP round trips do not count.
 */

import type { Page } from 'playwright-core'

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startSandbox } from '../sandbox/server.ts'
import { newWriterId } from '../src/domain/ids.ts'
import { sampleRoadmap } from '../src/domain/testing/sampleRoadmap.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../src/storage/roadmapFolder.ts'

export interface BoardFigure {
	figure: string
	values: number[]
	budget: string
}

const FOLDER = '/Dégooglisation/Banc'
/** Measured runs per figure, after a warm-up run: the figure is their median. */
const RUNS = 9

/** The project's budgets at 5,000 tasks, in headless chromium on a shared two-core machine. */
export const BOARD_BUDGETS = {
	open: 600,
	filter: 30,
	move: 50,
	fieldEdit: 100,
} as const

/** Resolves at the frame after `done()` first holds, with the time since `start` (page clock). */
const WAIT_IN_PAGE = `(start, done) => new Promise((resolve, reject) => {
	const check = () => {
		if (done()) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
		else if (performance.now() - start > 20000) reject(new Error('the page never showed the effect'))
		else requestAnimationFrame(check)
	}
	check()
})`

export async function boardFigures(root: string): Promise<BoardFigure[]> {
	if (!existsSync(join(root, 'js', 'degooglisation-main.mjs'))) {
		console.warn('js/ missing: run `npm run build` first; board figures skipped')
		return []
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'degooglisation-bench-board-'))
	const sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }] })
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
	try {
		const dav = createNodeDavClient({ url: sandbox.url, user: 'alice', password: 'alice' })
		await dav.createFolder('/Dégooglisation')
		const roadmap = sampleRoadmap(5000)
		roadmap.tasks.forEach((task, i) => {
			task.description = `Description de la tâche ${i} : de quoi peser comme une vraie, avec des écoles et des agents.`
			task.order = i
		})
		await new RoadmapFolder({ dav, path: FOLDER, writer: { id: newWriterId(), author: 'alice' } }).create(roadmap)

		const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
		const boardUrl = `/index.php/apps/degooglisation/roadmap${FOLDER.split('/').map(encodeURIComponent).join('/')}?view=board`
		await page.goto(`${sandbox.url}/index.php/login?user=alice&password=alice&redirect_url=${encodeURIComponent(boardUrl)}`)
		await page.waitForSelector('[data-task-id]')
		// The first card drawn, measured from the navigation's start by an observer set before any script runs.
		await page.addInitScript(() => {
			const observer = new MutationObserver(() => {
				if (!document.querySelector('[data-task-id]')) {
					return
				}
				observer.disconnect()
				requestAnimationFrame(() => setTimeout(() => {
					(window as unknown as { boardReady: number }).boardReady = performance.now()
				}, 0))
			})
			observer.observe(document, { childList: true, subtree: true })
		})
		const open: number[] = []
		for (let i = 0; i <= RUNS; i++) {
			await page.goto(`${sandbox.url}${boardUrl}`)
			await page.waitForFunction(() => (window as unknown as { boardReady?: number }).boardReady !== undefined)
			const ready = await page.evaluate(() => (window as unknown as { boardReady: number }).boardReady)
			if (i > 0) {
				open.push(ready)
			} // the first load warms the caches
		}
		const figures: BoardFigure[] = [
			{ figure: 'board: open a 5,000-task roadmap, first cards drawn (chromium)', values: open, budget: `≤ ${BOARD_BUDGETS.open} ms` },
			{ figure: 'board: filter keystroke until repainted (5,000 tasks)', values: await keystrokes(page), budget: `≤ ${BOARD_BUDGETS.filter} ms` },
			{ figure: 'board: move a card with Alt+ArrowRight until repainted', values: await keyboardMoves(page), budget: `≤ ${BOARD_BUDGETS.move} ms` },
		]
		// A card drawn on screen, so that its title shows the edit.
		const shown = await page.evaluate(() => (document.querySelector('.board-column__scroller[data-status="todo"] [data-task-id]') as HTMLElement).dataset.taskId!)
		await page.goto(`${sandbox.url}${boardUrl}&task=${encodeURIComponent(shown)}`)
		// The sidebar shows the task's title once it has read the task: only then is typing kept.
		await page.waitForFunction((id) => {
			const input = document.querySelector('.task-sidebar input') as HTMLInputElement | null
			return input !== null && input.value !== '' && input.value === document.querySelector(`[data-task-id="${id}"] .task-card__title`)?.textContent?.trim()
		}, shown)
		await page.waitForTimeout(1000)
		figures.push({ figure: 'board: edit a task\'s title until saved and shown on its card', values: await fieldEdits(page), budget: `≤ ${BOARD_BUDGETS.fieldEdit} ms` })
		return figures
	} finally {
		await browser.close()
		await sandbox.close()
		rmSync(dataDir, { recursive: true, force: true })
	}
}

async function keystrokes(page: Page): Promise<number[]> {
	const values: number[] = []
	for (const text of ['t', 'ta', 'tâc', 'tâche', 'tâche 4', 'tâche 42', 'tâche 421', '', 'é', 'éc', 'écoles', '']) {
		values.push(await page.evaluate(`(() => {
			const input = document.querySelector('.board-filters input[type="search"]')
			const start = performance.now()
			input.value = ${JSON.stringify(text)}
			input.dispatchEvent(new Event('input', { bubbles: true }))
			// Vue renders in a microtask after the event: the next frame shows the filtered board.
			return (${WAIT_IN_PAGE})(start, () => true)
		})()`) as number)
	}
	return values
}

async function keyboardMoves(page: Page): Promise<number[]> {
	const values: number[] = []
	for (let i = 0; i < RUNS + 1; i++) {
		const value = await page.evaluate(`(() => {
			const card = document.querySelector('.board-column__scroller[data-status="todo"] [data-task-id]')
			const id = card.dataset.taskId
			card.focus()
			const start = performance.now()
			card.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true }))
			return (${WAIT_IN_PAGE})(start, () => document.activeElement?.dataset.taskId === id && document.activeElement.closest('[data-status="in_progress"]'))
		})()`) as number
		if (i > 0) {
			values.push(value)
		}
	}
	return values
}

/**
 * A title typed in the task sidebar, then the field left (which saves at
 * once): until the header says saved again and the card shows the new title.
 */
async function fieldEdits(page: Page): Promise<number[]> {
	const values: number[] = []
	for (let i = 0; i < RUNS + 1; i++) {
		const value = await page.evaluate(`(() => {
			const input = document.querySelector('.task-sidebar input')
			const id = new URLSearchParams(window.location.search).get('task')
			const title = 'Titre modifié ${i}'
			const header = document.querySelector('.roadmap-header__save')
			const before = header.textContent.trim()
			// The header says "saving" first (the first text it changes to), then something else: saved.
			let saving = null
			const observer = new MutationObserver(() => {
				if (saving === null && header.textContent.trim() !== before) saving = header.textContent.trim()
			})
			observer.observe(header, { childList: true, subtree: true, characterData: true })
			input.focus()
			const start = performance.now()
			input.value = title
			input.dispatchEvent(new Event('input', { bubbles: true }))
			input.blur()
			return (${WAIT_IN_PAGE})(start, () => saving !== null && header.textContent.trim() !== saving
				&& document.querySelector('[data-task-id="' + id + '"] .task-card__title')?.textContent.trim() === title)
				.finally(() => observer.disconnect())
		})()`) as number
		if (i > 0) {
			values.push(value)
		}
	}
	return values
}
