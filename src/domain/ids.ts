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
