<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Change;

/**
 * Which of a person's open tasks are overdue and which are due soon (today
 * or within DAYS_AHEAD days). Framework-free.
 */
final class DueTasks {
	public const DAYS_AHEAD = 3;

	/**
	 * @template T of array{status: string, due: ?string}
	 * @param list<T> $tasks
	 * @return list<array{kind: 'overdue'|'due_soon', task: T}>
	 */
	public function classify(array $tasks, string $today): array {
		$horizon = (new \DateTimeImmutable($today))->modify('+' . self::DAYS_AHEAD . ' days')->format('Y-m-d');
		$due = [];
		foreach ($tasks as $task) {
			if ($task['due'] === null || in_array($task['status'], ChangeEffects::CLOSED_STATUSES, true)) {
				continue;
			}
			if (strcmp($task['due'], $today) < 0) {
				$due[] = ['kind' => 'overdue', 'task' => $task];
			} elseif (strcmp($task['due'], $horizon) <= 0) {
				$due[] = ['kind' => 'due_soon', 'task' => $task];
			}
		}
		return $due;
	}
}
