#!/usr/bin/env node
// Runs the TypeScript command-line tool through tsx (a dependency of the project).
import { register } from 'tsx/esm/api'

register()
await import('../cli/main.ts')
