/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Writes the published JSON Schemas from the valibot schemas the app parses
 * with, so the two cannot drift: `npx tsx scripts/generate-schema.ts`.
 * A unit test fails when the committed files differ from what this writes.
 */

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { jsonSchemas } from '../src/domain/jsonSchema.ts'

for (const [name, schema] of Object.entries(jsonSchemas())) {
	writeFileSync(join(import.meta.dirname, '..', 'schema', name), `${JSON.stringify(schema, null, '\t')}\n`)
	console.log(`schema/${name}`)
}
