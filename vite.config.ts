import { createAppConfig } from '@nextcloud/vite-config'
import { join } from 'node:path'

export default createAppConfig({
	main: join(import.meta.dirname, 'src', 'main.ts'),
	dashboard: join(import.meta.dirname, 'src', 'dashboard.ts'),
}, {
	createEmptyCSSEntryPoints: true,
	// The app's browser code uses no Node module; the shims would only weigh on the widget's budget.
	nodePolyfills: false,
	extractLicenseInformation: false,
	config: {
		build: {
			rollupOptions: {
				// Nextcloud 32 loads an entry twice when a chunk imports from it; entries export nothing.
				preserveEntrySignatures: 'strict',
			},
		},
	},
})
