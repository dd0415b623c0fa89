/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The app page's build. `npm run build` runs it, then the dashboard widget's
 * (vite.widget.config.ts) into the same js/ and css/: a chunk shared by the two
 * entries would carry the app page's libraries into the widget.
 */

import type { Plugin } from 'vite'

import { createAppConfig } from '@nextcloud/vite-config'
import { join, relative } from 'node:path'

/** `name`: the built entry's name after the app id, `entry`'s own by default. */
export function nextcloudBuild(entry: 'main' | 'dashboard', name: string = entry, plugins: Plugin[] = []) {
	return createAppConfig({
		[name]: join(import.meta.dirname, 'src', `${entry}.ts`),
	}, {
		// `npm run build` empties js/ and css/ once for both builds.
		emptyOutputDirectory: false,
		createEmptyCSSEntryPoints: true,
		// The app's browser code uses no Node module; the shims would only weigh on the widget's budget.
		nodePolyfills: false,
		extractLicenseInformation: false,
		config: {
			plugins,
			experimental: {
				// Chunks are found relative to the module that imports them rather than through
				// window.OC.filePath, so the app's dialogs and views still load when Nextcloud's
				// core scripts failed or have not defined OC yet.
				renderBuiltUrl(filename, { hostType }) {
					return hostType === 'css' ? relative('../css', `../${filename}`) : { relative: true }
				},
			},
			build: {
				rollupOptions: {
					// Nextcloud 32 loads an entry twice when a chunk imports from it; entries export nothing.
					preserveEntrySignatures: 'strict',
				},
			},
		},
	})
}

export default nextcloudBuild('main')
