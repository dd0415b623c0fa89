/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The dashboard widget: the user's open tasks, a button to mark each done, and
 * the phase progress of a roadmap they pick. Drawn with the DOM alone, each
 * part again when what it shows changed, without Vue: the widget has a budget
 * in bytes (bench/bundleSize.ts) and Vue's component runtime alone would take
 * half of it. Text goes in as text nodes and attribute values, never as HTML.
 */

import type { DashboardTask } from '../stores/dashboard.ts'

import { connectionState, onConnectionChange } from '../storage/transport.ts'
import { useDashboardStore } from '../stores/dashboard.ts'
import { t, widgetDay } from './widgetTranslate.ts'

import './dashboardWidget.css'

/** What Nextcloud's dashboard passes to a widget's callback. */
export interface DashboardPanel {
	widget: { id: string, title: string, url: string }
}

export interface MountedWidget {
	unmount: () => void
}

const MAX_TASKS = 7
const PICKER_ID = 'degooglisation-widget-roadmap'

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag)
	for (const [name, value] of Object.entries(attributes)) {
		element.setAttribute(name, value)
	}
	element.append(...children)
	return element
}

function taskUrl(appUrl: string, task: DashboardTask): string {
	return `${appUrl}?roadmap=${encodeURIComponent(task.roadmapPath)}&task=${encodeURIComponent(task.taskId)}`
}

function dueLabel(task: DashboardTask): string {
	if (!task.due) {
		return ''
	}
	const date = widgetDay(task.due)
	return task.overdue ? t('degooglisation', 'overdue since {date}', { date }) : t('degooglisation', 'due {date}', { date })
}

