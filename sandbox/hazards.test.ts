/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The sandbox reproduces what Nextcloud 32 does to read-modify-write with
 * If-Match (docs/sandbox.md): two writers can both pass the precondition, so
 * accepted writes get lost. The storage's own tests and the stress test are
 * only meaningful because this hazard is there.
 */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from './server.ts'

let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dataDir: string
const auth = { Authorization: `Basic ${Buffer.from('alice:alice').toString('base64')}` }

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-hazards-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }], hazards: { preconditionGapMs: 20 } })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

/** Appends its tokens to a JSON array with GET + PUT If-Match, starting again on 412; returns the tokens accepted. */
async function naiveWriter(url: string, name: string, count: number): Promise<string[]> {
	const accepted: string[] = []
	for (let i = 0; i < count; i++) {
		for (;;) {
			const read = await fetch(url, { headers: auth })
			const etag = read.headers.get('ETag')!
			const tokens = JSON.parse(await read.text()) as string[]
			const token = `${name}-${i}`
			const write = await fetch(url, { method: 'PUT', headers: { ...auth, 'If-Match': etag }, body: JSON.stringify([...tokens, token]) })
			if (write.status === 412) {
				continue
			}
			accepted.push(token)
			break
		}
	}
	return accepted
}

describe('sandbox hazards', () => {
	it('lets two If-Match writers both pass, losing accepted writes, as Nextcloud 32 does', async () => {
		const url = `${sandbox.url}/remote.php/dav/files/alice/tokens.json`
		await fetch(url, { method: 'PUT', headers: auth, body: '[]' })
		const [a, b] = await Promise.all([naiveWriter(url, 'a', 25), naiveWriter(url, 'b', 25)])
		const final = JSON.parse(await (await fetch(url, { headers: auth })).text()) as string[]
		const lost = [...a, ...b].filter((token) => !final.includes(token))
		expect(a.length + b.length).toBe(50)
		expect(lost.length).toBeGreaterThan(0)
	})

	it('tears reads and fails writes at the configured rates', async () => {
		const url = `${sandbox.url}/remote.php/dav/files/alice/torn.json`
		await fetch(url, { method: 'PUT', headers: auth, body: JSON.stringify({ text: 'x'.repeat(100) }) })
		Object.assign(sandbox.hazards, { tornReadRate: 1, lockedRate: 1 })
		const read = await fetch(url, { headers: auth })
		const put = await fetch(url, { method: 'PUT', headers: auth, body: '{}' })
		Object.assign(sandbox.hazards, { tornReadRate: 0, lockedRate: 0 })
		const torn = await read.text()
		expect(read.status).toBe(200)
		expect(torn.length).toBeLessThan(100)
		expect(() => JSON.parse(torn)).toThrow()
		expect(put.status).toBe(423)
		expect(await (await fetch(url, { headers: auth })).text()).toContain('x'.repeat(100))
	})
})
