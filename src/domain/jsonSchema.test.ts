/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { jsonSchemas } from './jsonSchema.ts'

describe('published JSON Schemas', () => {
	it('match the schemas the app parses with (run scripts/generate-schema.ts after a change)', () => {
		for (const [name, schema] of Object.entries(jsonSchemas())) {
			const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', name), 'utf8'))
			expect(published, name).toEqual(JSON.parse(JSON.stringify(schema)))
		}
	})
})
