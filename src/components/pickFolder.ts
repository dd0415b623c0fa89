/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Choosing a folder with Nextcloud's own file picker. `@nextcloud/dialogs` is
 * large, so it is loaded the first time someone picks a folder.
 */

/**
 * Asks for a folder, starting at `startAt` when it exists; resolves to its path
 * in the user's files (`/Dégooglisation/Saint-Exemple`), or null when the
 * picker is closed without choosing.
 */
export async function pickFolder(title: string, chooseLabel: string, startAt?: string): Promise<string | null> {
	const { FilePickerClosed, getFilePickerBuilder } = await import('@nextcloud/dialogs')
	const builder = getFilePickerBuilder(title)
		.setMultiSelect(false)
		.allowDirectories(true)
		.setMimeTypeFilter(['httpd/unix-directory'])
		// With nothing selected, the button picks the folder being shown.
		.setButtonFactory(() => [{ label: chooseLabel, variant: 'primary', callback: () => {} }])
	if (startAt) {
		builder.startAt(startAt)
	}
	try {
		return await builder.build().pick()
	} catch (error) {
		if (error instanceof FilePickerClosed) {
			return null
		}
		throw error
	}
}

/** `/a//b/` → `/a/b`; a path always starts with a slash. */
export function normalizeFolder(path: string): string {
	const segments = path.split('/').map((s) => s.trim()).filter((s) => s !== '' && s !== '.')
	return `/${segments.join('/')}`
}

/** A folder name from a commune's name: slashes and backslashes cannot be in a name. */
export function folderNameOf(commune: string): string {
	return commune.trim().replace(/[/\\]+/g, '-')
}
