<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Change;

use OCA\Degooglisation\Service\RoadmapReader;

/**
 * What one save did to the tasks of a roadmap: its change file's operations
 * grouped by task, against the roadmap as it was before (the readable
 * roadmap file, which the writer refreshes only after its change file).
 * Framework-free, tested with the change files of tests/fixtures/changes/.
 *
 * @psalm-type TaskEffect = array{taskId: string, title: string, added: bool, removed: bool, status: ?string, statusBefore: ?string, assigneesBefore: list<string>, assigneesAfter: ?list<string>, fields: list<string>}
 */
final class ChangeEffects {
	public const CLOSED_STATUSES = ['done', 'dropped'];

	/**
	 * @param array{ops: list<array{op: string, path: string, value: mixed}>} $change
	 * @param ?array{tasks: list<array{id: string, title: string, status: string, assignees: list<string>}>} $before null when the roadmap file could not be read
	 * @return array{tasks: list<TaskEffect>, otherOps: int}
	 */
	public function of(array $change, ?array $before): array {
		$known = [];
		foreach ($before['tasks'] ?? [] as $task) {
			$known[$task['id']] = $task;
		}
		$effects = [];
		$otherOps = 0;
		foreach ($change['ops'] as $op) {
			$parts = explode('/', $op['path']);
			if ($parts[0] !== 'tasks' || !isset($parts[1]) || $parts[1] === '') {
				$otherOps++;
				continue;
			}
			$id = $parts[1];
			if (!isset($effects[$id])) {
				$was = $known[$id] ?? null;
				$effects[$id] = [
					'taskId' => $id,
					'title' => $was['title'] ?? $id,
					'added' => false,
					'removed' => false,
					'status' => null,
					'statusBefore' => $was['status'] ?? null,
					'assigneesBefore' => $was['assignees'] ?? [],
					'assigneesAfter' => null,
					'fields' => [],
				];
			}
			$effect = &$effects[$id];
			if (count($parts) === 2) {
				if ($op['op'] === 'remove') {
					$effect['removed'] = true;
				} elseif ($op['op'] === 'add' && is_array($op['value'])) {
					$task = $op['value'];
					$effect['added'] = !isset($known[$id]);
					$effect['removed'] = false;
					$effect['title'] = is_string($task['title'] ?? null) ? $task['title'] : $effect['title'];
					$effect['status'] = is_string($task['status'] ?? null) ? $task['status'] : $effect['status'];
					$effect['assigneesAfter'] = is_array($task['assignees'] ?? null) ? self::strings($task['assignees']) : $effect['assigneesAfter'];
				}
			} else {
				// tasks/<id>/<field>, or deeper (a checklist item): either way that field changed.
				$field = $parts[2];
				if (!in_array($field, $effect['fields'], true)) {
					$effect['fields'][] = $field;
				}
				if ($op['op'] === 'set' && count($parts) === 3) {
					if ($field === 'title' && is_string($op['value'])) {
						$effect['title'] = $op['value'];
					} elseif ($field === 'status' && is_string($op['value'])) {
						$effect['status'] = $op['value'];
					} elseif ($field === 'assignees' && is_array($op['value'])) {
						$effect['assigneesAfter'] = self::strings($op['value']);
					}
				}
			}
			unset($effect);
		}
		return ['tasks' => array_values($effects), 'otherOps' => $otherOps];
	}

	/**
	 * The people a task effect assigns who were not assigned before.
	 *
	 * @param TaskEffect $effect
	 * @return list<string>
	 */
	public static function newlyAssigned(array $effect): array {
		if ($effect['assigneesAfter'] === null) {
			return [];
		}
		$before = array_flip(array_map([RoadmapReader::class, 'normaliseIdentity'], $effect['added'] ? [] : $effect['assigneesBefore']));
		return array_values(array_filter($effect['assigneesAfter'], static fn (string $a): bool => !isset($before[RoadmapReader::normaliseIdentity($a)])));
	}

	/**
	 * The people a task effect takes off the task.
	 *
	 * @param TaskEffect $effect
	 * @return list<string>
	 */
	public static function unassigned(array $effect): array {
		if ($effect['assigneesAfter'] === null) {
			return [];
		}
		$after = array_flip(array_map([RoadmapReader::class, 'normaliseIdentity'], $effect['assigneesAfter']));
		return array_values(array_filter($effect['assigneesBefore'], static fn (string $a): bool => !isset($after[RoadmapReader::normaliseIdentity($a)])));
	}

	/**
	 * Whether, after the change, the task is closed (done, dropped) or gone.
	 *
	 * @param TaskEffect $effect
	 */
	public static function closes(array $effect): bool {
		return $effect['removed'] || in_array($effect['status'] ?? $effect['statusBefore'], self::CLOSED_STATUSES, true);
	}

	/**
	 * One line for the whole save, as the activity stream shows it: the
	 * status, the addition, the removal or the assignment of one task, an
	 * edit of one task, of several tasks, or of the rest of the roadmap.
	 *
	 * @param array{tasks: list<TaskEffect>, otherOps: int} $effects
	 * @return array{subject: string, taskId: ?string, title: ?string, status: ?string, assignees: list<string>, count: int}
	 */
	public static function summary(array $effects): array {
		$tasks = $effects['tasks'];
		$line = static fn (string $subject, ?array $task = null, ?string $status = null, array $assignees = []): array => [
			'subject' => $subject,
			'taskId' => $task['taskId'] ?? null,
			'title' => $task['title'] ?? null,
			'status' => $status,
			'assignees' => $assignees,
			'count' => count($tasks),
		];
		if (count($tasks) !== 1) {
			return $line(count($tasks) === 0 ? 'roadmap_changed' : 'tasks_changed');
		}
		$task = $tasks[0];
		return match (true) {
			$task['removed'] => $line('task_removed', $task),
			$task['added'] => $line('task_added', $task),
			$task['fields'] === ['status'] && $task['status'] !== null => $line('task_status', $task, $task['status']),
			$task['fields'] === ['assignees'] && $task['assigneesAfter'] !== null => $line('task_assigned', $task, null, $task['assigneesAfter']),
			default => $line('task_changed', $task),
		};
	}

	/**
	 * @param array<mixed> $values
	 * @return list<string>
	 */
	private static function strings(array $values): array {
		return array_values(array_filter($values, 'is_string'));
	}
}
