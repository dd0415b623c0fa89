/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What each of the app's two pages loads from the built js/, css/ and l10n/:
 * an entry, every chunk it imports (with `lazy`, those it may import later
 * too), the chunks' CSS, and the French catalogue Nextcloud adds with the
 * app's script when it adds one. Read from the built files themselves, as the browser follows
 * them. For `npm run bench` and the build-output test.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const APP_PAGE_ENTRY = 'degooglisation-main'
export const WIDGET_ENTRY = 'degooglisation-dashboard-with-l10n'
/** The Files app's script (src/files.ts), on every Files page. */
export const FILES_ENTRY = 'degooglisation-files'
/** Everything the dashboard widget loads, gzip, in KB: the dashboard loads every widget's script at once. */
export const WIDGET_BUDGET_KB = 40

/** Paths relative to the app's root (`js/…`, `css/…`, `l10n/…`). */
export interface LoadedFiles {
	scripts: string[]
	styles: string[]
	translations: string[]
}

export function isBuilt(root: string): boolean {
	return existsSync(join(root, 'js', `${APP_PAGE_ENTRY}.mjs`)) && existsSync(join(root, 'js', `${WIDGET_ENTRY}.mjs`))
}

/** Files a script names, resolved from js/: static imports, dynamic ones with `lazy`, and the preload lists Vite writes for them. */
function referencedFiles(code: string, lazy: boolean): string[] {
	const statics = [...code.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)].map((m) => `js/${m[1]}`)
	if (!lazy) {
		return statics
	}
	const dynamic = [...code.matchAll(/import\(\s*["']\.\/([^"']+)["']\s*\)/g)].map((m) => `js/${m[1]}`)
	const preloads = [...code.matchAll(/["'](\.\.?\/[^"']+\.(?:mjs|css))["']/g)].map((m) => join('js', m[1]))
	return [...statics, ...dynamic, ...preloads]
}

export function loadedFiles(root: string, entry: string, lazy: boolean): LoadedFiles {
	const seen = new Set<string>()
	const visit = (file: string) => {
		if (seen.has(file)) {
			return
		}
		seen.add(file)
		if (file.endsWith('.mjs')) {
			for (const next of referencedFiles(readFileSync(join(root, file), 'utf8'), lazy)) {
				visit(next)
			}
		}
	}
	visit(`js/${entry}.mjs`)
	// The entry's own style sheet, which Nextcloud adds beside the script (Util::addStyle).
	if (existsSync(join(root, 'css', `${entry}.css`))) {
		seen.add(`css/${entry}.css`)
	}
	const files = [...seen].sort()
	return {
		scripts: files.filter((f) => f.endsWith('.mjs')),
		styles: files.filter((f) => f.endsWith('.css')),
		// Util::addScript adds the app's catalogue beside any script whose name does not hold "l10n".
		translations: !entry.includes('l10n') && existsSync(join(root, 'l10n', 'fr.js')) ? ['l10n/fr.js'] : [],
	}
}

/** Gzip size of each file, as a web server compresses it (default level). */
export function gzipSizes(root: string, files: string[]): Map<string, number> {
	return new Map(files.map((file) => [file, gzipSync(readFileSync(join(root, file))).length]))
}

export function total(sizes: Map<string, number>): number {
	return [...sizes.values()].reduce((sum, size) => sum + size, 0)
}

/** Every built script, for the overall weight. */
export function builtScripts(root: string): string[] {
	return readdirSync(join(root, 'js')).filter((f) => f.endsWith('.mjs')).map((f) => `js/${f}`)
}
