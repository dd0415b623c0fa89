/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * People's names where the roadmap keeps their user ids: looked up through
 * Nextcloud's sharee search, once per person and page (see
 * components/assigneeLabels.ts); the current user, whom that search leaves
 * out, by their own display name.
 */

import { getCurrentUser } from '@nextcloud/auth'
import { watch } from 'vue'
import { assigneeLabel, lookUpAssignees } from '../components/assigneeLabels.ts'
import { logger } from '../logger.ts'

export function usePeopleNames(ids: () => readonly string[]): (id: string) => string {
	const me = getCurrentUser()
	watch(ids, (list) => {
		const others = [...new Set(list)].filter((id) => id && id !== me?.uid)
		if (others.length) {
			lookUpAssignees(others).catch((error) => logger.warn('names could not be looked up', { error }))
		}
	}, { immediate: true })
	return (id: string) => (me && id === me.uid && me.displayName ? me.displayName : assigneeLabel(id))
}
