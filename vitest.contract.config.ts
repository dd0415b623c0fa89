/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['tests/contract/**/*.contract.test.ts'],
		environment: 'node',
		// A real server on a shared, loaded machine answers a request in seconds: a limit
		// per test, not per request; tests that wait for Nextcloud's own timeouts set their own.
		testTimeout: 120000,
		hookTimeout: 120000,
		// One target server for all files: keep them in one process, in order.
		fileParallelism: false,
	},
})
