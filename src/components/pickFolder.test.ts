/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { beforeEach, describe, expect, it, vi } from 'vitest'

class FilePickerClosed extends Error {}
const pick = vi.fn(async (): Promise<string> => '/Dégooglisation')
const builder = {
	setMultiSelect: vi.fn(() => builder),
	allowDirectories: vi.fn(() => builder),
	setMimeTypeFilter: vi.fn(() => builder),
	setButtonFactory: vi.fn(() => builder),
	startAt: vi.fn(() => builder),
	build: () => ({ pick }),
}
vi.mock('@nextcloud/dialogs', () => ({ FilePickerClosed, getFilePickerBuilder: vi.fn(() => builder) }))

const { folderNameOf, normalizeFolder, pickFolder } = await import('./pickFolder.ts')

beforeEach(() => {
	vi.clearAllMocks()
})

describe('pickFolder', () => {
	it('asks Nextcloud\'s picker for one folder, with one button of the given label', async () => {
		expect(await pickFolder('Where', 'Here', '/Projets')).toBe('/Dégooglisation')
		expect(builder.allowDirectories).toHaveBeenCalledWith(true)
		expect(builder.setMimeTypeFilter).toHaveBeenCalledWith(['httpd/unix-directory'])
		expect(builder.startAt).toHaveBeenCalledWith('/Projets')
		const factory = (builder.setButtonFactory.mock.calls[0] as unknown[])[0] as () => { label: string }[]
		expect(factory().map((b) => b.label)).toEqual(['Here'])
	})

	it('resolves to null when the picker is closed, and passes other failures on', async () => {
		pick.mockRejectedValueOnce(new FilePickerClosed('closed'))
		expect(await pickFolder('Where', 'Here')).toBeNull()
		expect(builder.startAt).not.toHaveBeenCalled()
		pick.mockRejectedValueOnce(new Error('network'))
		await expect(pickFolder('Where', 'Here')).rejects.toThrow('network')
	})
})

describe('folder paths', () => {
	it('normalizes typed paths and makes folder names of commune names', () => {
		expect(normalizeFolder(' a//b/ ./c/ ')).toBe('/a/b/c')
		expect(normalizeFolder('')).toBe('/')
		expect(folderNameOf(' Lyon / Métropole\\Est ')).toBe('Lyon - Métropole-Est')
	})
})
