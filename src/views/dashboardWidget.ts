import { createPinia } from 'pinia'
import type { App } from 'vue'
import { createApp } from 'vue'
import DashboardWidget from './DashboardWidget.vue'

export function mountDashboardWidget(element: HTMLElement): App {
	// Vue 3 mounts inside the panel's element rather than replacing it.
	element.style.height = '100%'
	const app = createApp(DashboardWidget).use(createPinia())
	app.mount(element)
	return app
}
