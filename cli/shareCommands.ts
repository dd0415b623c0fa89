/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Sharing a roadmap's folder from the command line, through Nextcloud's own
 * share API, with those its tasks are assigned to: colleagues by user id,
 * partner communes' agents by federated cloud id (they accept it on their server).
 */

import type { Command } from './commands.ts'

import { FEDERATED_CLOUD_ID, OcsClient, SHARE_PERMISSION, SHARE_TYPE } from '../src/storage/ocs.ts'
import { shareErrorKind } from '../src/storage/shareErrors.ts'
import { roadmapPath } from './commands.ts'

const REASONS: Partial<Record<ReturnType<typeof shareErrorKind>, string>> = {
	'rate-limited': 'Nextcloud allows 20 shares in ten minutes: try again in a few minutes',
	'not-allowed': 'this roadmap was shared with you without the right to share it further',
	'already-shared': 'already shared with them',
	'partner-unreachable': 'their server could not be reached',
	'not-found': 'Nextcloud does not know them',
}

const share: Command = {
	name: 'share',
	args: ['folder', 'user...'],
	summary: 'Share a roadmap\'s folder with colleagues or partner communes\' agents.',
	details: `Users are Nextcloud user ids (alice) or federated cloud ids (agent@cloud.mairie-b.fr), who accept the share on their own server.
They may edit the roadmap unless --read-only is given. Each is told apart: one failing does not stop the others.`,
	options: {
		'read-only': { type: 'boolean', help: 'let them read the roadmap, not change it' },
	},
	async run(context) {
		const [folder, ...users] = context.args
		const path = roadmapPath(folder!)
		const { url, user, password } = context.connection()
		const ocs = new OcsClient({ baseUrl: url, auth: { user, password } })
		const permissions = context.options['read-only'] ? SHARE_PERMISSION.read : SHARE_PERMISSION.all & ~SHARE_PERMISSION.share
		const failed: string[] = []
		for (const who of users) {
			const shareType = FEDERATED_CLOUD_ID.test(who) ? SHARE_TYPE.federated : SHARE_TYPE.user
			try {
				await ocs.createShare(path, shareType, who, permissions)
				context.out(`${path}: shared with ${who} (${context.options['read-only'] ? 'read only' : 'can edit'})`)
			} catch (error) {
				failed.push(`${who}: ${REASONS[shareErrorKind(error, shareType)] ?? (error as Error).message}`)
			}
		}
		if (failed.length) {
			throw new Error(`not shared with ${failed.join('; ')}`)
		}
	},
}

export const SHARE_COMMANDS: Command[] = [share]
