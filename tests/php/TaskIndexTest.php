<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Search\TaskIndex;
use OCA\Degooglisation\Service\RoadmapReader;
use PHPUnit\Framework\TestCase;

final class TaskIndexTest extends TestCase {
	/** @return array<string, mixed> */
	private function index(): array {
		$roadmap = (new RoadmapReader())->read((string)file_get_contents(__DIR__ . '/../fixtures/changes/saint-exemple-assigned.roadmap.json'));
		return (new TaskIndex())->build($roadmap);
	}

	/**
	 * @param array{inTitle: list<int>, elsewhere: list<int>} $matches
	 * @return list<string> the ids of the tasks found, those found by title first
	 */
	private function ids(array $matches): array {
		$index = $this->index();
		return array_map(fn (int $position): string => (new TaskIndex())->task($index, $position)['id'], [...$matches['inTitle'], ...$matches['elsewhere']]);
	}

	public function testFindsByTitleIgnoringCaseAndAccents(): void {
		$index = $this->index();
		$matches = (new TaskIndex())->match($index, 'MESSAGERIE agendas');
		$this->assertCount(1, $matches['inTitle']);
		$this->assertSame(['id' => 'solutions-mail', 'title' => 'Migrer la messagerie et les agendas', 'status' => 'todo', 'phase' => 'Solutions', 'due' => null],
			(new TaskIndex())->task($index, $matches['inTitle'][0]));
	}

	public function testFindsByAssigneeAndByReplacedTool(): void {
		$index = $this->index();
		$this->assertSame(['solutions-mail'], $this->ids((new TaskIndex())->match($index, 'claire')));
		$this->assertContains('solutions-mail', $this->ids((new TaskIndex())->match($index, 'exchange')));
	}

	public function testTitleMatchesAreToldApartFromOtherMatches(): void {
		$matches = (new TaskIndex())->match($this->index(), 'messagerie');
		$this->assertNotEmpty($matches['inTitle']);
		$this->assertNotEmpty($matches['elsewhere']);
		$this->assertSame([], array_intersect($matches['inTitle'], $matches['elsewhere']));
	}

	public function testEveryWordMustAppearAndABlankTermFindsNothing(): void {
		$none = ['inTitle' => [], 'elsewhere' => []];
		$this->assertSame($none, (new TaskIndex())->match($this->index(), 'messagerie zzzz'));
		$this->assertSame($none, (new TaskIndex())->match($this->index(), '   '));
	}

	public function testAWordAtTheEdgeOfTwoTasksBelongsToEach(): void {
		$roadmap = ['title' => 't', 'commune' => 'c', 'phases' => [], 'tasks' => [
			['id' => 'a', 'title' => 'Zoom', 'status' => 'todo', 'phase' => null, 'due' => null, 'assignees' => [], 'description' => 'x'],
			['id' => 'b', 'title' => 'Autre', 'status' => 'todo', 'phase' => null, 'due' => '2027-01-01', 'assignees' => ['zoom']],
			['id' => 'c', 'title' => 'zoom zoom', 'status' => 'done', 'phase' => null, 'due' => null, 'assignees' => []],
		]];
		$index = (new TaskIndex())->build($roadmap);
		$this->assertSame(['inTitle' => [0, 2], 'elsewhere' => [1]], (new TaskIndex())->match($index, 'zoom'));
		$this->assertSame('2027-01-01', (new TaskIndex())->task($index, 1)['due']);
		$this->assertSame(['inTitle' => [], 'elsewhere' => []], (new TaskIndex())->match($index, 'zoom autre x'));
	}

	public function testFoldsAccents(): void {
		$this->assertSame('echeance depassee', TaskIndex::fold('Échéance DÉPASSÉE'));
	}
}
