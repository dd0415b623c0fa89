<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\DAV;

use OCA\Degooglisation\Calendar\CalendarEvents;
use Sabre\CalDAV\ICalendarObject;
use Sabre\DAV\Exception\Forbidden;
use Sabre\DAVACL\IACL;

/** One event of TaskCalendar: a due date or a phase, read-only. */
final class TaskCalendarObject implements ICalendarObject, IACL {
	private ?string $ics = null;

	/**
	 * @param array{uid: string, summary: string, start: string, end: string, description: string, url: string} $event
	 * @param list<array<string, mixed>> $acl
	 */
	public function __construct(
		private array $event,
		private array $acl,
		private string $readOnlyMessage,
	) {
	}

	public function getName(): string {
		return $this->event['uid'] . '.ics';
	}

	public function get(): string {
		// A fixed stamp, so that an unchanged event keeps its ETag.
		return $this->ics ??= CalendarEvents::ics($this->event, '20260101T000000Z');
	}

	public function getContentType(): string {
		return 'text/calendar; charset=utf-8; component=vevent';
	}

	public function getETag(): string {
		return '"' . md5($this->get()) . '"';
	}

	public function getSize(): int {
		return strlen($this->get());
	}

	public function getLastModified(): ?int {
		return null;
	}

	public function put($data): never {
		throw new Forbidden($this->readOnlyMessage);
	}

	public function delete(): never {
		throw new Forbidden($this->readOnlyMessage);
	}

	public function setName($name): never {
		throw new Forbidden($this->readOnlyMessage);
	}

	public function getOwner(): ?string {
		return null;
	}

	public function getGroup(): ?string {
		return null;
	}

	public function getACL(): array {
		return $this->acl;
	}

	public function setACL(array $acl): never {
		throw new Forbidden($this->readOnlyMessage);
	}

	public function getSupportedPrivilegeSet(): ?array {
		return null;
	}
}
