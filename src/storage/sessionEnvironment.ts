/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What a roadmap session needs from where it runs: timers, and the moments
 * worth looking for others' changes (the network back, the page shown again)
 * or finishing its own work (the page hidden, perhaps for good).
 * Injected, so that the same session runs in a page, in Node for the command
 * line, and in tests with fake timers and events.
 */

export type WakeReason = 'online' | 'visible' | 'hidden'

export interface SessionEnvironment {
	setTimeout(callback: () => void, ms: number): unknown
	clearTimeout(handle: unknown): void
	setInterval(callback: () => void, ms: number): unknown
	clearInterval(handle: unknown): void
	/** Calls `listener` at each such moment; returns what stops it. */
	onWake(listener: (reason: WakeReason) => void): () => void
	/** Whether looking for others' changes is worth it now (a hidden page does not poll). */
	isActive(): boolean
}

const timers = {
	setTimeout: (callback: () => void, ms: number) => globalThis.setTimeout(callback, ms),
	clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
	setInterval: (callback: () => void, ms: number) => globalThis.setInterval(callback, ms),
	clearInterval: (handle: unknown) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
}

/** A page: the `online` event, and the page becoming visible. */
export function browserEnvironment(target: Window = window): SessionEnvironment {
	const document = target.document
	return {
		...timers,
		onWake(listener) {
			const online = () => listener('online')
			const visible = () => listener(document.visibilityState === 'visible' ? 'visible' : 'hidden')
			target.addEventListener('online', online)
			document.addEventListener('visibilitychange', visible)
			return () => {
				target.removeEventListener('online', online)
				document.removeEventListener('visibilitychange', visible)
			}
		},
		isActive: () => document.visibilityState === 'visible',
	}
}

/** Node (command line, scripts): timers only, nothing wakes it. */
export function processEnvironment(): SessionEnvironment {
	return { ...timers, onWake: () => () => {}, isActive: () => true }
}
