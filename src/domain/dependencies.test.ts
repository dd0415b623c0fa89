/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dependencyCycle } from './dependencies.ts'

const task = (id: string, ...dependsOn: string[]) => ({ id, dependsOn })

describe('dependencyCycle', () => {
	it('accepts a dependency that closes no cycle', () => {
		const tasks = [task('a'), task('b', 'a'), task('c', 'b')]
		expect(dependencyCycle(tasks, 'c', 'a')).toBeNull()
		expect(dependencyCycle(tasks, 'a', 'unknown')).toBeNull()
	})

	it('refuses a task depending on itself', () => {
		expect(dependencyCycle([task('a')], 'a', 'a')).toEqual(['a', 'a'])
	})

	it('names the cycle a dependency would close, from the task back to it', () => {
		const tasks = [task('a'), task('b', 'a'), task('c', 'b'), task('d', 'c', 'x'), task('x')]
		expect(dependencyCycle(tasks, 'a', 'd')).toEqual(['a', 'd', 'c', 'b', 'a'])
		expect(dependencyCycle(tasks, 'a', 'b')).toEqual(['a', 'b', 'a'])
	})

	it('finds a cycle through a branch explored after a dead end', () => {
		const tasks = [task('a'), task('b', 'dead', 'c'), task('dead', 'x'), task('c', 'a'), task('x')]
		expect(dependencyCycle(tasks, 'a', 'b')).toEqual(['a', 'b', 'c', 'a'])
	})

	it('agrees with a brute-force reachability check on random graphs', () => {
		const ids = ['a', 'b', 'c', 'd', 'e', 'f']
		const graph = fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 12 })
		fc.assert(fc.property(graph, fc.constantFrom(...ids), fc.constantFrom(...ids), (edges, from, to) => {
			const tasks = ids.map((id) => task(id, ...edges.filter(([source]) => source === id).map(([, target]) => target)))
			const reachable = new Set([to])
			for (let changed = true; changed;) {
				changed = false
				for (const [source, target] of edges) {
					if (reachable.has(source) && !reachable.has(target)) {
						reachable.add(target)
						changed = true
					}
				}
			}
			const cycle = dependencyCycle(tasks, from, to)
			expect(cycle !== null).toBe(reachable.has(from))
			if (cycle) {
				// Each step of the cycle is a dependency, the new one first.
				expect(cycle[0]).toBe(from)
				expect(cycle.at(-1)).toBe(from)
				expect(cycle[1]).toBe(to)
				for (let i = 1; i < cycle.length - 1; i++) {
					expect(tasks.find((t) => t.id === cycle[i])!.dependsOn).toContain(cycle[i + 1])
				}
			}
		}))
	})
})
