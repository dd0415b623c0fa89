<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Activity;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Service\People;
use OCA\Degooglisation\Service\StatusLabels;
use OCP\Activity\Exceptions\UnknownActivityException;
use OCP\Activity\IEvent;
use OCP\Activity\IProvider;
use OCP\IURLGenerator;
use OCP\L10N\IFactory;

/** Writes the app's activity entries in the reader's language. */
final class Provider implements IProvider {
	public function __construct(
		private IFactory $l10nFactory,
		private IURLGenerator $urlGenerator,
		private People $people,
	) {
	}

	public function parse($language, IEvent $event, ?IEvent $previousEvent = null): IEvent {
		if ($event->getApp() !== Application::APP_ID || $event->getType() !== ChangeActivity::TYPE) {
			throw new UnknownActivityException();
		}
		$l = $this->l10nFactory->get(Application::APP_ID, $language);
		$p = $event->getSubjectParameters();
		$params = [
			'user' => $this->people->richAuthor($p['authorUser'] ?? null, $p['authorCloudId'] ?? null)
				?? ['type' => 'highlight', 'id' => '', 'name' => $l->t('Someone')],
			'task' => ['type' => 'highlight', 'id' => (string)($p['taskId'] ?? ''), 'name' => (string)($p['title'] ?? ''), 'link' => $event->getLink()],
			'roadmap' => ['type' => 'highlight', 'id' => (string)$event->getObjectId(), 'name' => (string)($p['roadmap'] ?? ''), 'link' => $event->getLink()],
		];
		switch ($event->getSubject()) {
			case 'task_status':
				$subject = $l->t('{user} moved “{task}” to {status} ({roadmap})');
				$params['status'] = ['type' => 'highlight', 'id' => (string)($p['status'] ?? ''), 'name' => StatusLabels::label($l, (string)($p['status'] ?? ''))];
				break;
			case 'task_added':
				$subject = $l->t('{user} added the task “{task}” ({roadmap})');
				break;
			case 'task_removed':
				$subject = $l->t('{user} deleted the task “{task}” ({roadmap})');
				break;
			case 'task_assigned':
				$subject = $l->t('{user} changed who is assigned to “{task}” ({roadmap})');
				break;
			case 'task_changed':
				$subject = $l->t('{user} edited the task “{task}” ({roadmap})');
				break;
			case 'tasks_changed':
				$subject = $l->n('{user} edited %n task of {roadmap}', '{user} edited %n tasks of {roadmap}', (int)($p['count'] ?? 0));
				unset($params['task']);
				break;
			case 'roadmap_changed':
				$subject = $l->t('{user} edited the roadmap {roadmap}');
				unset($params['task']);
				break;
			default:
				throw new UnknownActivityException();
		}
		$event->setRichSubject($subject, $params);
		$event->setIcon($this->urlGenerator->getAbsoluteURL($this->urlGenerator->imagePath(Application::APP_ID, 'app-dark.svg')));
		return $event;
	}
}
