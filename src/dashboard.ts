// The Dashboard widget's entry: registers with Nextcloud's dashboard and
// loads the widget only when the dashboard asks for it.
import type { App } from 'vue'
import type { DashboardPanel } from './views/dashboardWidget'

declare global {
	interface Window {
		OCA: { Dashboard?: { register: (appId: string, callback: (element: HTMLElement, panel: DashboardPanel) => void) => void } }
	}
}

let mounted: App | null = null

document.addEventListener('DOMContentLoaded', () => {
	window.OCA?.Dashboard?.register('degooglisation', async (element, panel) => {
		const { mountDashboardWidget } = await import('./views/dashboardWidget')
		mounted?.unmount()
		mounted = mountDashboardWidget(element, panel.widget.url)
	})
})
