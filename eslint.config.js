/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { recommended } from '@nextcloud/eslint-config'

export default [
	...recommended,
	{
		files: ['**/*.ts', '**/*.vue', '**/*.js', '**/*.mjs'],
		rules: {
			// Braces on their own lines: the config allows `if (x) { return }`, which max-statements-per-line then refuses and --fix cannot mend.
			'@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: false }],
			// TypeScript signatures document functions and parameters; comments say why, and --fix would otherwise add empty doc blocks.
			'jsdoc/require-jsdoc': 'off',
			'jsdoc/require-param': 'off',
		},
	},
	{
		// Benchmarks, scripts, the sandbox's launcher, the command line and the stress test write to a terminal, not a browser console.
		files: ['bench/**', 'scripts/**', 'sandbox/main.ts', 'cli/**', 'tests/stress/**'],
		rules: { 'no-console': 'off' },
	},
]
