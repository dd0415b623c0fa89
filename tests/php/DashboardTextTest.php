<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Service\AssignedTasks;
use OCA\Degooglisation\Service\DashboardText;
use OCA\Degooglisation\Service\RoadmapReader;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/../fixtures/dashboard/recipe.php';

final class DashboardTextTest extends TestCase {
	private const RECIPE = __DIR__ . '/../fixtures/dashboard/long-titles.recipe.json';

	public function testBoundsTheLongestTitlesARoadmapMayHoldToWhatADashboardLineShows(): void {
		$json = RoadmapRecipe::build(self::RECIPE, 'longest');
		$roadmap = AssignedTasks::boundTexts((new RoadmapReader())->read($json));
		$tasks = (new RoadmapReader())->tasksFor($roadmap, ['agent'], '2026-11-22');
		$this->assertSame(['huge-title', 'short-title'], array_column($tasks, 'taskId'));

		$title = DashboardText::title($tasks[0]['title']);
		$this->assertSame(DashboardText::TITLE_MAX, mb_strlen($title, 'UTF-8'));
		$this->assertTrue(mb_check_encoding($title, 'UTF-8'), 'a character cut in two');
		$this->assertStringStartsWith('Tâche piégée 🚧 Tâche piégée 🚧 ', $title);
		$this->assertStringEndsWith('…', $title);
		$this->assertSame('Courte', DashboardText::title($tasks[1]['title']));

		$subtitle = DashboardText::subtitle($roadmap['title'], $tasks[0]['phaseTitle'], 'overdue since 2026-11-01');
		$this->assertLessThanOrEqual(DashboardText::SUBTITLE_MAX, mb_strlen($subtitle, 'UTF-8'));
		$this->assertMatchesRegularExpression('/^Feuille de route à rallonge — .*… · Phase sans fin .*… · overdue since 2026-11-01$/u', $subtitle);
	}

	public function testLeavesTextsThatFitAsTheyAre(): void {
		$this->assertSame('Sans phase <b>ni</b> « échéance »', DashboardText::title('Sans phase <b>ni</b> « échéance »'));
		$this->assertSame(str_repeat('é', 255), DashboardText::title(str_repeat('é', 255)));
		$this->assertSame(str_repeat('é', 254) . '…', DashboardText::title(str_repeat('é', 256)));
		$this->assertSame('Contrat tableau de bord · Solutions · overdue since 2020-01-01', DashboardText::subtitle('Contrat tableau de bord', 'Solutions', 'overdue since 2020-01-01'));
		$this->assertSame('Sans phase · due 2026-12-01', DashboardText::subtitle('Sans phase', '', 'due 2026-12-01'));
	}

	/** The reader refuses such a title; anything else that reaches a dashboard line is bounded alike. */
	public function testBoundsAFiveMegabyteText(): void {
		$huge = RoadmapRecipe::repeatTo('Tâche piégée 🚧 ', 4_000_000);
		$this->assertGreaterThan(5 * 1024 * 1024, strlen($huge));
		$title = DashboardText::title($huge);
		$this->assertSame(DashboardText::TITLE_MAX, mb_strlen($title, 'UTF-8'));
		$this->assertTrue(mb_check_encoding($title, 'UTF-8'), 'a character cut in two');
		$this->assertStringStartsWith('Tâche piégée 🚧 ', $title);
		$this->assertStringEndsWith('…', $title);
	}

	public function testCutsBetweenCharactersNeverInsideOne(): void {
		$emoji = str_repeat('🚧', 300);
		$this->assertSame(str_repeat('🚧', 254) . '…', DashboardText::title($emoji));
		$this->assertSame(str_repeat('a', 79) . '…', DashboardText::bound(str_repeat('a', 81), 80));
	}

	public function testFoldsLineBreaksAndControlCharactersIntoSpaces(): void {
		$this->assertSame('Migrer la messagerie', DashboardText::title("  Migrer\n\tla\r\n messagerie\x07 "));
		$this->assertSame(str_repeat('x ', 126) . 'x…', DashboardText::title(str_repeat("x\n", 10_000)));
	}
}
