<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Calendar\CalendarEvents;
use OCA\Degooglisation\Service\RoadmapReader;
use PHPUnit\Framework\TestCase;

final class CalendarEventsTest extends TestCase {
	/** @return list<array<string, string>> */
	private function events(): array {
		$reader = new RoadmapReader();
		$roadmap = $reader->read((string)file_get_contents(__DIR__ . '/../fixtures/changes/saint-exemple-assigned.roadmap.json'));
		foreach ($roadmap['tasks'] as &$task) {
			if ($task['id'] === 'solutions-mail') {
				$task['due'] = '2027-03-31';
			}
		}
		return (new CalendarEvents($reader))->of($roadmap, '42', ['claire'], '2027-01-10', 'https://cloud/apps/degooglisation/?roadmap=%2FSaint-Exemple');
	}

	public function testDatedPhasesAndTheDueDatesOfTheOpenTasksAssignedToThePerson(): void {
		$events = $this->events();
		$phases = array_values(array_filter($events, static fn (array $e): bool => str_contains($e['uid'], '-phase-')));
		$tasks = array_values(array_filter($events, static fn (array $e): bool => str_contains($e['uid'], '-task-')));
		$this->assertCount(6, $phases);
		$this->assertSame('Saint-Exemple : Structuration', $phases[0]['summary']);
		$this->assertSame('2027-01-04', $phases[0]['start']);
		$this->assertCount(1, $tasks);
		$this->assertSame(['Migrer la messagerie et les agendas', '2027-03-31', '2027-04-01'], [$tasks[0]['summary'], $tasks[0]['start'], $tasks[0]['end']]);
		$this->assertStringEndsWith('&task=solutions-mail', $tasks[0]['url']);
	}

	public function testWritesAnAllDayEventEscapedAndFolded(): void {
		$ics = CalendarEvents::ics(['uid' => 'u1', 'summary' => 'Migrer; la messagerie, vite', 'start' => '2027-03-31', 'end' => '2027-04-01',
			'description' => str_repeat('é', 100), 'url' => 'https://cloud/x'], '20270101T000000Z');
		$this->assertStringContainsString("DTSTART;VALUE=DATE:20270331\r\nDTEND;VALUE=DATE:20270401\r\n", $ics);
		$this->assertStringContainsString('SUMMARY:Migrer\; la messagerie\, vite', $ics);
		foreach (explode("\r\n", $ics) as $line) {
			$this->assertLessThanOrEqual(75, strlen($line));
			$this->assertTrue(mb_check_encoding($line, 'UTF-8'));
		}
	}

	public function testARoadmapsCalendarHoldsItsPhasesAndTheDueDatesOfAllItsOpenTasks(): void {
		$reader = new RoadmapReader();
		$roadmap = $reader->read((string)file_get_contents(__DIR__ . '/../fixtures/changes/saint-exemple-assigned.roadmap.json'));
		$dated = [];
		foreach ($roadmap['tasks'] as $index => &$task) {
			$task['due'] = '2027-02-' . sprintf('%02d', 1 + $index % 28);
			$task['status'] = $index === 0 ? 'done' : ($index === 1 ? 'dropped' : $task['status']);
			if (!in_array($task['status'], ['done', 'dropped'], true)) {
				$dated[] = $task['id'];
			}
		}
		unset($task);
		$events = (new CalendarEvents($reader))->ofRoadmap($roadmap, '42', 'https://cloud/apps/degooglisation/?roadmap=%2FSaint-Exemple');
		$tasks = array_values(array_filter($events, static fn (array $e): bool => str_contains($e['uid'], '-task-')));
		$this->assertNotEmpty($dated);
		$this->assertCount(count($dated), $tasks, 'every open task with a due date, whoever it is assigned to; none done or dropped');
		$this->assertCount(6, array_filter($events, static fn (array $e): bool => str_contains($e['uid'], '-phase-')));
		$ids = array_map(static fn (array $e): string => substr($e['url'], strrpos($e['url'], '=') + 1), $tasks);
		$this->assertEqualsCanonicalizing(array_map('rawurlencode', $dated), $ids);
	}

	public function testASubscriptionIsOneCalendarOfEveryEventWithItsName(): void {
		$event = ['uid' => 'u1', 'summary' => 'Phase', 'start' => '2027-03-01', 'end' => '2027-04-01', 'description' => 'd', 'url' => 'https://cloud/x'];
		$ics = CalendarEvents::calendar([$event, ['uid' => 'u2'] + $event], '20270101T000000Z', 'Saint-Exemple, feuille de route');
		$this->assertStringStartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dégooglisation//Nextcloud//FR\r\nX-WR-CALNAME:Saint-Exemple\, feuille de route\r\n", $ics);
		$this->assertSame(2, substr_count($ics, "BEGIN:VEVENT\r\n"));
		$this->assertSame(1, substr_count($ics, 'BEGIN:VCALENDAR'));
		$this->assertStringEndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", $ics);
		$this->assertStringNotContainsString('X-WR-CALNAME', CalendarEvents::ics($event, '20270101T000000Z'));
	}
}
