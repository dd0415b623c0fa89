<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Notification;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Service\People;
use OCP\IURLGenerator;
use OCP\L10N\IFactory;
use OCP\Notification\INotification;
use OCP\Notification\INotifier;
use OCP\Notification\UnknownNotificationException;

/** Writes the app's notifications in the reader's language. */
final class Notifier implements INotifier {
	public function __construct(
		private IFactory $l10nFactory,
		private IURLGenerator $urlGenerator,
		private People $people,
	) {
	}

	public function getID(): string {
		return Application::APP_ID;
	}

	public function getName(): string {
		return $this->l10nFactory->get(Application::APP_ID)->t('Dégooglisation');
	}

	public function prepare(INotification $notification, string $languageCode): INotification {
		if ($notification->getApp() !== Application::APP_ID) {
			throw new UnknownNotificationException();
		}
		$l = $this->l10nFactory->get(Application::APP_ID, $languageCode);
		$p = $notification->getSubjectParameters();
		$task = ['type' => 'highlight', 'id' => (string)($p['taskId'] ?? ''), 'name' => (string)($p['title'] ?? ''), 'link' => $notification->getLink()];
		$commune = ['type' => 'highlight', 'id' => (string)($p['commune'] ?? ''), 'name' => (string)($p['commune'] ?? '')];
		switch ($notification->getSubject()) {
			case TaskNotifications::ASSIGNED:
				$author = $this->people->richAuthor($p['authorUser'] ?? null, $p['authorCloudId'] ?? null);
				$notification->setRichSubject($author === null
					? $l->t('You were assigned “{task}” ({commune})')
					: $l->t('{user} assigned you “{task}” ({commune})'), array_filter(['user' => $author, 'task' => $task, 'commune' => $commune]));
				break;
			case TaskNotifications::DUE_SOON:
				$notification->setRichSubject($l->t('“{task}” ({commune}) is due on {date}'), ['task' => $task, 'commune' => $commune, 'date' => $this->date($l, (string)($p['due'] ?? ''))]);
				break;
			case TaskNotifications::OVERDUE:
				$notification->setRichSubject($l->t('“{task}” ({commune}) is overdue: it was due on {date}'), ['task' => $task, 'commune' => $commune, 'date' => $this->date($l, (string)($p['due'] ?? ''))]);
				break;
			default:
				throw new UnknownNotificationException();
		}
		$notification->setIcon($this->urlGenerator->getAbsoluteURL($this->urlGenerator->imagePath(Application::APP_ID, 'app-dark.svg')));
		return $notification;
	}

	/** @return array{type: string, id: string, name: string} */
	private function date(\OCP\IL10N $l, string $day): array {
		$date = \DateTime::createFromFormat('!Y-m-d', $day);
		return ['type' => 'highlight', 'id' => $day, 'name' => $date === false ? $day : (string)$l->l('date', $date, ['width' => 'long'])];
	}
}
