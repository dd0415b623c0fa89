/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The app's URLs, so that a link names what it shows and can be sent to a colleague:
 *   /apps/degooglisation/                                 the first roadmap, or how to start
 *   /apps/degooglisation/roadmap/<folder>?view=board&task=<id>   a roadmap, one of its views (overview, board, history, settings), a task
 *   /apps/degooglisation/partners                         progress of the partner communes
 * The PHP controller serves the page for each of these paths (lib/Controller/PageController.php).
 */

import type { LocationQuery, RouteLocationRaw, RouteRecordRaw, RouterHistory } from 'vue-router'

import { generateUrl } from '@nextcloud/router'
import { createRouter, createWebHistory } from 'vue-router'

export const ROADMAP_VIEWS = ['overview', 'board', 'history', 'report', 'settings'] as const
export type RoadmapView = typeof ROADMAP_VIEWS[number]

/** The folder path of a roadmap route's `path` parameter, with its leading slash. */
export function folderOfParam(param: string | string[] | undefined): string | null {
	const text = Array.isArray(param) ? param.join('/') : param
	return text ? `/${text.replace(/^\/+/, '')}` : null
}

function segmentsOf(folder: string): string[] {
	return folder.split('/').filter(Boolean)
}

export function viewOfQuery(query: LocationQuery): RoadmapView {
	const view = query.view
	return (ROADMAP_VIEWS as readonly unknown[]).includes(view) ? view as RoadmapView : 'overview'
}

/** Where a roadmap folder, a view and optionally a task are shown. */
export function roadmapLocation(folder: string, view: RoadmapView = 'overview', task?: string | null): RouteLocationRaw {
	const query: Record<string, string> = {}
	if (view !== 'overview') {
		query.view = view
	}
	if (task) {
		query.task = task
	}
	return { name: 'roadmap', params: { path: segmentsOf(folder) }, query }
}

// Views are chosen by App.vue from the route's name and query, beside the navigation it always shows.
const Nothing = { render: () => null }

export const appRoutes: RouteRecordRaw[] = [
	{
		path: '/',
		name: 'home',
		component: Nothing,
		// Links of the dashboard widget name the roadmap in the query: ?roadmap=/Dégooglisation/…&task=…&new-task=1
		beforeEnter: (to) => {
			if (typeof to.query.roadmap !== 'string') {
				return true
			}
			const { roadmap, ...rest } = to.query
			return { name: 'roadmap', params: { path: segmentsOf(roadmap as string) }, query: rest }
		},
	},
	{ path: '/roadmap/:path+', name: 'roadmap', component: Nothing },
	{ path: '/partners', name: 'partners', component: Nothing },
	{ path: '/:unknown(.*)', redirect: { name: 'home' } },
]

export function createAppRouter(history: RouterHistory = createWebHistory(generateUrl('/apps/degooglisation'))) {
	return createRouter({ history, routes: appRoutes })
}