export function mountDashboardWidget(element: HTMLElement, appUrl: string): MountedWidget {
	const store = useDashboardStore()
	// Before the first drawing, which then shows "loading" rather than an empty list.
	void store.load()
	const state = (...children: Array<Node | string>) => el('p', { class: 'degooglisation-widget__state' }, ...children)

	const loading = el('p', { class: 'degooglisation-widget__state', role: 'status' }, t('degooglisation', 'Loading your tasks…'))
	const errorText = el('p')
	const retry = el('button', { type: 'button' }, t('degooglisation', 'Try again'))
	retry.addEventListener('click', () => store.load())
	const failure = el('div', { class: 'degooglisation-widget__state', role: 'alert' }, errorText, retry)

	const myTasksLabel = t('degooglisation', 'My tasks')
	const taskList = el('div')
	// Stays in the page while tasks come and go, so screen readers announce its changes.
	const live = el('p', { class: 'degooglisation-widget__live', role: 'status', 'aria-live': 'polite' })
	const tasksSection = el('section', { 'aria-label': myTasksLabel }, el('h3', { class: 'degooglisation-widget__heading' }, myTasksLabel), taskList, live)

	const progressLabel = t('degooglisation', 'Where the migration stands')
	const picker = el('select', { id: PICKER_ID })
	picker.addEventListener('change', () => store.pick(picker.value))
	const overall = el('p', { class: 'degooglisation-widget__overall' })
	const phaseList = el('ul', { class: 'degooglisation-widget__phases' })
	const progressSection = el(
		'section',
		{ 'aria-label': progressLabel },
		el('h3', { class: 'degooglisation-widget__heading' }, el('label', { for: PICKER_ID }, progressLabel)),
		picker,
		overall,
		phaseList,
	)

	const unreadable = state()
	const content = el('div', {}, tasksSection, progressSection, unreadable)
	// The widget's requests meet the same answers as the app page's (src/storage/transport.ts): it says so too.
	const loginUrl = `${(window as { _oc_webroot?: string })._oc_webroot ?? ''}/index.php/login?redirect_url=${encodeURIComponent(window.location.pathname + window.location.search)}`
	const connection = el('p', { class: 'degooglisation-widget__state', role: 'alert' })
	const showConnection = (current: ReturnType<typeof connectionState>) => {
		connection.hidden = current !== 'session-expired' && current !== 'maintenance'
		connection.replaceChildren(...current === 'session-expired'
			? [t('degooglisation', 'Your Nextcloud session has ended.'), ' ', el('a', { href: loginUrl }, t('degooglisation', 'Log in again'))]
			: current === 'maintenance' ? [t('degooglisation', 'Nextcloud is in maintenance: waiting for it to be back…')] : [])
	}
	showConnection(connectionState())
	const stopWatchingConnection = onConnectionChange(showConnection)
	const root = el('div', { class: 'degooglisation-widget' }, loading, failure, connection, content)

	function drawTasks(): void {
		const focused = [...taskList.querySelectorAll('button')].indexOf(document.activeElement as HTMLButtonElement)
		const tasks = store.tasks.slice(0, MAX_TASKS)
		if (store.roadmaps.length === 0) {
			taskList.replaceChildren(state(t('degooglisation', 'No roadmap yet.'), ' ', el('a', { href: appUrl }, t('degooglisation', 'Create your commune\'s roadmap'))))
			return
		}
		if (tasks.length === 0) {
			taskList.replaceChildren(state(t('degooglisation', 'No open task is assigned to you.'), ' ', el('a', { href: appUrl }, t('degooglisation', 'See the roadmap'))))
			return
		}
		taskList.replaceChildren(el('ul', { class: 'degooglisation-widget__tasks' }, ...tasks.map((task) => {
			const due = task.due ? el('span', task.overdue ? { class: 'degooglisation-widget__overdue' } : {}, `${dueLabel(task)} · `) : ''
			const item = el(
				'li',
				{ class: 'degooglisation-widget__task' },
				el(
					'div',
					{ class: 'degooglisation-widget__task-text' },
					el('a', { href: taskUrl(appUrl, task), class: 'degooglisation-widget__task-title' }, task.title),
					el('span', { class: 'degooglisation-widget__task-meta' }, due, [task.phaseTitle, task.roadmapTitle].filter(Boolean).join(' · ')),
				),
			)
			if (store.canWrite(task)) {
				const done = el('button', { type: 'button', class: 'degooglisation-widget__done', 'aria-label': t('degooglisation', 'Mark “{title}” as done', { title: task.title }) }, '✓')
				done.addEventListener('click', () => store.markDone(task))
				item.append(done)
			}
			return item
		})))
		// A task marked done leaves the list: the keyboard stays where it was, on the next task's button.
		const buttons = taskList.querySelectorAll('button')
		if (focused >= 0 && buttons.length > 0) {
			buttons[Math.min(focused, buttons.length - 1)].focus()
		}
	}

	function drawProgress(): void {
		const picked = store.picked
		const progress = store.progress
		progressSection.hidden = !(picked && progress)
		if (!picked || !progress) {
			return
		}
		picker.hidden = store.roadmaps.length < 2
		picker.replaceChildren(...store.roadmaps.map((r) => el('option', { value: r.location.path }, r.roadmap.title)))
		picker.value = picked.location.path
		overall.textContent = t('degooglisation', 'Overall: {percent} %', { percent: progress.overall.percent ?? 0 })
		phaseList.replaceChildren(...progress.phases.filter((phase) => phase.phaseId !== null).map((phase) => {
			const percent = phase.percent ?? 0
			const fill = el('span')
			fill.style.width = `${percent}%`
			return el(
				'li',
				{},
				el('span', { class: 'degooglisation-widget__phase-title' }, phase.title),
				el('span', { class: 'degooglisation-widget__bar', role: 'progressbar', 'aria-label': phase.title, 'aria-valuenow': String(percent), 'aria-valuemin': '0', 'aria-valuemax': '100' }, fill),
				el('span', { class: 'degooglisation-widget__percent' }, `${percent} %`),
			)
		}))
	}

	/** Each part of the widget, drawn again when one of the values it shows is another. */
	const parts: Array<{ shows: () => unknown[], draw: () => void, shown?: unknown[] }> = [
		{
			shows: () => [store.loading, store.error],
			draw: () => {
				loading.hidden = !store.loading
				failure.hidden = store.loading || !store.error
				content.hidden = store.loading || Boolean(store.error)
				errorText.textContent = store.error ? t('degooglisation', 'Your tasks could not be loaded: {error}', { error: store.error }) : ''
			},
		},
		{ shows: () => [store.roadmaps], draw: drawTasks },
		{ shows: () => [store.roadmaps, store.pickedPath], draw: drawProgress },
		{
			shows: () => [store.status],
			draw: () => {
				live.textContent = store.status ? t('degooglisation', '“{title}” marked as done', { title: store.status }) : ''
			},
		},
		{
			shows: () => [store.unreadable],
			draw: () => {
				unreadable.hidden = store.unreadable.length === 0
				unreadable.textContent = t('degooglisation', 'Some roadmaps could not be opened: {paths}', { paths: store.unreadable.join(', ') })
			},
		},
	]
	const redraw = () => {
		for (const part of parts) {
			const shows = part.shows()
			if (part.shown && shows.every((value, i) => value === part.shown![i])) {
				continue
			}
			part.shown = shows
			part.draw()
		}
	}
	redraw()
	let queued = false
	let mountedNow = true
	// Once per burst of changes.
	const stopFollowing = store.subscribe(() => {
		if (queued) {
			return
		}
		queued = true
		queueMicrotask(() => {
			queued = false
			if (mountedNow) {
				redraw()
			}
		})
	})

	// The panel's element is the widget's box: let the list scroll inside it.
	element.style.height = '100%'
	element.replaceChildren(root)
	return {
		unmount() {
			stopWatchingConnection()
			stopFollowing()
			mountedNow = false
			root.remove()
		},
	}
}
