/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Nextcloud's older versions of a file (files_versions), newest first. */

import type { FileVersion } from '../storage/dav.ts'

import { davClient } from './clients.ts'
import { request } from './errors.ts'

export type { FileVersion }

/** None when Nextcloud keeps none for the file (a federated mount, say). */
export function listVersions(fileId: number): Promise<FileVersion[]> {
	return request(() => davClient().listVersions(fileId))
}

export function readVersion(version: FileVersion): Promise<Uint8Array> {
	return request(() => davClient().getVersion(version))
}
