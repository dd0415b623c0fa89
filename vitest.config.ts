/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
	plugins: [vue()],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'cli/**/*.test.ts', 'sandbox/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30000,
		// @nextcloud/vue ships components that import their CSS, and @nextcloud/files 3 (files3) a CommonJS
		// dependency by a named import: let Vite transform them.
		server: { deps: { inline: [/@nextcloud\/vue/, /files3/] } },
	},
})
