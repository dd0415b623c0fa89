/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Dependencies between tasks: a task waits for the tasks it depends on. A cycle
 * would make every task in it wait forever, so a new dependency that closes one
 * is refused, with the cycle named for the person who chose it.
 */

import type { Task } from './model.ts'

/**
 * The cycle that making `taskId` depend on `dependencyId` would close, as task
 * ids from `taskId` back to it (`[a, b, …, a]`), or null when there is none.
 * A task depending on itself is the shortest cycle, `[a, a]`.
 */
export function dependencyCycle(tasks: readonly Pick<Task, 'id' | 'dependsOn'>[], taskId: string, dependencyId: string): string[] | null {
	if (taskId === dependencyId) {
		return [taskId, taskId]
	}
	const dependsOn = new Map(tasks.map((task) => [task.id, task.dependsOn]))
	// Depth-first search from the new dependency for a path back to the task.
	const path = [dependencyId]
	const visited = new Set<string>([dependencyId])
	const pending: Array<{ ids: readonly string[], index: number }> = [{ ids: dependsOn.get(dependencyId) ?? [], index: 0 }]
	while (pending.length) {
		const frame = pending[pending.length - 1]!
		if (frame.index >= frame.ids.length) {
			pending.pop()
			path.pop()
			continue
		}
		const next = frame.ids[frame.index++]!
		if (next === taskId) {
			return [taskId, ...path, taskId]
		}
		if (visited.has(next)) {
			continue
		}
		visited.add(next)
		path.push(next)
		pending.push({ ids: dependsOn.get(next) ?? [], index: 0 })
	}
	return null
}
