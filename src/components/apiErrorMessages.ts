/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** What a failed request means, in words a town hall agent can act on (kinds: src/api/errors.ts). */

import { toApiError } from '../api/errors.ts'
import { DavError } from '../storage/dav.ts'
import { RoadmapFolderError } from '../storage/roadmapErrors.ts'
import { t } from './l10n.ts'

/** For the failures any request can meet; null for those only the caller can word. */
function connectionMessage(kind: string): string | null {
	switch (kind) {
		case 'session-expired': return t('degooglisation', 'Your Nextcloud session has ended: log in again (the link is at the top of the page), then try again.')
		case 'maintenance': return t('degooglisation', 'Nextcloud is in maintenance: try again in a few minutes.')
		case 'network': return t('degooglisation', 'Nextcloud could not be reached: check the connection and try again.')
		default: return null
	}
}

/** A failed share action; `who` says who the share was for, when known. */
export function shareErrorMessage(error: unknown, who = ''): string {
	const { kind, message } = toApiError(error)
	switch (kind) {
		case 'rate-limited': return t('degooglisation', 'Too many share requests in a short time (Nextcloud allows 20 in ten minutes): try again in a few minutes.')
		case 'not-allowed': return t('degooglisation', 'You may not share this roadmap: it was shared with you without the right to share it further. Ask its owner to share it.')
		case 'already-shared': return t('degooglisation', 'This roadmap is already shared with {who}: change the permission in the list below.', { who })
		case 'partner-unreachable': return t('degooglisation', 'The partner commune\'s server for {who} could not be reached (it may be down, or the address mistyped). Nothing was shared; try again later.', { who })
		case 'not-found': return t('degooglisation', 'Nextcloud does not know {who} or this share any more: check the name and reload the list.', { who })
		case 'refused': return t('degooglisation', 'Nextcloud refused this share: {reason}', { reason: message })
		default: return connectionMessage(kind) ?? t('degooglisation', 'The share could not be changed: {reason}', { reason: message })
	}
}

/** A failed search for people to assign a task to. */
export function searchErrorMessage(error: unknown): string {
	const { kind, message } = toApiError(error)
	return connectionMessage(kind) ?? t('degooglisation', 'People could not be searched: {error}', { error: message })
}

/** Why a roadmap could not be opened, for the person who asked; `folder` is the folder asked for. */
export function openErrorMessage(error: unknown, folder: string): string {
	if (error instanceof RoadmapFolderError) {
		switch (error.kind) {
			case 'newer-version': return t('degooglisation', 'This roadmap was saved by a newer version of Dégooglisation than the one installed on this Nextcloud. Ask your administrator to update the app: the roadmap opens again then. Nothing in it was changed.')
			case 'not-a-roadmap': return t('degooglisation', 'The folder {folder} holds no Dégooglisation roadmap: it may have been moved or renamed.', { folder })
			case 'too-large': return t('degooglisation', 'The files of this roadmap are too large to be read without freezing the page, so they were not downloaded. They were left untouched: ask your administrator to look at the folder.')
			case 'unreadable':
			case 'no-readable-snapshot': return t('degooglisation', 'The files of this roadmap could not be read (damaged or incomplete). They were left untouched: try again later, or ask your administrator to look at the folder.')
		}
	}
	const status = error instanceof DavError ? error.status : null
	if (status === 404) {
		return t('degooglisation', 'The folder {folder} was not found: it may have been moved, renamed or deleted, or be no longer shared with you.', { folder })
	}
	if (status === 403) {
		return t('degooglisation', 'Nextcloud does not let you open the folder {folder}.', { folder })
	}
	return connectionMessage(toApiError(error).kind) ?? t('degooglisation', 'The roadmap could not be read. Try again later.')
}

/** The technical words behind a failure, for a "Details" disclosure: each file's own problem when the files were the trouble. */
export function errorDetail(error: unknown): string {
	if (error instanceof RoadmapFolderError && error.problems.length) {
		return error.problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n')
	}
	return error instanceof Error ? error.message : String(error)
}
