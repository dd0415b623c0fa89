/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Nextcloud's dialogs (file picker, undo toast), loaded when first used: the first screen does without them. */
export async function loadDialogs() {
	const [dialogs] = await Promise.all([import('@nextcloud/dialogs'), import('@nextcloud/dialogs/style.css')])
	return dialogs
}
