<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Service\RoadmapReader;
use OCA\Degooglisation\Service\RoadmapReadException;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/../fixtures/dashboard/recipe.php';

final class RoadmapReaderTest extends TestCase {
	private const FIXTURES = __DIR__ . '/../fixtures/dashboard';

	/** @return iterable<string, array{array<string, mixed>}> */
	public static function sharedCases(): iterable {
		$cases = json_decode((string)file_get_contents(self::FIXTURES . '/cases.json'), true, 512, JSON_THROW_ON_ERROR)['cases'];
		foreach ($cases as $case) {
			yield $case['roadmap'] . (isset($case['size']) ? " ({$case['size']})" : '') . ' for ' . implode(' + ', $case['identities']) => [$case];
		}
	}

	/**
	 * @dataProvider sharedCases
	 * @param array<string, mixed> $case
	 */
	public function testListsTheSameTasksAsTheTypeScriptCore(array $case): void {
		$reader = new RoadmapReader();
		$path = self::FIXTURES . '/' . $case['roadmap'];
		$json = isset($case['size']) ? RoadmapRecipe::build($path, $case['size']) : (string)file_get_contents($path);
		if (isset($case['refused'])) {
			$this->expectException(RoadmapReadException::class);
			$this->expectExceptionMessageMatches('/^' . preg_quote($case['refused'], '/') . '$/');
		}
		$roadmap = $reader->read($json);
		$tasks = $reader->tasksFor($roadmap, $case['identities'], $case['today']);
		if (isset($case['expected'])) {
			$this->assertSame($case['expected'], $tasks);
		} else {
			$this->assertSame($case['expectedIds'], array_column($tasks, 'taskId'));
		}
	}

	/** @return iterable<string, array{string}> */
	public static function brokenFiles(): iterable {
		yield 'truncated' => ['{"format": "degooglisation-roadmap", "version": 1, "tasks": ['];
		yield 'other format' => ['{"format": "deck-board", "version": 1, "tasks": [], "phases": []}'];
		yield 'future version' => ['{"format": "degooglisation-roadmap", "version": 2, "tasks": [], "phases": []}'];
		yield 'task not an object' => ['{"format": "degooglisation-roadmap", "version": 1, "tasks": [42], "phases": []}'];
		yield 'too deep' => ['{"format": "degooglisation-roadmap", "version": 1, "tasks": ' . str_repeat('[', 100) . str_repeat(']', 100) . ', "phases": []}'];
		yield 'invalid UTF-8' => ["{\"format\": \"degooglisation-roadmap\", \"title\": \"\xff\xfe\"}"];
	}

	/** @dataProvider brokenFiles */
	public function testRefusesWhatIsNotARoadmap(string $json): void {
		$this->expectException(RoadmapReadException::class);
		(new RoadmapReader())->read($json);
	}

	public function testCountsTitlesAsTheAppsParserDoesACharacterBeyondUFFFFAsTwo(): void {
		$roadmap = static fn (string $title): string => json_encode(['format' => 'degooglisation-roadmap', 'version' => 1, 'title' => $title, 'phases' => [], 'tasks' => []], JSON_THROW_ON_ERROR);
		$reader = new RoadmapReader();
		$this->assertSame(str_repeat('é', 998) . '🚧', $reader->read($roadmap(str_repeat('é', 998) . '🚧'))['title']);
		$this->expectExceptionMessage('title: longer than 1000 characters');
		$reader->read($roadmap(str_repeat('é', 999) . '🚧'));
	}

	public function testComparesIdsAsTextLikeJavaScript(): void {
		$reader = new RoadmapReader();
		$roadmap = ['phases' => [], 'tasks' => [
			['id' => '45', 'title' => 'a', 'status' => 'todo', 'due' => null, 'phase' => null, 'assignees' => ['agent']],
			['id' => '123', 'title' => 'b', 'status' => 'todo', 'due' => null, 'phase' => null, 'assignees' => ['agent']],
		]];
		$this->assertSame(['123', '45'], array_column($reader->tasksFor($roadmap, ['agent'], '2026-11-22'), 'taskId'));
	}
}
