#!/usr/bin/env node
// The command-line tool is TypeScript, run from a checkout of the project
// through tsx (a devDependency): `npx degooglisation …` or `npm run cli -- …`.
// Registering tsx in this process, rather than spawning another node, keeps
// signals, standard streams and the exit code those of the tool itself.
import { register } from 'tsx/esm/api'

register()
await import('../cli/main.ts')
