/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { FileLink } from '../domain/model.ts'

import { generateUrl } from '@nextcloud/router'

/** Where a linked file opens in Nextcloud: by its id when known, else its folder in Files, scrolled to it. */
export function fileLinkUrl(link: FileLink): string {
	if (link.fileId !== null) {
		return generateUrl('/f/{fileid}', { fileid: link.fileId })
	}
	const slash = link.path.lastIndexOf('/')
	return generateUrl('/apps/files/?dir={dir}&scrollto={file}', { dir: link.path.slice(0, slash) || '/', file: link.path.slice(slash + 1) })
}
