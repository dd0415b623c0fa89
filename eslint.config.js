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
		files: ['**/*.ts', '**/*.vue'],
		rules: {
			// A function may read a module constant declared below it (it runs later); only same-scope uses before the declaration are errors.
			'@typescript-eslint/no-use-before-define': ['error', { functions: false, variables: false }],
			// A leading underscore marks a parameter kept for its position; a rest sibling leaves a property out of a copy.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
	{
		// Vitest's typed partial mock is `importOriginal<typeof import('…')>()`.
		files: ['**/*.test.ts'],
		rules: { '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }] },
	},
	{
		// Benchmarks, scripts, the sandbox's launcher, the command line and the stress test write to a terminal, not a browser console.
		files: ['bench/**', 'scripts/**', 'sandbox/main.ts', 'cli/**', 'tests/stress/**'],
		rules: { 'no-console': 'off' },
	},
]
