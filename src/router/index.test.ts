/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter, folderOfParam, roadmapLocation, viewOfQuery } from './index.ts'

function memoryRouter() {
	return createAppRouter(createMemoryHistory('/index.php/apps/degooglisation'))
}

describe('app routes', () => {
	it('turns a dashboard link into the roadmap route, keeping the task', async () => {
		const router = memoryRouter()
		await router.push('/?roadmap=%2FD%C3%A9googlisation%2FSaint-Exemple&task=t1')
		expect(router.currentRoute.value.name).toBe('roadmap')
		expect(folderOfParam(router.currentRoute.value.params.path)).toBe('/Dégooglisation/Saint-Exemple')
		expect(router.currentRoute.value.query).toEqual({ task: 't1' })
	})

	it('writes a roadmap, its view and a task into the URL and reads them back', async () => {
		const router = memoryRouter()
		await router.push(roadmapLocation('/Dégooglisation/Saint Exemple', 'board', 'task-1'))
		const route = router.currentRoute.value
		expect(route.fullPath).toBe('/roadmap/D%C3%A9googlisation/Saint%20Exemple?view=board&task=task-1')
		expect(folderOfParam(route.params.path)).toBe('/Dégooglisation/Saint Exemple')
		expect(viewOfQuery(route.query)).toBe('board')
	})

	it('falls back to the overview for an unknown view and to home for an unknown path', async () => {
		const router = memoryRouter()
		expect(viewOfQuery({ view: 'nonsense' })).toBe('overview')
		await router.push('/no/such/page')
		expect(router.currentRoute.value.name).toBe('home')
	})
})
