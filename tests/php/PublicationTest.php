<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Service\PublicationBadge;
use OCA\Degooglisation\Service\PublicationFeed;
use OCA\Degooglisation\Service\PublicationPage;
use OCA\Degooglisation\Service\PublicationRecord;
use OCA\Degooglisation\Service\PublicationView;
use OCA\Degooglisation\Service\RoadmapReadException;
use PHPUnit\Framework\TestCase;

final class PublicationTest extends TestCase {
	private const NOTHING = ['assignees' => false, 'descriptions' => false, 'checklists' => false, 'links' => false];
	private const EVERYTHING = ['assignees' => true, 'descriptions' => true, 'checklists' => true, 'links' => true];

	/** @return array<string, mixed> */
	private static function roadmap(): array {
		$task = static fn (string $id, string $status, ?string $phase, array $extra = []): array => $extra + [
			'id' => $id, 'title' => "Tâche $id", 'description' => "Description secrète de $id", 'phase' => $phase, 'status' => $status,
			'assignees' => ['alice.martin', 'agent@cloud.mairie-b.fr'], 'start' => null, 'due' => '2027-03-31', 'category' => 'mail',
			'replaces' => [], 'replacements' => [], 'checklist' => [['id' => 'c1', 'text' => 'Appeler Bruno au 06 12 34 56 78', 'done' => true]],
			'links' => [['path' => '/Dégooglisation/Privé/contrat-bruno.odt', 'fileId' => 12, 'label' => 'Contrat de Bruno']], 'dependsOn' => [],
		];
		return [
			'format' => 'degooglisation-roadmap', 'version' => 1, 'title' => 'Feuille de route — Saint-Exemple', 'commune' => 'Saint-Exemple',
			'description' => 'Note interne : budget 12 000 €', 'futureField' => 'secret',
			'categories' => [['id' => 'mail', 'label' => 'Messagerie']],
			'phases' => [
				['id' => 'b', 'order' => 2, 'title' => 'Solutions', 'description' => '', 'start' => '2026-07-01', 'end' => '2027-06-30'],
				['id' => 'a', 'order' => 1, 'title' => 'Structuration', 'description' => '', 'start' => '2026-01-05', 'end' => '2026-06-30'],
			],
			'tasks' => [
				$task('t1', 'done', 'a', ['replaces' => ['Microsoft Exchange'], 'replacements' => ['SOGo']]),
				$task('t2', 'in_progress', 'a', ['replaces' => ['Microsoft Exchange', 'Google Drive'], 'replacements' => ['Thunderbird', 'Nextcloud']]),
				$task('t3', 'dropped', 'b'),
				$task('t4', 'todo', 'b'),
				$task('t5', 'done', 'gone'),
			],
			'indicators' => [['id' => 'linux', 'name' => 'Postes sous Linux', 'unit' => '%', 'target' => 95,
				'measurements' => [['id' => 'm2', 'date' => '2026-09-01', 'value' => 30, 'note' => 'mesuré par alice.martin'], ['id' => 'm1', 'date' => '2026-03-01', 'value' => 12.5, 'note' => '']]]],
		];
	}

	private static function t(string $text, array $parameters): string {
		return vsprintf($text, array_map('strval', $parameters));
	}

	public function testAShownRoadmapKeepsOnlyWhatResidentsMaySee(): void {
		$view = (new PublicationView())->build(self::roadmap(), self::NOTHING);
		$json = json_encode($view, JSON_UNESCAPED_UNICODE);
		foreach (['alice.martin', 'agent@cloud.mairie-b.fr', 'Description secrète', 'Bruno', '06 12 34', 'contrat', 'budget', 'secret'] as $private) {
			$this->assertStringNotContainsString($private, $json, "$private is published");
		}
		$this->assertSame('Saint-Exemple', $view['commune']);
		$this->assertSame(['Structuration', 'Solutions', ''], array_column($view['phases'], 'title'));
		// Dropped tasks do not count; a task of an unknown phase counts in "no phase".
		$this->assertSame(['percent' => 50, 'done' => 1, 'counted' => 2], array_intersect_key($view['phases'][0], ['percent' => 0, 'done' => 0, 'counted' => 0]));
		$this->assertSame([0, 1], [$view['phases'][1]['percent'], $view['phases'][1]['counted']]);
		$this->assertSame(['percent' => 50, 'done' => 2, 'counted' => 4], $view['progress']);
		$this->assertSame([['date' => '2026-03-01', 'value' => 12.5], ['date' => '2026-09-01', 'value' => 30.0]], $view['indicators'][0]['measurements']);
		$this->assertSame([
			['tool' => 'Microsoft Exchange', 'replacements' => ['SOGo', 'Thunderbird', 'Nextcloud'], 'status' => 'in_progress'],
			['tool' => 'Google Drive', 'replacements' => ['Thunderbird', 'Nextcloud'], 'status' => 'in_progress'],
		], $view['replacements']);
	}

	public function testWhatTheOwnerTicksIsShownAndNothingElse(): void {
		$view = (new PublicationView())->build(self::roadmap(), ['assignees' => true] + self::NOTHING);
		$task = $view['phases'][0]['tasks'][0];
		$this->assertSame(['alice.martin', 'agent@cloud.mairie-b.fr'], $task['assignees']);
		$this->assertArrayNotHasKey('description', $task);
		$all = (new PublicationView())->build(self::roadmap(), self::EVERYTHING)['phases'][0]['tasks'][0];
		$this->assertSame('Description secrète de t1', $all['description']);
		$this->assertSame([['text' => 'Appeler Bruno au 06 12 34 56 78', 'done' => true]], $all['checklist']);
		$this->assertSame(['Contrat de Bruno'], $all['links']);
		$this->assertStringNotContainsString('mesuré par', json_encode($all, JSON_UNESCAPED_UNICODE));
	}

