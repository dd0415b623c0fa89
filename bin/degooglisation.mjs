#!/usr/bin/env node
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// The command-line tool is TypeScript, run from a checkout of the project
// through tsx (a devDependency): `npx degooglisation …` or `npm run cli -- …`.
// Registering tsx in this process, rather than spawning another node, keeps
// signals, standard streams and the exit code those of the tool itself.

import { register } from 'tsx/esm/api'

register()
await import('../cli/main.ts')
