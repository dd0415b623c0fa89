<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\DAV;

use OCA\DAV\CalDAV\Integration\ExternalCalendar;
use OCA\DAV\CalDAV\Integration\ICalendarProvider;
use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Calendar\CalendarEvents;
use OCA\Degooglisation\Service\People;
use OCA\Degooglisation\Service\RoadmapFiles;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IURLGenerator;
use OCP\IUserManager;
use OCP\L10N\IFactory;

/**
 * Gives each person one read-only calendar (Nextcloud's dav app lists it in
 * their calendar home, registered in appinfo/info.xml): the phases of the
 * roadmaps they can open on this server and the due dates of the open tasks
 * assigned to them. The events are computed when the calendar is read, from
 * the roadmap files (cached per file id and ETag).
 */
final class CalendarPlugin implements ICalendarProvider {
	public function __construct(
		private RoadmapFiles $roadmapFiles,
		private CalendarEvents $calendarEvents,
		private People $people,
		private IUserManager $userManager,
		private IURLGenerator $urlGenerator,
		private IFactory $l10nFactory,
		private ITimeFactory $time,
	) {
	}

	public function getAppId(): string {
		return Application::APP_ID;
	}

	public function fetchAllForCalendarHome(string $principalUri): array {
		$calendar = $this->getCalendarInCalendarHome($principalUri, TaskCalendar::URI);
		return $calendar !== null ? [$calendar] : [];
	}

	public function hasCalendarInCalendarHome(string $principalUri, string $calendarUri): bool {
		return $calendarUri === TaskCalendar::URI && $this->userOf($principalUri) !== null;
	}

	public function getCalendarInCalendarHome(string $principalUri, string $calendarUri): ?ExternalCalendar {
		$user = $this->userOf($principalUri);
		if ($calendarUri !== TaskCalendar::URI || $user === null) {
			return null;
		}
		$l = $this->l10nFactory->get(Application::APP_ID, $this->l10nFactory->getUserLanguage($this->userManager->get($user)));
		return new TaskCalendar(
			$principalUri,
			$l->t('Dégooglisation: my tasks'),
			$l->t('This calendar shows the Dégooglisation roadmaps and cannot be edited here: change the task or the phase in the Dégooglisation app.'),
			fn (): array => $this->events($user),
		);
	}

	/** @return list<array{uid: string, summary: string, start: string, end: string, description: string, url: string}> */
	private function events(string $user): array {
		$today = $this->time->getDateTime()->format('Y-m-d');
		$identities = $this->people->identitiesOf($user);
		$app = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index');
		$events = [];
		foreach ($this->roadmapFiles->roadmapsOf($user) as $found) {
			$roadmap = $this->roadmapFiles->read($found['file']);
			if ($roadmap !== null) {
				$events = [...$events, ...$this->calendarEvents->of($roadmap, (string)$found['folder']->getId(), $identities, $today, $app . '?roadmap=' . rawurlencode($found['path']))];
			}
		}
		return $events;
	}

	private function userOf(string $principalUri): ?string {
		if (preg_match('#^principals/users/([^/]+)$#', $principalUri, $match) !== 1) {
			return null;
		}
		$user = rawurldecode($match[1]);
		return $this->userManager->userExists($user) ? $user : null;
	}
}
