<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Calendar;

use OCA\Degooglisation\Service\RoadmapReader;

/**
 * A person's calendar of the roadmaps: an all-day event on the due date of
 * each open task assigned to them, and each dated phase from its start to its
 * end; a roadmap's calendar: its dated phases and the due dates of all its open
 * tasks; and these as iCalendar (RFC 5545), one event per object for CalDAV or
 * a whole calendar for a subscription. Framework-free.
 */
final class CalendarEvents {
	public function __construct(
		private RoadmapReader $reader,
	) {
	}

	/**
	 * @param array{title: string, commune: string, phases: array<string, array{title: string, order: float, start?: ?string, end?: ?string}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>}>} $roadmap
	 * @param string $roadmapKey what identifies the roadmap on this server (its file id)
	 * @param list<string> $identities the person's user id and cloud ids
	 * @param string $link the app's link to the roadmap; `&task=<id>` is added for a task
	 * @return list<array{uid: string, summary: string, start: string, end: string, description: string, url: string}> end: the day after the last day
	 */
	public function of(array $roadmap, string $roadmapKey, array $identities, string $today, string $link): array {
		$tasks = array_map(static fn (array $task): array => ['id' => $task['taskId'], 'title' => $task['title'], 'due' => $task['due'], 'phaseTitle' => $task['phaseTitle']],
			$this->reader->tasksFor($roadmap, $identities, $today));
		return self::events($roadmap, $roadmapKey, $tasks, $link);
	}

	/**
	 * The roadmap's own calendar, whoever the tasks are assigned to: every dated phase and the due date of every open task.
	 *
	 * @param array{title: string, commune: string, phases: array<string, array{title: string, order: float, start?: ?string, end?: ?string}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>}>} $roadmap
	 * @return list<array{uid: string, summary: string, start: string, end: string, description: string, url: string}>
	 */
	public function ofRoadmap(array $roadmap, string $roadmapKey, string $link): array {
		$tasks = [];
		foreach ($roadmap['tasks'] as $task) {
			if (in_array($task['status'], RoadmapReader::OPEN_STATUSES, true)) {
				$phase = $task['phase'] !== null ? ($roadmap['phases'][$task['phase']] ?? null) : null;
				$tasks[] = ['id' => $task['id'], 'title' => $task['title'], 'due' => $task['due'], 'phaseTitle' => $phase !== null ? $phase['title'] : ''];
			}
		}
		return self::events($roadmap, $roadmapKey, $tasks, $link);
	}

	/**
	 * @param array{title: string, commune: string, phases: array<string, array{title: string, order: float, start?: ?string, end?: ?string}>} $roadmap
	 * @param list<array{id: string, title: string, due: ?string, phaseTitle: string}> $tasks
	 * @return list<array{uid: string, summary: string, start: string, end: string, description: string, url: string}>
	 */
	private static function events(array $roadmap, string $roadmapKey, array $tasks, string $link): array {
		$where = $roadmap['commune'] !== '' ? $roadmap['commune'] : $roadmap['title'];
		$events = [];
		foreach ($roadmap['phases'] as $id => $phase) {
			$start = $phase['start'] ?? null;
			$end = $phase['end'] ?? $start;
			if ($start === null || $end === null || strcmp($end, $start) < 0) {
				continue;
			}
			$events[] = ['uid' => 'degooglisation-phase-' . $roadmapKey . '-' . sha1((string)$id), 'summary' => $where . ' : ' . $phase['title'], 'start' => $start, 'end' => self::nextDay($end), 'description' => $roadmap['title'], 'url' => $link];
		}
		foreach ($tasks as $task) {
			if ($task['due'] === null) {
				continue;
			}
			$events[] = [
				'uid' => 'degooglisation-task-' . $roadmapKey . '-' . sha1($task['id']),
				'summary' => $task['title'],
				'start' => $task['due'],
				'end' => self::nextDay($task['due']),
				'description' => implode(' · ', array_filter([$where, $task['phaseTitle']], static fn (string $part): bool => $part !== '')),
				'url' => $link . '&task=' . rawurlencode($task['id']),
			];
		}
		return $events;
	}

	/** @param array{uid: string, summary: string, start: string, end: string, description: string, url: string} $event */
	public static function ics(array $event, string $stamp): string {
		return self::calendar([$event], $stamp, null);
	}

	/**
	 * @param list<array{uid: string, summary: string, start: string, end: string, description: string, url: string}> $events
	 * @param ?string $name the name calendar applications give a subscription (X-WR-CALNAME)
	 */
	public static function calendar(array $events, string $stamp, ?string $name): string {
		$lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Dégooglisation//Nextcloud//FR'];
		if ($name !== null) {
			$lines[] = 'X-WR-CALNAME:' . self::text($name);
		}
		foreach ($events as $event) {
			array_push($lines,
				'BEGIN:VEVENT',
				'UID:' . self::text($event['uid']),
				'DTSTAMP:' . $stamp,
				'DTSTART;VALUE=DATE:' . str_replace('-', '', $event['start']),
				'DTEND;VALUE=DATE:' . str_replace('-', '', $event['end']),
				'SUMMARY:' . self::text($event['summary']),
				'DESCRIPTION:' . self::text($event['description']),
				'URL:' . $event['url'],
				'TRANSP:TRANSPARENT',
				'END:VEVENT',
			);
		}
		$lines[] = 'END:VCALENDAR';
		return implode("\r\n", array_map([self::class, 'fold'], $lines)) . "\r\n";
	}

	private static function nextDay(string $day): string {
		return (new \DateTimeImmutable($day))->modify('+1 day')->format('Y-m-d');
	}

	private static function text(string $value): string {
		return str_replace(["\\", ';', ',', "\r\n", "\n"], ["\\\\", '\;', '\,', '\n', '\n'], $value);
	}

	/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
	private static function fold(string $line): string {
		$out = '';
		$room = 75;
		while (strlen($line) > $room) {
			$cut = $room;
			while ($cut > 0 && (ord($line[$cut]) & 0xC0) === 0x80) {
				$cut--;
			}
			$out .= substr($line, 0, $cut) . "\r\n ";
			$line = substr($line, $cut);
			// The space that starts a continuation line counts.
			$room = 74;
		}
		return $out . $line;
	}
}
