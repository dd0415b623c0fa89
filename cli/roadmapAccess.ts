/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * How a command reaches a roadmap: its folder from the argument, a load that
 * tells about skipped files, and a write of one change file made of the
 * differences, followed by a refresh of the readable file.
 */
import { diffRoadmaps, validateOperation } from '../src/domain/crdt'
import { newWriterId } from '../src/domain/ids'
import type { Roadmap } from '../src/domain/model'
import { createNodeDavClient } from '../src/storage/nodeClient'
import { DEFAULT_ROADMAPS_FOLDER } from '../src/storage/roadmapDiscovery'
import { RoadmapFolder } from '../src/storage/roadmapFolder'
import type { CommandContext } from './commands'
import { InputError, UsageError } from './errors'

/** `Saint-Exemple` is `/Dégooglisation/Saint-Exemple`; a path with a slash is taken from the root of the user's files. */
export function roadmapPath(folder: string): string {
	const clean = folder.trim().replace(/^\/+|\/+$/g, '')
	if (clean === '') throw new UsageError(`not a roadmap folder: "${folder}"`)
	return clean.includes('/') || folder.startsWith('/') ? `/${clean}` : `${DEFAULT_ROADMAPS_FOLDER}/${clean}`
}

function openFolder(context: CommandContext): RoadmapFolder {
	// A fresh writer id per run: a run is a writing client of its own.
	return new RoadmapFolder({ dav: createNodeDavClient(context.connection()), path: roadmapPath(context.args[0]), writer: { id: newWriterId(), author: context.connection().user } })
}

async function load(context: CommandContext, folder: RoadmapFolder): Promise<Roadmap> {
	const loaded = await folder.load()
	for (const problem of loaded.problems) context.warn(`warning: ${folder.path}/${problem.file} skipped: ${problem.message}`)
	return loaded.roadmap
}

export async function loadRoadmap(context: CommandContext): Promise<Roadmap> {
	return load(context, openFolder(context))
}

/** Loads, lets `edit` return the edited roadmap, and saves the difference as one change file; tells whether anything was written. */
export async function updateRoadmap(context: CommandContext, edit: (roadmap: Roadmap) => Roadmap): Promise<boolean> {
	const folder = openFolder(context)
	const roadmap = await load(context, folder)
	const ops = diffRoadmaps(roadmap, edit(roadmap))
	if (ops.length === 0) return false
	// The edits were checked already; this guards against writing a change file other clients would refuse.
	for (const op of ops) {
		const problem = validateOperation(op)
		if (problem) throw new InputError(`${op.path}: ${problem}`)
	}
	await folder.save(ops)
	await folder.writeReadableFile()
	return true
}
