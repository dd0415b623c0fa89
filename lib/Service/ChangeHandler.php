<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCA\Degooglisation\Activity\ChangeActivity;
use OCA\Degooglisation\Change\AssignmentNotices;
use OCA\Degooglisation\Change\ChangeEffects;
use OCA\Degooglisation\Change\ChangeReader;
use OCA\Degooglisation\Notification\TaskNotifications;
use OCP\Files\File;
use OCP\Files\Folder;
use Psr\Log\LoggerInterface;

/**
 * What the server does when a change file lands in a roadmap folder, whoever
 * wrote it (the app, the dashboard widget, the command-line tool, a partner
 * commune through a federated share): reads it and the roadmap as it was,
 * notifies the people newly assigned, withdraws notifications of closed or
 * unassigned tasks, and publishes one activity entry for the save.
 */
final class ChangeHandler {
	/** A change file is a few kilobytes; a bigger one is an import, read by the app. */
	private const MAX_CHANGE_BYTES = 1024 * 1024;

	public function __construct(
		private ChangeReader $changeReader,
		private ChangeEffects $changeEffects,
		private AssignmentNotices $assignmentNotices,
		private RoadmapFiles $roadmapFiles,
		private People $people,
		private TaskNotifications $notifications,
		private ChangeActivity $activity,
		private LoggerInterface $logger,
	) {
	}

	public function handle(File $changeFile): void {
		$dot = $changeFile->getParent();
		if ($dot->getName() !== ChangeReader::FOLDER || $changeFile->getSize() > self::MAX_CHANGE_BYTES) {
			return;
		}
		$folder = $dot->getParent();
		try {
			$change = $this->changeReader->read($changeFile->getContent());
		} catch (RoadmapReadException|\OCP\Files\NotPermittedException|\OCP\Lock\LockedException|\OCP\Files\GenericFileException $e) {
			$this->logger->info('Change file not read for notifications: ' . $changeFile->getPath() . ': ' . $e->getMessage());
			return;
		}
		$before = $this->roadmapFiles->readRoadmapOf($folder);
		$effects = $this->changeEffects->of($change, $before);
		$author = $this->people->authorOfWrite($change['author']);
		$folderId = $folder->getId();
		$name = $before !== null && $before['commune'] !== '' ? $before['commune'] : ($before['title'] ?? $folder->getName());

		$decision = $this->assignmentNotices->decide($effects, $author['user'], [$this->people, 'localUserOf']);
		foreach ($decision['clear'] as $clear) {
			$this->notifications->withdraw($clear['user'], (string)$folderId, $clear['taskId']);
		}
		foreach ($decision['notify'] as $notice) {
			$path = $this->pathFor($notice['user'], $folder);
			if ($path !== null) {
				$this->notifications->assigned($notice['user'], (string)$folderId, ['path' => $path, 'taskId' => $notice['taskId'], 'title' => $notice['title'], 'commune' => $name], $author);
			}
		}
		$this->activity->publish($folderId, $name, ChangeEffects::summary($effects), $author, $this->roadmapFiles->readersOf($folderId));
	}

	/** Where an assignee finds the roadmap, or null when they cannot read it: then nobody tells them of it. */
	private function pathFor(string $user, Folder $folder): ?string {
		return $this->roadmapFiles->readersOf($folder->getId())[$user] ?? $this->roadmapFiles->pathFor($user, $folder->getId());
	}
}
