/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Share creation limits as Nextcloud's: 20 requests a user in ten minutes, refused ones included; no sharing further without the right. */

import type { Sandbox } from './server.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'
import { OcsClient, SHARE_PERMISSION, SHARE_TYPE } from '../src/storage/ocs.ts'
import { startSandbox } from './server.ts'

const USERS = ['alice', 'bob', 'claire'].map((id) => ({ id, displayName: id, password: id }))
let dir: string
let sandbox: Sandbox
const ocs = (user: string) => new OcsClient({ baseUrl: sandbox.url, auth: { user, password: user } })

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'degooglisation-sharing-'))
	sandbox = await startSandbox({ port: 0, dataDir: dir, users: USERS })
	await createNodeDavClient({ url: sandbox.url, user: 'alice', password: 'alice' }).createFolder('/Feuille')
})
afterAll(async () => {
	await sandbox?.close()
	await rm(dir, { recursive: true, force: true })
})

describe('share creation', () => {
	it('refuses a user sharing further what was shared with them without the share right, as Nextcloud does', async () => {
		await ocs('alice').createShare('/Feuille', SHARE_TYPE.user, 'bob', SHARE_PERMISSION.all & ~SHARE_PERMISSION.share)
		await expect(ocs('bob').createShare('/Feuille', SHARE_TYPE.user, 'claire', SHARE_PERMISSION.read)).rejects.toMatchObject({ status: 404, message: 'You are not allowed to share Feuille' })
	})

	it('answers 429 past 20 share requests by a user in ten minutes, refused ones included; others are not held back', async () => {
		// alice asked once above; 19 more, refused (an unknown account), still count.
		for (let i = 0; i < 19; i++) {
			await expect(ocs('alice').createShare('/Feuille', SHARE_TYPE.user, `nobody${i}`, SHARE_PERMISSION.read)).rejects.toMatchObject({ status: 404 })
		}
		await expect(ocs('alice').createShare('/Feuille', SHARE_TYPE.user, 'claire', SHARE_PERMISSION.read)).rejects.toMatchObject({ status: 429 })
		expect((await ocs('alice').sharesOf('/Feuille')).map((share) => share.share_with)).toEqual(['bob'])
		await expect(ocs('claire').createShare('/Feuille', SHARE_TYPE.user, 'alice', SHARE_PERMISSION.read)).rejects.toMatchObject({ status: 404, message: 'Wrong path, file/folder does not exist' })
	})
})
