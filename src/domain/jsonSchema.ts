/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The JSON Schemas published in schema/, made from the valibot schemas. */

import { toJsonSchema } from '@valibot/to-json-schema'
import { changeFileSchema, roadmapSchema, snapshotFileSchema } from './schema.ts'

export function jsonSchemas(): Record<string, object> {
	const make = (schema: Parameters<typeof toJsonSchema>[0], title: string) => ({
		$schema: 'http://json-schema.org/draft-07/schema#',
		title,
		...toJsonSchema(schema, { errorMode: 'ignore' }),
	})
	return {
		'roadmap.schema.json': make(roadmapSchema, 'Dégooglisation roadmap (roadmap.degooglisation.json)'),
		'change.schema.json': make(changeFileSchema, 'Dégooglisation change file (.degooglisation/change.*.json)'),
		'snapshot.schema.json': make(snapshotFileSchema, 'Dégooglisation snapshot (.degooglisation/snapshot.*.json)'),
	}
}
