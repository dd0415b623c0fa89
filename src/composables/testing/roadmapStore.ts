/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The real roadmap store for component tests, with a roadmap open. What would
 * reach Nextcloud (saving an edit) only changes the roadmap shown: the store
 * keeps its folder to itself, so its edits are applied here as it applies them.
 */

import type { Roadmap } from '../../domain/model.ts'
import type { FolderAccess } from '../../storage/roadmapFolder.ts'

import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { toRaw } from 'vue'
import { makeTask } from '../../domain/model.ts'
import { useRoadmapStore } from '../../stores/roadmap.ts'

export function openRoadmapStore(roadmap: Roadmap, { canWrite = true, path = '/Dégooglisation/Saint-Exemple' } = {}) {
	setActivePinia(createPinia())
	const store = useRoadmapStore()
	store.roadmap = roadmap
	store.path = path
	store.access = { canRead: true, canWrite, canDelete: canWrite } satisfies FolderAccess
	vi.spyOn(store, 'edit').mockImplementation((change) => {
		if (store.readOnly) {
			return
		}
		const draft = structuredClone(toRaw(store.roadmap!))
		change(draft)
		store.roadmap = draft
	})
	// The store's own actions call its inner edit, which needs the folder: they go through the edit above.
	vi.spyOn(store, 'setTaskStatus').mockImplementation((id, status) => store.edit((draft) => {
		draft.tasks.find((t) => t.id === id)!.status = status
	}))
	vi.spyOn(store, 'updateTask').mockImplementation((id, patch) => store.edit((draft) => {
		Object.assign(draft.tasks.find((t) => t.id === id)!, structuredClone(patch))
	}))
	let created = 0
	vi.spyOn(store, 'addTask').mockImplementation((title, phase) => {
		const id = `new-task-${++created}`
		store.edit((draft) => {
			draft.tasks.push(makeTask({ id, title, phase }))
		})
		return id
	})
	return store
}
