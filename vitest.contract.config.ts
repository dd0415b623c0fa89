import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: ['tests/contract/**/*.contract.test.ts'],
		environment: 'node',
		testTimeout: 30000,
		hookTimeout: 30000,
		// One target server for all files: keep them in one process, in order.
		fileParallelism: false,
	},
})
