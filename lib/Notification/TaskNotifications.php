<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Notification;

use OCA\Degooglisation\AppInfo\Application;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IURLGenerator;
use OCP\Notification\IManager;
use OCP\Notification\INotification;

/**
 * Sends and withdraws the app's notifications. One notification per task and
 * person and kind: sending one again replaces it. The texts are made when a
 * notification is shown, in the reader's language (Notifier).
 */
final class TaskNotifications {
	public const ASSIGNED = 'assigned';
	public const DUE_SOON = 'due_soon';
	public const OVERDUE = 'overdue';
	private const OBJECT_ASSIGNMENT = 'task';
	private const OBJECT_DUE = 'task_due';

	public function __construct(
		private IManager $manager,
		private IURLGenerator $urlGenerator,
		private ITimeFactory $time,
	) {
	}

	/**
	 * @param string $roadmap what identifies the roadmap on this server: its folder id, or a federated share's key
	 * @param array{path: string, taskId: string, title: string, commune: string} $task path: the roadmap folder in the user's files
	 * @param array{user: ?string, cloudId: ?string} $author
	 */
	public function assigned(string $user, string $roadmap, array $task, array $author): void {
		$this->replace($this->make($user, self::OBJECT_ASSIGNMENT, $roadmap, $task)->setSubject(self::ASSIGNED, [
			'taskId' => $task['taskId'], 'title' => $task['title'], 'commune' => $task['commune'],
			'authorUser' => $author['user'], 'authorCloudId' => $author['cloudId'],
		]));
	}

	/**
	 * @param self::DUE_SOON|self::OVERDUE $kind
	 * @param array{path: string, taskId: string, title: string, commune: string, due: string} $task
	 */
	public function due(string $user, string $roadmap, array $task, string $kind): void {
		$this->replace($this->make($user, self::OBJECT_DUE, $roadmap, $task)->setSubject($kind, [
			'taskId' => $task['taskId'], 'title' => $task['title'], 'commune' => $task['commune'], 'due' => $task['due'],
		]));
	}

	/** Withdraws the notifications of a task: everyone's when $user is null. */
	public function withdraw(?string $user, string $roadmap, string $taskId): void {
		foreach ([self::OBJECT_ASSIGNMENT, self::OBJECT_DUE] as $type) {
			$notification = $this->manager->createNotification()
				->setApp(Application::APP_ID)
				->setObject($type, self::objectId($roadmap, $taskId));
			if ($user !== null) {
				$notification->setUser($user);
			}
			$this->manager->markProcessed($notification);
		}
	}

	/** Withdraws all of a person's due and overdue reminders, before the day's. */
	public function withdrawDue(string $user): void {
		foreach ([self::DUE_SOON, self::OVERDUE] as $kind) {
			// By subject: an object id cannot be left out.
			$this->manager->markProcessed($this->manager->createNotification()
				->setApp(Application::APP_ID)
				->setUser($user)
				->setSubject($kind));
		}
	}

	/** The object id: at most 64 characters, task ids may have 100. */
	public static function objectId(string $roadmap, string $taskId): string {
		$id = $roadmap . '/' . $taskId;
		return strlen($id) <= 64 ? $id : $roadmap . '/' . sha1($taskId);
	}

	/** @param array{path: string, taskId: string} $task */
	private function make(string $user, string $type, string $roadmap, array $task): INotification {
		$link = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index')
			. '?roadmap=' . rawurlencode($task['path']) . '&task=' . rawurlencode($task['taskId']);
		return $this->manager->createNotification()
			->setApp(Application::APP_ID)
			->setUser($user)
			->setObject($type, self::objectId($roadmap, $task['taskId']))
			->setDateTime($this->time->getDateTime())
			->setLink($link);
	}

	private function replace(INotification $notification): void {
		$previous = $this->manager->createNotification()
			->setApp(Application::APP_ID)
			->setUser($notification->getUser())
			->setObject($notification->getObjectType(), $notification->getObjectId());
		$this->manager->markProcessed($previous);
		$this->manager->notify($notification);
	}
}
