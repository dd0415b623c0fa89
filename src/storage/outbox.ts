/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Changes made in this browser and not yet written to Nextcloud, kept in
 * localStorage so that neither a failing server nor a reload loses an edit.
 * Each entry is a complete change file with its name already chosen: sending
 * it again after an attempt that did land is harmless (see RoadmapFolder.putChange).
 */

import type { ChangeFile } from '../domain/storageFormat.ts'

import { parseChangeFile, serializeChangeFile } from '../domain/format.ts'

export interface OutboxStorage {
	getItem(key: string): string | null
	setItem(key: string, value: string): void
	removeItem(key: string): void
}

export class Outbox {
	private readonly key: string

	/** One outbox per user and roadmap folder. */
	constructor(private readonly storage: OutboxStorage, user: string, roadmapPath: string) {
		this.key = `degooglisation:outbox:${user}:${roadmapPath}`
	}

	/** The changes waiting, oldest first; an entry that does not parse (edited by hand) is dropped from the list, not from storage. */
	list(): ChangeFile[] {
		let texts: unknown
		try {
			texts = JSON.parse(this.storage.getItem(this.key) ?? '[]')
		} catch {
			return []
		}
		if (!Array.isArray(texts)) {
			return []
		}
		return texts.flatMap((text) => {
			const parsed = typeof text === 'string' ? parseChangeFile(text) : null
			return parsed?.ok ? [parsed.value] : []
		})
	}

	add(change: ChangeFile): void {
		this.write([...this.list(), change])
	}

	remove(change: ChangeFile): void {
		this.write(this.list().filter((c) => c.writer !== change.writer || c.seq !== change.seq))
	}

	private write(changes: ChangeFile[]): void {
		if (changes.length === 0) {
			this.storage.removeItem(this.key)
		} else {
			this.storage.setItem(this.key, JSON.stringify(changes.map(serializeChangeFile)))
		}
	}
}

/** An outbox that lives as long as the process: for the command line, which sends at once and exits. */
export function memoryStorage(): OutboxStorage {
	const items = new Map<string, string>()
	return {
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key),
	}
}
