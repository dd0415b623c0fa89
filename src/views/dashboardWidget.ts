import type { App } from 'vue'
import { createApp } from 'vue'
import DashboardWidget from './DashboardWidget.vue'

/** What Nextcloud's dashboard passes to a widget's callback. */
export interface DashboardPanel {
	widget: { id: string, title: string, url: string }
}

export function mountDashboardWidget(element: HTMLElement, appUrl: string): App {
	// Vue 3 mounts inside the panel's element rather than replacing it.
	element.style.height = '100%'
	const app = createApp(DashboardWidget, { appUrl })
	app.mount(element)
	return app
}
