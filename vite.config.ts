import { createAppConfig } from '@nextcloud/vite-config'
import { join, relative } from 'node:path'

/**
 * Two builds (`npm run build` runs both): the app page, then the dashboard widget
 * on its own with BUILD_ENTRY=dashboard. A chunk shared by both entries would carry
 * every Vue feature the app page uses into the widget, over the widget's budget.
 */
const widgetBuild = process.env.BUILD_ENTRY === 'dashboard'

export default createAppConfig(widgetBuild
	? { dashboard: join(import.meta.dirname, 'src', 'dashboard.ts') }
	: { main: join(import.meta.dirname, 'src', 'main.ts') }, {
	// The widget's build adds its files to the app page's.
	emptyOutputDirectory: !widgetBuild,
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
