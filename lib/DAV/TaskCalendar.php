<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\DAV;

use OCA\DAV\CalDAV\Integration\ExternalCalendar;
use OCA\DAV\CalDAV\Plugin;
use OCA\Degooglisation\AppInfo\Application;
use Sabre\CalDAV\CalendarQueryValidator;
use Sabre\CalDAV\Xml\Property\SupportedCalendarComponentSet;
use Sabre\DAV\Exception\Forbidden;
use Sabre\DAV\Exception\NotFound;
use Sabre\DAV\PropPatch;
use Sabre\VObject\Reader;

/**
 * "Dégooglisation: my tasks" in a person's calendars (CalDAV, hence the
 * Calendar app): read-only, each change is refused with a message saying
 * where to make it.
 */
final class TaskCalendar extends ExternalCalendar {
	public const URI = 'my-tasks';

	/** @var ?list<TaskCalendarObject> */
	private ?array $children = null;

	/**
	 * @param \Closure(): list<array{uid: string, summary: string, start: string, end: string, description: string, url: string}> $events
	 */
	public function __construct(
		private string $principalUri,
		private string $displayName,
		private string $readOnlyMessage,
		private \Closure $events,
	) {
		parent::__construct(Application::APP_ID, self::URI);
	}

	public function getOwner(): string {
		return $this->principalUri;
	}

	public function getGroup(): ?string {
		return null;
	}

	public function getACL(): array {
		return [['privilege' => '{DAV:}read', 'principal' => $this->principalUri, 'protected' => true]];
	}

	public function setACL(array $acl): void {
		throw new Forbidden($this->readOnlyMessage);
	}

	public function getSupportedPrivilegeSet(): ?array {
		return null;
	}

	public function calendarQuery(array $filters): array {
		$validator = new CalendarQueryValidator();
		$names = [];
		foreach ($this->getChildren() as $object) {
			$calendar = Reader::read($object->get());
			if ($validator->validate($calendar, $filters)) {
				$names[] = $object->getName();
			}
			$calendar->destroy();
		}
		return $names;
	}

	public function createFile($name, $data = null): void {
		throw new Forbidden($this->readOnlyMessage);
	}

	public function getChild($name): TaskCalendarObject {
		foreach ($this->getChildren() as $object) {
			if ($object->getName() === $name) {
				return $object;
			}
		}
		throw new NotFound('No such event in this calendar');
	}

	/** @return list<TaskCalendarObject> */
	public function getChildren(): array {
		if ($this->children === null) {
			$this->children = array_map(fn (array $event): TaskCalendarObject => new TaskCalendarObject($event, $this->getACL(), $this->readOnlyMessage), ($this->events)());
		}
		return $this->children;
	}

	public function childExists($name): bool {
		foreach ($this->getChildren() as $object) {
			if ($object->getName() === $name) {
				return true;
			}
		}
		return false;
	}

	public function delete(): void {
		throw new Forbidden($this->readOnlyMessage);
	}

	public function getLastModified(): ?int {
		return null;
	}

	public function propPatch(PropPatch $propPatch): void {
		// Properties the person sets (colour, order, visibility) are kept by Nextcloud in its own table.
	}

	public function getProperties($properties): array {
		return [
			'{DAV:}displayname' => $this->displayName,
			'{http://apple.com/ns/ical/}calendar-color' => '#1f6f43',
			'{' . Plugin::NS_CALDAV . '}supported-calendar-component-set' => new SupportedCalendarComponentSet(['VEVENT']),
		];
	}
}
