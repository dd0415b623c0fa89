// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { reloadOnStaleChunks } from './staleChunks.ts'

const ENTRY = 'https://cloud.mairie.fr/apps/degooglisation/js/degooglisation-main.mjs?v=f6ab2d07-0'

/** What Vite's preload helper dispatches when a dynamic import fails. */
function preloadError(url: string): void {
	const event = new Event('vite:preloadError', { cancelable: true }) as Event & { payload: Error }
	event.payload = new TypeError(`Failed to fetch dynamically imported module: ${url}`)
	window.dispatchEvent(event)
}

let reload: ReturnType<typeof vi.fn<() => void>>

beforeEach(() => {
	window.sessionStorage.clear()
	reload = vi.fn<() => void>()
})

describe('reloadOnStaleChunks', () => {
	it('reloads the page when one of the app\'s chunks is gone, once', () => {
		reloadOnStaleChunks(ENTRY, reload)
		preloadError('https://cloud.mairie.fr/apps/degooglisation/js/HistoryView-CMYABpeg.chunk.mjs')
		expect(reload).toHaveBeenCalledOnce()
		// After that reload, the same failure means the file is missing from the server: no loop.
		reloadOnStaleChunks(ENTRY, reload)
		preloadError('https://cloud.mairie.fr/apps/degooglisation/js/HistoryView-CMYABpeg.chunk.mjs')
		expect(reload).toHaveBeenCalledOnce()
	})

	it('leaves other apps\' failures to them', () => {
		reloadOnStaleChunks(ENTRY, reload)
		preloadError('https://cloud.mairie.fr/apps/notifications/js/NotificationsApp-x1.chunk.mjs')
		expect(reload).not.toHaveBeenCalled()
	})
})
