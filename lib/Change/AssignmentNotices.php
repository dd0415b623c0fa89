<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Change;

/**
 * Which assignment notifications one save adds and which it withdraws:
 * a person newly assigned to an open task by someone else is told; a task
 * done, dropped or deleted withdraws everyone's; a person taken off a task
 * loses theirs. Framework-free.
 *
 * @psalm-import-type TaskEffect from ChangeEffects
 */
final class AssignmentNotices {
	/**
	 * @param array{tasks: list<TaskEffect>, otherOps: int} $effects
	 * @param ?string $author the author's local user id, null when the author is not a user of this server
	 * @param callable(string): ?string $localUserOf an assignee's local user id, null for someone this server does not notify
	 * @return array{notify: list<array{user: string, taskId: string, title: string}>, clear: list<array{user: ?string, taskId: string}>}
	 */
	public function decide(array $effects, ?string $author, callable $localUserOf): array {
		$notify = [];
		$clear = [];
		foreach ($effects['tasks'] as $task) {
			if (ChangeEffects::closes($task)) {
				$clear[] = ['user' => null, 'taskId' => $task['taskId']];
				continue;
			}
			foreach (ChangeEffects::unassigned($task) as $assignee) {
				$user = $localUserOf($assignee);
				if ($user !== null) {
					$clear[] = ['user' => $user, 'taskId' => $task['taskId']];
				}
			}
			foreach (ChangeEffects::newlyAssigned($task) as $assignee) {
				$user = $localUserOf($assignee);
				if ($user !== null && $user !== $author) {
					$notify[$user . "\0" . $task['taskId']] = ['user' => $user, 'taskId' => $task['taskId'], 'title' => $task['title']];
				}
			}
		}
		return ['notify' => array_values($notify), 'clear' => $clear];
	}
}
