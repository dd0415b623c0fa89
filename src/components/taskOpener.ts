/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Opening a task in the sidebar, which the route names (`?task=<id>`), and
 * starting a new one there with its title ready to type.
 */

import type { LocationQuery } from 'vue-router'

import { t } from '@nextcloud/l10n'
import { ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useRoadmapStore } from '../stores/roadmap.ts'

/** The task whose title field takes the focus when the sidebar shows it: the one just created. */
export const titleToFocus = ref<string | null>(null)

export function useTaskOpener() {
	const store = useRoadmapStore()
	const route = useRoute()
	const router = useRouter()

	function queryWith(task: string | null, query: LocationQuery = route.query): LocationQuery {
		const { task: _task, 'new-task': _new, ...rest } = query
		return task ? { ...rest, task } : rest
	}

	async function openTask(id: string): Promise<void> {
		await router.push({ query: queryWith(id) })
	}

	async function closeTask(): Promise<void> {
		await router.push({ query: queryWith(null) })
	}

	/**
	 * Creates a task in the first phase, to do, and opens it; also drops a
	 * `new-task` request from the URL, which `replace` then takes out of the history.
	 */
	async function startNewTask(replace = false): Promise<void> {
		if (store.readOnly || !store.roadmap) {
			return
		}
		const phases = [...store.roadmap?.phases ?? []].sort((a, b) => a.order - b.order)
		const id = store.createTask({ title: t('degooglisation', 'New task'), phase: phases[0]?.id ?? null, status: 'todo' })
		titleToFocus.value = id
		await (replace ? router.replace : router.push)({ query: queryWith(id) })
	}

	return { openTask, closeTask, startNewTask }
}
