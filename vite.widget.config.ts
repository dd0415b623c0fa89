/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The dashboard widget's build, run after the app page's (vite.config.ts). */

import { nextcloudBuild } from './vite.config.ts'

export default nextcloudBuild('dashboard')
