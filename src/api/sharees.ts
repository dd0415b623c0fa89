/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Nextcloud's sharee search: who a roadmap can be shared with, or a task assigned to. */

import type { Sharee } from '../storage/ocs.ts'

import { SHARE_TYPE } from '../storage/ocs.ts'
import { ocsClient } from './clients.ts'
import { request } from './errors.ts'

export type { Sharee }
export { SHARE_TYPE }

export type ShareeKind = 'user' | 'group' | 'federated'

/** People (and groups) whose name or id matches `query`, exact matches first. */
export function searchSharees(query: string, kinds: ShareeKind[] = ['user', 'group', 'federated']): Promise<Sharee[]> {
	return request(() => ocsClient().searchSharees(query, kinds.map((kind) => SHARE_TYPE[kind])))
}

/** A local user by id, for their name; null when Nextcloud does not know them. */
export async function findUser(id: string): Promise<Sharee | null> {
	return (await searchSharees(id, ['user'])).find((sharee) => sharee.shareWith === id) ?? null
}
