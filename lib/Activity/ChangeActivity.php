<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Activity;

use OCA\Degooglisation\AppInfo\Application;
use OCP\Activity\IManager;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IURLGenerator;

/**
 * Publishes one activity entry per save, in the stream of every local user
 * who can read the roadmap. The text is made when the stream is read, in the
 * reader's language (Provider).
 */
final class ChangeActivity {
	public const TYPE = 'degooglisation_changes';

	public function __construct(
		private IManager $manager,
		private IURLGenerator $urlGenerator,
		private ITimeFactory $time,
	) {
	}

	/**
	 * @param array{subject: string, taskId: ?string, title: ?string, status: ?string, assignees: list<string>, count: int} $summary
	 * @param array{user: ?string, cloudId: ?string} $author
	 * @param array<string, string> $readers user id => the roadmap folder's path in their files
	 */
	public function publish(int $folderId, string $roadmapName, array $summary, array $author, array $readers): void {
		$app = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index');
		foreach ($readers as $user => $path) {
			$event = $this->manager->generateEvent()
				->setApp(Application::APP_ID)
				->setType(self::TYPE)
				->setAffectedUser((string)$user)
				->setAuthor($author['user'] ?? '')
				->setTimestamp($this->time->getTime())
				->setSubject($summary['subject'], $summary + ['roadmap' => $roadmapName, 'authorUser' => $author['user'], 'authorCloudId' => $author['cloudId']])
				->setObject('roadmap', $folderId, $roadmapName)
				->setLink($app . '?roadmap=' . rawurlencode($path) . ($summary['taskId'] !== null && $summary['subject'] !== 'task_removed' ? '&task=' . rawurlencode($summary['taskId']) : ''));
			$this->manager->publish($event);
		}
	}
}
