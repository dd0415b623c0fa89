/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Text typed into the task sidebar, shown instead of the saved value until it
 * is saved: after a pause in typing, on blur, or when the sidebar goes away.
 * What others save shows up, except in a field being typed into or holding a
 * value refused. The sidebar's parts share one set of waiting saves (provided
 * to them), so that closing, duplicating or deleting saves everything typed first.
 */

import type { InjectionKey, Ref } from 'vue'
import type { IsoDate, Task } from '../domain/model.ts'

import { computed, inject, reactive, watch } from 'vue'
import { t } from './l10n.ts'

/** Pause in typing after which text is saved. */
export const SAVE_DELAY_MS = 500

export interface DelayedSaves {
	saveLater(key: string, save: () => void): void
	saveNow(key: string): void
	saveAll(): void
	isWaiting(key: string): boolean
	drop(key: string): void
}

export const DELAYED_SAVES: InjectionKey<DelayedSaves> = Symbol('delayed saves')

/** Saves waiting for a pause in typing, by field. */
export function createDelayedSaves(): DelayedSaves {
	const pending = new Map<string, { timer: ReturnType<typeof setTimeout>, save: () => void }>()
	const saves: DelayedSaves = {
		saveLater(key, save) {
			const previous = pending.get(key)
			if (previous) {
				clearTimeout(previous.timer)
			}
			pending.set(key, { timer: setTimeout(() => saves.saveNow(key), SAVE_DELAY_MS), save })
		},
		saveNow(key) {
			const waiting = pending.get(key)
			if (!waiting) {
				return
			}
			clearTimeout(waiting.timer)
			pending.delete(key)
			waiting.save()
		},
		saveAll() {
			for (const key of [...pending.keys()]) {
				saves.saveNow(key)
			}
		},
		isWaiting: (key) => pending.has(key),
		drop(key) {
			const waiting = pending.get(key)
			if (waiting) {
				clearTimeout(waiting.timer)
			}
			pending.delete(key)
		},
	}
	return saves
}

/** The sidebar's waiting saves, for one of its parts. */
export function useDelayedSaves(): DelayedSaves {
	const saves = inject(DELAYED_SAVES)
	if (!saves) {
		throw new Error('a part of the task sidebar is used outside of it')
	}
	return saves
}

type DraftField = 'title' | 'description' | 'replaces' | 'replacements' | 'start' | 'due'

function savedValue(field: DraftField, of: Task): string {
	if (field === 'replaces' || field === 'replacements') {
		return of[field].join(', ')
	}
	return of[field] ?? ''
}

/** "Google Drive, Dropbox" → ["Google Drive", "Dropbox"] */
const listOf = (text: string): string[] => text.split(',').map((part) => part.trim()).filter(Boolean)
const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i])

export function dateOf(iso: IsoDate): Date | null {
	const [year, month, day] = iso.split('-').map(Number)
	return iso ? new Date(year!, month! - 1, day!) : null
}

function isoOf(date: Date | null): IsoDate {
	if (!date || Number.isNaN(date.getTime())) {
		return ''
	}
	const pad = (value: number, width = 2) => String(value).padStart(width, '0')
	return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The drafts of a task's text and date fields, saved through `update`. */
export function useTaskDraft(task: Ref<Task | null>, update: (patch: Partial<Omit<Task, 'id'>>) => void, saves: DelayedSaves) {
	const draft = reactive<Record<DraftField, string>>({ title: '', description: '', replaces: '', replacements: '', start: '', due: '' })

	const titleError = computed(() => (draft.title.trim() ? '' : t('degooglisation', 'A task needs a title; the previous one is kept until you type one.')))

	function onTitleInput(value: string | number): void {
		draft.title = String(value)
		saves.saveLater('title', () => {
			if (draft.title.trim() && draft.title !== task.value?.title) {
				update({ title: draft.title })
			}
		})
	}

	function onDescriptionInput(value: string | number): void {
		draft.description = String(value)
		saves.saveLater('description', () => {
			if (draft.description !== task.value?.description) {
				update({ description: draft.description })
			}
		})
	}

	function onListInput(field: 'replaces' | 'replacements', value: string | number): void {
		draft[field] = String(value)
		saves.saveLater(field, () => {
			const list = listOf(draft[field])
			if (task.value && !sameList(list, task.value[field])) {
				update({ [field]: list })
			}
		})
	}

	// Dates: typed into a native date field, saved together so that a due date before the start can wait for the start to be corrected.
	const dateError = computed(() => (draft.start && draft.due && draft.due < draft.start
		? t('degooglisation', 'The due date is before the start date: the dates are not saved until you correct one of them.')
		: ''))

	function onDateInput(field: 'start' | 'due', value: Date | null): void {
		draft[field] = isoOf(value)
		saves.saveLater('dates', () => {
			if (dateError.value || !task.value) {
				return
			}
			const start = draft.start || null
			const due = draft.due || null
			if (start !== task.value.start || due !== task.value.due) {
				update({ start, due })
			}
		})
	}

	function isHeld(field: DraftField): boolean {
		if (field === 'start' || field === 'due') {
			return saves.isWaiting('dates') || Boolean(dateError.value)
		}
		return saves.isWaiting(field) || (field === 'title' && Boolean(titleError.value))
	}

	watch(task, (current, previous) => {
		if (!current) {
			return
		}
		for (const field of Object.keys(draft) as DraftField[]) {
			// "Gmail, " saved as ["Gmail"] keeps its comma for the next name to be typed.
			const same = field === 'replaces' || field === 'replacements' ? sameList(listOf(draft[field]), current[field]) : draft[field] === savedValue(field, current)
			if (!same && !(previous && isHeld(field))) {
				draft[field] = savedValue(field, current)
			}
		}
	}, { immediate: true })

	return { draft, titleError, dateError, onTitleInput, onDescriptionInput, onListInput, onDateInput }
}
