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

	/** @param list<array{task: array<string, mixed>, inTitle: bool}> $matches @return list<string> */
	private static function ids(array $matches): array {
		return array_map(static fn (array $m): string => $m['task']['id'], $matches);
	}

	public function testFindsByTitleIgnoringCaseAndAccents(): void {
		$matches = (new TaskIndex())->match($this->index(), 'MESSAGERIE agendas');
		$this->assertSame('solutions-mail', $matches[0]['task']['id']);
		$this->assertTrue($matches[0]['inTitle']);
		$this->assertSame('Solutions', $matches[0]['task']['phase']);
	}

	public function testFindsByAssigneeAndByReplacedTool(): void {
		$index = $this->index();
		$this->assertSame(['solutions-mail'], self::ids((new TaskIndex())->match($index, 'claire')));
		$this->assertContains('solutions-mail', self::ids((new TaskIndex())->match($index, 'exchange')));
	}

	public function testTitleMatchesComeBeforeOtherMatches(): void {
		$matches = (new TaskIndex())->match($this->index(), 'messagerie');
		$flags = array_map(static fn (array $m): bool => $m['inTitle'], $matches);
		$this->assertSame($flags, array_values(array_merge(array_filter($flags), array_filter($flags, static fn (bool $f): bool => !$f))));
		$this->assertGreaterThan(1, count($matches));
	}

	public function testEveryWordMustAppearAndABlankTermFindsNothing(): void {
		$this->assertSame([], (new TaskIndex())->match($this->index(), 'messagerie zzzz'));
		$this->assertSame([], (new TaskIndex())->match($this->index(), '   '));
	}

	public function testFoldsAccents(): void {
		$this->assertSame('echeance depassee', TaskIndex::fold('Échéance DÉPASSÉE'));
	}
}
