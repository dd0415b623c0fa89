// Prints the suite's closing line, "N passed, N failed", from Vitest's JSON reports.
import { readFileSync } from 'node:fs'

let passed = 0
let failed = 0
for (const file of process.argv.slice(2)) {
	const report = JSON.parse(readFileSync(file, 'utf8'))
	passed += report.numPassedTests
	failed += report.numFailedTests
}
console.log(`${passed} passed, ${failed} failed`)
