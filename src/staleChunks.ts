/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A page loaded before the app was updated on the server still asks for the
 * chunks it knew, whose names carry a hash of their content: the update
 * removed them, and the view or dialog being opened never comes. Vite tells
 * the page with a `vite:preloadError` event; the page then reloads once, at
 * the same URL, and gets the new files. Nextcloud gives an app's entry the
 * same URL across its updates, so only the chunks can tell.
 */
const RELOADED_AT_KEY = 'degooglisation:reloaded-for-missing-chunk'
/** A second failure this soon after a reload means the files are missing, not stale: no reload loop. */
const NO_SECOND_RELOAD_MS = 60_000

/** `entryUrl`: the entry's own `import.meta.url`, which tells the app's folder from other apps'. */
export function reloadOnStaleChunks(entryUrl: string, reload = () => window.location.reload(), storage: Storage = window.sessionStorage): void {
	const appFolder = new URL('..', entryUrl).href
	window.addEventListener('vite:preloadError', (event) => {
		const error = (event as Event & { payload?: unknown }).payload
		if (!String(error instanceof Error ? error.message : error).includes(appFolder)) {
			return
		}
		if (Date.now() - Number(storage.getItem(RELOADED_AT_KEY) ?? 0) < NO_SECOND_RELOAD_MS) {
			return
		}
		storage.setItem(RELOADED_AT_KEY, String(Date.now()))
		reload()
	})
}
