/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// Prints the suite's closing line, "N passed, N failed", from Vitest's JSON and PHPUnit's JUnit reports.

import { readFileSync } from 'node:fs'
import process from 'node:process'

let passed = 0
let failed = 0
for (const file of process.argv.slice(2)) {
	const text = readFileSync(file, 'utf8')
	if (file.endsWith('.xml')) {
		const suite = /<testsuite [^>]*>/.exec(text)?.[0]
		if (!suite) {
			throw new Error(`no test suite in ${file}`)
		}
		const [tests, failures, errors, skipped] = ['tests', 'failures', 'errors', 'skipped'].map((name) => Number(new RegExp(`${name}="(\\d+)"`).exec(suite)?.[1] ?? 0))
		passed += tests - failures - errors - skipped
		failed += failures + errors
		continue
	}
	const report = JSON.parse(text)
	passed += report.numPassedTests
	failed += report.numFailedTests
}
console.log(`${passed} passed, ${failed} failed`)
