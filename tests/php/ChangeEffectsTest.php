<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Change\AssignmentNotices;
use OCA\Degooglisation\Change\ChangeEffects;
use OCA\Degooglisation\Change\ChangeReader;
use OCA\Degooglisation\Service\RoadmapReader;
use OCA\Degooglisation\Service\RoadmapReadException;
use PHPUnit\Framework\TestCase;

final class ChangeEffectsTest extends TestCase {
	private const FIXTURES = __DIR__ . '/../fixtures/changes';

	/** @return iterable<string, array{array<string, mixed>}> */
	public static function cases(): iterable {
		$cases = json_decode((string)file_get_contents(self::FIXTURES . '/cases.json'), true, 512, JSON_THROW_ON_ERROR)['cases'];
		foreach ($cases as $case) {
			yield $case['change'] . ' by ' . $case['author'] . ' after ' . $case['before'] => [$case];
		}
	}

	/**
	 * @dataProvider cases
	 * @param array<string, mixed> $case
	 */
	public function testSummarisesTheSaveAndDecidesTheNotifications(array $case): void {
		$change = (new ChangeReader())->read((string)file_get_contents(self::FIXTURES . '/' . $case['change']));
		$before = (new RoadmapReader())->read((string)file_get_contents(self::FIXTURES . '/' . $case['before']));
		$effects = (new ChangeEffects())->of($change, $before);

		$this->assertSame($case['summary'], ChangeEffects::summary($effects));
		$local = array_flip($case['localUsers']);
		$decision = (new AssignmentNotices())->decide($effects, $case['author'], static fn (string $assignee): ?string => isset($local[$assignee]) ? $assignee : null);
		$this->assertSame($case['notify'], $decision['notify']);
		$this->assertSame($case['clear'], $decision['clear']);
	}

	public function testReadsTheAuthorAndTheOperations(): void {
		$change = (new ChangeReader())->read((string)file_get_contents(self::FIXTURES . '/status-done.change.json'));
		$this->assertSame('alice', $change['author']);
		$this->assertSame([['op' => 'set', 'path' => 'tasks/solutions-mail/status', 'value' => 'done']], $change['ops']);
	}

	public function testWithoutTheRoadmapFileEveryAssigneeIsNew(): void {
		$change = (new ChangeReader())->read((string)file_get_contents(self::FIXTURES . '/assign-claire-and-bob.change.json'));
		$effects = (new ChangeEffects())->of($change, null);
		$this->assertSame(['claire', 'bob@http://127.0.0.1:8082'], ChangeEffects::newlyAssigned($effects['tasks'][0]));
		$this->assertSame('solutions-mail', $effects['tasks'][0]['title']);
	}

	public function testAFederatedIdentityIsTheSamePersonWhateverItsSpelling(): void {
		$effect = ['taskId' => 't', 'title' => 't', 'added' => false, 'removed' => false, 'status' => null, 'statusBefore' => 'todo',
			'assigneesBefore' => ['agent@cloud.mairie-b.fr'], 'assigneesAfter' => ['agent@https://Cloud.Mairie-B.fr/'], 'fields' => ['assignees']];
		$this->assertSame([], ChangeEffects::newlyAssigned($effect));
		$this->assertSame([], ChangeEffects::unassigned($effect));
	}

	public function testNoAssignmentNoticeOnAClosedTask(): void {
		$effect = ['taskId' => 't', 'title' => 't', 'added' => false, 'removed' => false, 'status' => null, 'statusBefore' => 'dropped',
			'assigneesBefore' => [], 'assigneesAfter' => ['claire'], 'fields' => ['assignees']];
		$decision = (new AssignmentNotices())->decide(['tasks' => [$effect], 'otherOps' => 0], 'alice', static fn (string $a): string => $a);
		$this->assertSame([], $decision['notify']);
		$this->assertSame([['user' => null, 'taskId' => 't']], $decision['clear']);
	}

	public function testAChangeToTheRoadmapItselfIsOneLine(): void {
		$change = ['ops' => [['op' => 'set', 'path' => 'title', 'value' => 'x'], ['op' => 'set', 'path' => 'phases/solutions/end', 'value' => '2027-12-31']]];
		$summary = ChangeEffects::summary((new ChangeEffects())->of($change, null));
		$this->assertSame('roadmap_changed', $summary['subject']);
	}

	/** @return iterable<string, array{string}> */
	public static function notChanges(): iterable {
		yield 'roadmap' => [(string)file_get_contents(self::FIXTURES . '/saint-exemple.roadmap.json')];
		yield 'future version' => ['{"format": "degooglisation-change", "version": 2, "writer": "abcd", "seq": 1, "author": "a", "at": "", "ops": []}'];
		yield 'bad op' => ['{"format": "degooglisation-change", "version": 1, "writer": "abcd", "seq": 1, "author": "a", "at": "", "ops": [{"op": "move", "path": "tasks/x"}]}'];
		yield 'truncated' => ['{"format": "degooglisation-change", "version": 1, "ops": ['];
	}

	/** @dataProvider notChanges */
	public function testRefusesWhatIsNotAChange(string $json): void {
		$this->expectException(RoadmapReadException::class);
		(new ChangeReader())->read($json);
	}

	public function testRecognisesChangeFileNamesOnly(): void {
		$this->assertTrue(ChangeReader::isChangeFileName('change.k3x9q2m8v1ab.000002.json'));
		$this->assertFalse(ChangeReader::isChangeFileName('snapshot.k3x9q2m8v1ab.000002.json'));
		$this->assertFalse(ChangeReader::isChangeFileName('change.k3x9q2m8v1ab.000002.json.part'));
		$this->assertFalse(ChangeReader::isChangeFileName('roadmap.degooglisation.json'));
	}
}
