import { createAppConfig } from '@nextcloud/vite-config'
import { join, relative } from 'node:path'

export default createAppConfig({
	main: join(import.meta.dirname, 'src', 'main.ts'),
	dashboard: join(import.meta.dirname, 'src', 'dashboard.ts'),
}, {
	createEmptyCSSEntryPoints: true,
	// The app's browser code uses no Node module; the shims would only weigh on the widget's budget.
	nodePolyfills: false,
	extractLicenseInformation: false,
	config: {
		experimental: {
			// Chunks are found relative to the module that imports them rather than through
			// window.OC.filePath, so the app's dialogs and views still load when Nextcloud's
			// core scripts failed or have not defined OC yet.
			renderBuiltUrl(filename, { hostType }) {
				return hostType === 'css' ? relative('../css', `../${filename}`) : { relative: true }
			},
		},
		build: {
			rollupOptions: {
				// Nextcloud 32 loads an entry twice when a chunk imports from it; entries export nothing.
				preserveEntrySignatures: 'strict',
			},
		},
	},
})
