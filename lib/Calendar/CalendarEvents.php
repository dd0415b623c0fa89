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
 * end; and each event as an iCalendar object (RFC 5545). Framework-free.
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
		foreach ($this->reader->tasksFor($roadmap, $identities, $today) as $task) {
			if ($task['due'] === null) {
				continue;
			}
			$events[] = [
				'uid' => 'degooglisation-task-' . $roadmapKey . '-' . sha1($task['taskId']),
				'summary' => $task['title'],
				'start' => $task['due'],
				'end' => self::nextDay($task['due']),
				'description' => implode(' · ', array_filter([$where, $task['phaseTitle']], static fn (string $part): bool => $part !== '')),
				'url' => $link . '&task=' . rawurlencode($task['taskId']),
			];
		}
		return $events;
	}

	/** @param array{uid: string, summary: string, start: string, end: string, description: string, url: string} $event */
	public static function ics(array $event, string $stamp): string {
		$lines = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//Dégooglisation//Nextcloud//FR',
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
			'END:VCALENDAR',
		];
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
