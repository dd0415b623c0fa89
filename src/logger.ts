/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// The app's logger: Nextcloud's, tagged with the app id, so failures that the UI
// recovers from are still seen in the browser console and by administrators.

import { getLoggerBuilder } from '@nextcloud/logger'

export const logger = getLoggerBuilder()
	.setApp('degooglisation')
	.detectUser()
	.build()
