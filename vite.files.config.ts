/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The Files app's script (src/files.ts, js/degooglisation-files.mjs), built on its own after
 * the app page's and the widget's into the same js/: one file, sharing no chunk with them.
 */

import { createAppConfig } from '@nextcloud/vite-config'
import { join } from 'node:path'

export default createAppConfig({
	files: join(import.meta.dirname, 'src', 'files.ts'),
}, {
	emptyOutputDirectory: false,
	nodePolyfills: false,
	extractLicenseInformation: false,
	config: {
		build: {
			rollupOptions: {
				output: { inlineDynamicImports: true },
				treeshake: { moduleSideEffects: false },
			},
		},
	},
})
