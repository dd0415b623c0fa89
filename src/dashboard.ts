/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// The Dashboard widget's entry: registers with Nextcloud's dashboard and
// loads the widget only when the dashboard asks for it.

import type { DashboardPanel, MountedWidget } from './views/dashboardWidget.ts'

import { reloadOnStaleChunks } from './staleChunks.ts'

declare global {
	interface Window {
		OCA: { Dashboard?: { register: (appId: string, callback: (element: HTMLElement, panel: DashboardPanel) => void) => void } }
	}
}

let mounted: MountedWidget | null = null

reloadOnStaleChunks(import.meta.url)

document.addEventListener('DOMContentLoaded', () => {
	window.OCA?.Dashboard?.register('degooglisation', async (element, panel) => {
		const { mountDashboardWidget } = await import('./views/dashboardWidget.ts')
		mounted?.unmount()
		mounted = mountDashboardWidget(element, panel.widget.url)
	})
})
