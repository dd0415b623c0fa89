/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.test.ts'],
		environment: 'node',
		testTimeout: 60000,
		hookTimeout: 60000,
		fileParallelism: false,
	},
})
