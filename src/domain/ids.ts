/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Identifiers made on the client: roughly time-ordered (so new checklist items
 * sort after older ones) and random enough that two writers never collide.
 */
function randomBase36(length: number): string {
	const bytes = new Uint8Array(length)
	globalThis.crypto.getRandomValues(bytes)
	return Array.from(bytes, (b) => (b % 36).toString(36)).join('')
}

export function newId(prefix: string, now: number = Date.now()): string {
	return `${prefix}-${now.toString(36)}${randomBase36(6)}`
}

/** A writer id: 12 lowercase letters or digits, unique per writing client. */
export function newWriterId(): string {
	return randomBase36(12)
}

/**
 * A readable id made from a label ("État civil" → `etat-civil`), for people
 * who type ids on the command line; `-2`, `-3`… when taken, `fallback` when
 * the label has no letter or digit.
 */
export function idFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
	const base = label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || fallback
	let id = base
	for (let n = 2; taken.has(id); n++) {
		id = `${base}-${n}`
	}
	return id
}
