<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\BackgroundJob;

use OCA\Degooglisation\Change\AssignmentState;
use OCA\Degooglisation\Federation\FederatedRoadmaps;
use OCA\Degooglisation\Notification\TaskNotifications;
use OCA\Degooglisation\Service\People;
use OCA\Degooglisation\Service\RoadmapReader;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJob;
use OCP\BackgroundJob\TimedJob;
use OCP\IConfig;

/**
 * Tells this server's users of the tasks they are assigned in roadmaps that
 * partner servers share with them (no file event reaches this server when
 * the partner's people save). Every few minutes it reads each shared roadmap
 * from the partner (FederatedRoadmaps: short timeouts, a failing server
 * skipped and retried later), compares the open tasks assigned to the user
 * with those already notified (a user preference), notifies the new ones and
 * withdraws the closed or unassigned ones. It stops reading after
 * TIME_BUDGET seconds; the rest waits for the next run.
 */
final class FederatedAssignmentsJob extends TimedJob {
	public const INTERVAL = 300;
	public const TIME_BUDGET = 60;
	/** user preference: task key => the task as last read, for this job and the due reminders */
	public const KNOWN_TASKS = 'federated-tasks';

	public function __construct(
		ITimeFactory $time,
		private FederatedRoadmaps $roadmaps,
		private RoadmapReader $reader,
		private AssignmentState $state,
		private People $people,
		private TaskNotifications $notifications,
		private IConfig $config,
	) {
		parent::__construct($time);
		$this->setInterval(self::INTERVAL);
		$this->setTimeSensitivity(IJob::TIME_SENSITIVE);
	}

	/** @param mixed $argument */
	protected function run($argument): void {
		$deadline = $this->time->getTime() + self::TIME_BUDGET;
		$today = $this->time->getDateTime()->format('Y-m-d');
		$byUser = [];
		foreach ($this->roadmaps->shares() as $share) {
			$byUser[$share['user']][] = $share;
		}
		foreach ($byUser as $user => $shares) {
			$this->runForUser((string)$user, $shares, $today, $deadline);
		}
	}

	/** @param list<array{key: string, user: string, remote: string, token: string, password: string, path: string}> $shares */
	private function runForUser(string $user, array $shares, string $today, int $deadline): void {
		$identities = $this->people->identitiesOf($user);
		$current = [];
		$unread = [];
		foreach ($shares as $share) {
			$roadmap = $this->time->getTime() < $deadline ? $this->roadmaps->read($share) : null;
			if ($roadmap === null) {
				$unread[] = $share['key'];
				continue;
			}
			$name = $roadmap['commune'] !== '' ? $roadmap['commune'] : $roadmap['title'];
			foreach ($this->reader->tasksFor($roadmap, $identities, $today) as $task) {
				$current[$share['key'] . '/' . $task['taskId']] = [
					'roadmap' => $share['key'], 'path' => $share['path'], 'taskId' => $task['taskId'],
					'title' => $task['title'], 'commune' => $name, 'status' => $task['status'], 'due' => $task['due'],
				];
			}
		}
		$known = json_decode($this->config->getUserValue($user, 'degooglisation', self::KNOWN_TASKS, '{}'), true);
		$known = is_array($known) ? $known : [];
		$compared = $this->state->compare(
			array_map(static fn (array $task): string => $task['roadmap'], $known),
			array_map(static fn (array $task): string => $task['roadmap'], $current),
			$unread,
		);
		foreach ($compared['new'] as $key) {
			$task = $current[$key];
			$this->notifications->assigned($user, $task['roadmap'], $task, ['user' => null, 'cloudId' => null]);
		}
		foreach ($compared['gone'] as $key) {
			$this->notifications->withdraw($user, $known[$key]['roadmap'], $known[$key]['taskId']);
		}
		$next = [];
		foreach (array_keys($compared['known']) as $key) {
			$next[$key] = $current[$key] ?? $known[$key];
		}
		$this->config->setUserValue($user, 'degooglisation', self::KNOWN_TASKS, json_encode($next, JSON_THROW_ON_ERROR));
	}
}
