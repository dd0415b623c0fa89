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
