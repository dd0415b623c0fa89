<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Reference\RoadmapLink;
use OCA\Degooglisation\Service\RoadmapReader;
use PHPUnit\Framework\TestCase;

final class RoadmapLinkTest extends TestCase {
	private const APP = ['https://cloud.mairie.fr/index.php/apps/degooglisation/', 'https://cloud.mairie.fr/apps/degooglisation/'];

	public function testReadsTheAppsRoadmapAndTaskLinks(): void {
		$this->assertSame(['path' => '/Dégooglisation/Saint-Exemple', 'taskId' => 'solutions-mail'],
			RoadmapLink::parse('https://cloud.mairie.fr/index.php/apps/degooglisation/roadmap/D%C3%A9googlisation/Saint-Exemple?view=board&task=solutions-mail', self::APP));
		$this->assertSame(['path' => '/Dégooglisation/Saint-Exemple', 'taskId' => null],
			RoadmapLink::parse('https://cloud.mairie.fr/apps/degooglisation/roadmap/D%C3%A9googlisation/Saint-Exemple', self::APP));
		$this->assertSame(['path' => '/Partagé/Val', 'taskId' => 't 1'],
			RoadmapLink::parse('https://cloud.mairie.fr/index.php/apps/degooglisation/?roadmap=%2FPartag%C3%A9%2FVal&task=t%201', self::APP));
	}

	public function testIgnoresOtherLinks(): void {
		$this->assertNull(RoadmapLink::parse('https://cloud.mairie.fr/index.php/apps/degooglisation/', self::APP));
		$this->assertNull(RoadmapLink::parse('https://cloud.mairie.fr/index.php/apps/degooglisation/partners', self::APP));
		$this->assertNull(RoadmapLink::parse('https://cloud.mairie.fr/index.php/apps/deck/board/1', self::APP));
		$this->assertNull(RoadmapLink::parse('https://other.fr/index.php/apps/degooglisation/roadmap/x', self::APP));
	}

	public function testCountsDoneTasksPerPhaseLeavingDroppedOnesOut(): void {
		$roadmap = (new RoadmapReader())->read((string)file_get_contents(__DIR__ . '/../fixtures/changes/saint-exemple-assigned.roadmap.json'));
		$roadmap['tasks'][0]['status'] = 'done';
		$roadmap['tasks'][1]['status'] = 'dropped';
		$progress = RoadmapLink::phaseProgress($roadmap);
		$this->assertSame('Structuration', $progress[0]['title']);
		$this->assertCount(6, $progress);
		$total = array_sum(array_column($progress, 'total'));
		$this->assertSame(count($roadmap['tasks']) - 1, $total);
		$this->assertSame(1, array_sum(array_column($progress, 'done')));
	}
}