	public function testAFileThatIsNotARoadmapIsRefused(): void {
		$this->expectException(RoadmapReadException::class);
		(new PublicationView())->build(['format' => 'something-else'], self::NOTHING);
	}

	public function testThePageSaysWhatIsPublishedAndNamesNoOne(): void {
		$view = (new PublicationView())->build(self::roadmap(), self::NOTHING);
		$html = (new PublicationPage(self::t(...), 'fr'))->html($view, ['page' => 'https://x/p/abc', 'feed' => 'https://x/p/abc/feed.atom', 'badge' => 'https://x/p/abc/badge.svg'], '2027-01-31', 'body{}');
		$this->assertStringNotContainsString('alice.martin', $html);
		$this->assertStringNotContainsString('<script', $html);
		$this->assertStringContainsString('<html lang="fr">', $html);
		$this->assertStringContainsString('Not published: who is in charge of each task, task descriptions, checklists, names of linked documents.', $html);
		$this->assertStringContainsString('This page is published until 31/01/2027.', $html);
		$this->assertStringContainsString('50 % done: 2 of 4 tasks finished.', $html);
		$this->assertStringContainsString('<svg class="chart"', $html);
		$this->assertSame(1, substr_count($html, '<h1>'));
		$shown = (new PublicationPage(self::t(...), 'fr'))->html((new PublicationView())->build(self::roadmap(), self::EVERYTHING), ['page' => 'p', 'feed' => 'f', 'badge' => 'b'], null, '');
		$this->assertStringContainsString('In charge: alice.martin, agent@cloud.mairie-b.fr', $shown);
		$this->assertStringNotContainsString('Not published', $shown);
	}

	public function testTheFeedListsFinishedTasksAndMeasurementsWithoutAuthors(): void {
		$view = (new PublicationView())->build(self::roadmap(), self::NOTHING);
		$change = static fn (string $at, array $ops): string => json_encode(['format' => 'degooglisation-change', 'version' => 1, 'writer' => 'w1', 'seq' => 1, 'author' => 'alice.martin', 'at' => $at, 'ops' => $ops]);
		$feed = new PublicationFeed();
		$finished = $feed->finishedTasks([
			$change('2026-10-01T08:00:00.000Z', [['op' => 'set', 'path' => 'tasks/t1/status', 'value' => 'done']]),
			$change('2026-11-02T09:30:00.000Z', [['op' => 'set', 'path' => 'tasks/t1/status', 'value' => 'done'], ['op' => 'set', 'path' => 'tasks/t2/status', 'value' => 'done']]),
			$change('2026-11-03T09:30:00.000Z', [['op' => 'add', 'path' => 'tasks/t5', 'value' => ['id' => 't5', 'status' => 'done']]]),
			'not json',
		], $view);
		// t2 is in progress now: its old "done" is not news.
		$this->assertSame([['taskId' => 't1', 'title' => 'Tâche t1', 'at' => '2026-11-02T09:30:00Z'], ['taskId' => 't5', 'title' => 'Tâche t5', 'at' => '2026-11-03T09:30:00Z']], $finished);
		$xml = $feed->atom($view, $finished, 'https://x/p/abc', 'https://x/p/abc/feed.atom', '2026-01-01T00:00:00Z', self::t(...));
		$atom = simplexml_load_string($xml);
		$this->assertNotFalse($atom);
		$this->assertSame('2026-11-03T09:30:00Z', (string)$atom->updated);
		$entries = [];
		foreach ($atom->entry as $entry) {
			$entries[] = (string)$entry->title;
		}
		$this->assertSame(['Finished: Tâche t5', 'Finished: Tâche t1', 'Postes sous Linux: 30 % on 2026-09-01', 'Postes sous Linux: 12,5 % on 2026-03-01'], $entries);
		$this->assertStringNotContainsString('alice', $xml);
	}

	public function testTheBadgeShowsTheProgress(): void {
		$svg = (new PublicationBadge())->svg('Dégooglisation', 42, 'Dégooglisation de Saint-Exemple : 42 % fait');
		$this->assertNotFalse(simplexml_load_string($svg));
		$this->assertStringContainsString('>42 %</text>', $svg);
		$this->assertStringContainsString('<title>Dégooglisation de Saint-Exemple : 42 % fait</title>', $svg);
		$this->assertStringContainsString('>—</text>', (new PublicationBadge())->svg('Dégooglisation', null, 'x'));
	}

	public function testARecordKeepsOnlyKnownOptionsAndEndsAfterItsLastDay(): void {
		$this->assertSame(['assignees' => false, 'descriptions' => true, 'checklists' => false, 'links' => false], PublicationRecord::options(['descriptions' => true, 'assignees' => 'yes', 'other' => true]));
		$record = new PublicationRecord(str_repeat('a', 32), 'alice', 42, self::NOTHING, '2027-01-31', '2026-12-01T00:00:00+00:00');
		$this->assertTrue($record->isLive('2027-01-31'));
		$this->assertFalse($record->isLive('2027-02-01'));
		$this->assertEquals($record, PublicationRecord::fromJson($record->toJson()));
		$this->assertNull(PublicationRecord::fromJson('{"token":"x"}'));
		$this->assertFalse(PublicationRecord::validExpiry('2027-02-30'));
		$this->assertTrue(PublicationRecord::validExpiry(null));
	}
}
