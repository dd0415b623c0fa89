<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\BackgroundJob;

use OCA\Degooglisation\Change\DueTasks;
use OCA\Degooglisation\Notification\TaskNotifications;
use OCA\Degooglisation\Service\AssignedTasks;
use OCA\Degooglisation\Service\RoadmapFiles;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\BackgroundJob\IJob;
use OCP\BackgroundJob\TimedJob;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\IConfig;
use OCP\IUser;
use OCP\IUserManager;
use Psr\Log\LoggerInterface;

/**
 * Once a day per person: a notification for each of their open tasks that is
 * overdue or due within DueTasks::DAYS_AHEAD days, in the roadmaps of this
 * server they can read and in those partner servers share with them (as the
 * federated job last read them). Yesterday's reminders are replaced.
 */
final class DueTasksJob extends TimedJob {
	public const INTERVAL = 3600;
	private const DAY_DONE = 'due-reminders-day';

	public function __construct(
		ITimeFactory $time,
		private IUserManager $userManager,
		private AssignedTasks $assignedTasks,
		private RoadmapFiles $roadmapFiles,
		private IRootFolder $rootFolder,
		private DueTasks $dueTasks,
		private TaskNotifications $notifications,
		private IConfig $config,
		private LoggerInterface $logger,
	) {
		parent::__construct($time);
		$this->setInterval(self::INTERVAL);
		$this->setTimeSensitivity(IJob::TIME_INSENSITIVE);
	}

	/** @param mixed $argument */
	protected function run($argument): void {
		$today = $this->time->getDateTime()->format('Y-m-d');
		$this->userManager->callForSeenUsers(function (IUser $user) use ($today): void {
			$uid = $user->getUID();
			if ($this->config->getUserValue($uid, 'degooglisation', self::DAY_DONE) === $today) {
				return;
			}
			try {
				$this->remind($uid, $today);
			} catch (\Throwable $e) {
				$this->logger->error('Due reminders failed for ' . $uid . ': ' . $e->getMessage(), ['exception' => $e]);
			}
			$this->config->setUserValue($uid, 'degooglisation', self::DAY_DONE, $today);
		});
	}

	private function remind(string $uid, string $today): void {
		$tasks = [];
		$userFolder = $this->rootFolder->getUserFolder($uid);
		$roadmaps = [];
		foreach ($this->assignedTasks->forUser($uid, $today) as $row) {
			$path = $row['roadmapPath'];
			if (!isset($roadmaps[$path])) {
				$folder = $userFolder->get($path);
				$roadmap = $folder instanceof Folder ? $this->roadmapFiles->readRoadmapOf($folder) : null;
				$roadmaps[$path] = ['id' => (string)$folder->getId(), 'name' => $roadmap !== null && $roadmap['commune'] !== '' ? $roadmap['commune'] : $row['roadmapTitle']];
			}
			$tasks[] = ['roadmap' => $roadmaps[$path]['id'], 'path' => '/' . ltrim($path, '/'), 'taskId' => $row['taskId'], 'title' => $row['title'], 'commune' => $roadmaps[$path]['name'], 'status' => $row['status'], 'due' => $row['due']];
		}
		$federated = json_decode($this->config->getUserValue($uid, 'degooglisation', FederatedAssignmentsJob::KNOWN_TASKS, '{}'), true);
		foreach (is_array($federated) ? $federated : [] as $task) {
			$tasks[] = $task;
		}
		$this->notifications->withdrawDue($uid);
		foreach ($this->dueTasks->classify($tasks, $today) as $due) {
			$this->notifications->due($uid, $due['task']['roadmap'], $due['task'], $due['kind']);
		}
	}
}
