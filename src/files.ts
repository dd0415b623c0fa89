/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Loaded in the Files app only (lib/Listener/FilesScriptsListener.php). Files reads
 * its actions from the registry of its own `@nextcloud/files` major, and the two do not
 * see each other: Nextcloud 32 uses 3 (window._nc_fileactions), 33 and 34 use 4
 * (window._nc_files_scope.v4_0). The action is registered with both.
 */

import type { FilesNode } from './filesAction.ts'

import { DefaultType, registerFileAction } from '@nextcloud/files'
import { translate as t } from '@nextcloud/l10n'
import { DefaultType as DefaultType3, FileAction as FileAction3, registerFileAction as registerFileAction3 } from 'files3'
import appIcon from '../img/app.svg?raw'
import { ACTION_ID, ACTION_ORDER, opensRoadmap, roadmapPageUrl } from './filesAction.ts'

const label = () => t('degooglisation', 'Open in Dégooglisation')
const icon = () => appIcon.replaceAll('#222', 'currentColor')

function open(node: FilesNode): Promise<null> {
	window.location.assign(roadmapPageUrl(node))
	return Promise.resolve(null)
}

registerFileAction({
	id: ACTION_ID,
	displayName: label,
	iconSvgInline: icon,
	enabled: ({ nodes }) => opensRoadmap(nodes),
	exec: ({ nodes: [node] }) => open(node),
	default: DefaultType.DEFAULT,
	order: ACTION_ORDER,
})

registerFileAction3(new FileAction3({
	id: ACTION_ID,
	displayName: label,
	iconSvgInline: icon,
	enabled: (nodes) => opensRoadmap(nodes),
	exec: (node) => open(node),
	default: DefaultType3.DEFAULT,
	order: ACTION_ORDER,
}))
