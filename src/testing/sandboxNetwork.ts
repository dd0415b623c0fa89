/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The network under component tests: the app's real stores and storage talk
 * to an in-process sandbox, as they would to Nextcloud. Only the browser's
 * part is played here: the session cookie (as Basic credentials), and a
 * switch to cut the connection.
 */

import type { Roadmap } from '../domain/model.ts'

import { DOMParser } from '@xmldom/xmldom'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../sandbox/server.ts'
import { serializeRoadmap } from '../domain/format.ts'
import { newWriterId } from '../domain/ids.ts'
import { ROADMAP_FILE } from '../domain/storageFormat.ts'
import { DavClient, DavError } from '../storage/dav.ts'
import { RoadmapFolder } from '../storage/roadmapFolder.ts'

export interface SandboxNetwork {
	url: string
	/** While true, every request fails as when the connection is lost. */
	down: boolean
	/** Requests made through the page's fetch, as `METHOD path`. */
	requests: string[]
	/** Stands for the browser's fetch, logged in as `user`. */
	fetch: typeof fetch
	/** Writes a roadmap to `path` in the user's files, as another client would. */
	seed(path: string, roadmap: Roadmap, options?: { readableOnly?: boolean }): Promise<void>
	/** Removes a folder of the user's files and all it holds, when there is one. */
	remove(path: string): Promise<void>
	/** The roadmap as stored on the server, read by another client. */
	stored(path: string): Promise<Roadmap>
	close(): Promise<void>
}

export async function startSandboxNetwork(user = 'alice'): Promise<SandboxNetwork> {
	const dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-view-'))
	const sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: user, displayName: user, password: user }] })
	const realFetch = globalThis.fetch.bind(globalThis)
	// The test's own client, off the page's network: it neither counts nor fails with it.
	const dav = () => new DavClient({ baseUrl: sandbox.url, user, auth: { user, password: user }, fetch: realFetch, DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'] })
	const network: SandboxNetwork = {
		url: sandbox.url,
		down: false,
		requests: [],
		fetch: async (input, init) => {
			// The page and the server share an origin, whatever jsdom's location says.
			const url = new URL(String(input instanceof Request ? input.url : input))
			const target = `${sandbox.url}${url.pathname}${url.search}`
			network.requests.push(`${init?.method ?? 'GET'} ${decodeURIComponent(url.pathname)}`)
			if (network.down) {
				throw new TypeError('Failed to fetch')
			}
			const headers = new Headers(init?.headers)
			headers.set('Authorization', `Basic ${btoa(`${user}:${user}`)}`)
			return realFetch(target, { ...init, headers })
		},
		async seed(path, roadmap, options = {}) {
			await dav().createFolder(path.split('/').slice(0, -1).join('/') || '/')
			if (options.readableOnly) {
				await dav().createFolder(path)
				await dav().put(`${path}/${ROADMAP_FILE}`, serializeRoadmap(roadmap))
			} else {
				await new RoadmapFolder({ dav: dav(), path, writer: { id: newWriterId(), author: user } }).create(roadmap)
			}
		},
		async remove(path) {
			await dav().delete(path).catch((error) => {
				if (!(error instanceof DavError && error.status === 404)) {
					throw error
				}
			})
		},
		async stored(path) {
			return (await new RoadmapFolder({ dav: dav(), path, writer: { id: newWriterId(), author: 'reader' } }).load()).roadmap
		},
		async close() {
			await sandbox.close()
			// A write the sandbox took just before closing may still be landing.
			await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
		},
	}
	return network
}
