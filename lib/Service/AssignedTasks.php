<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCP\Federation\ICloudIdManager;
use OCP\Files\File;
use OCP\ICache;
use OCP\ICacheFactory;

/**
 * The open tasks assigned to a user across the roadmaps they can open, for
 * the dashboard's items API (the mobile apps). Reads the readable roadmap
 * file of each roadmap folder through Nextcloud's file API, so only files the
 * user can read are read.
 *
 * That file is derived from the roadmap's change files (docs/file-format.md):
 * the app rewrites it after every save, so it lags by seconds, and longer
 * only if a writer went offline between its save and that rewrite. For a
 * list of one's tasks on a phone that is acceptable; the web widget reads
 * the roadmap itself.
 *
 * Bounded work: the roadmaps RoadmapFiles::roadmapsOf finds (two folder listings,
 * at most MAX_ROADMAPS files, none from partner servers), none larger than
 * MAX_BYTES, each parsed once per ETag (distributed cache). Roadmaps shared from
 * partner servers are left to the web widget, which reads them from the browser:
 * here they would make the request wait on every partner server, and on a server
 * * that is down for minutes.
 */
final class AssignedTasks {
	/** Kept for the callers that name them here; RoadmapFiles defines them. */
	public const ROADMAP_FILE = RoadmapFiles::ROADMAP_FILE;
	public const MAX_BYTES = RoadmapFiles::MAX_BYTES;
	private const CACHE_TTL = 24 * 3600;

	private ICache $cache;

	public function __construct(
		private RoadmapFiles $roadmapFiles,
		ICacheFactory $cacheFactory,
		private ICloudIdManager $cloudIdManager,
		private RoadmapReader $reader,
	) {
		$this->cache = $cacheFactory->createDistributed('degooglisation-roadmaps');
	}

	/**
	 * @return list<array{taskId: string, title: string, status: string, due: ?string, overdue: bool, phaseId: ?string, phaseTitle: string, roadmapTitle: string, roadmapPath: string}>
	 */
	public function forUser(string $userId, string $today): array {
		$identities = [$userId, $this->cloudIdManager->getCloudId($userId, null)->getId()];
		$rows = [];
		foreach ($this->roadmapFiles->roadmapsOf($userId) as ['path' => $path, 'file' => $file]) {
			$roadmap = $this->readCached($file);
			if ($roadmap === null) {
				continue;
			}
			foreach ($this->reader->tasksFor($roadmap, $identities, $today) as $task) {
				$rows[] = $task + ['roadmapTitle' => $roadmap['title'], 'roadmapPath' => $path];
			}
		}
		// Across roadmaps, the same order as within one.
		usort($rows, static fn (array $a, array $b): int => (($a['overdue'] ? 0 : 1) <=> ($b['overdue'] ? 0 : 1))
			?: strcmp($a['due'] ?? '9999-12-31', $b['due'] ?? '9999-12-31')
			?: strcmp($a['roadmapPath'], $b['roadmapPath'])
			?: strcmp($a['taskId'], $b['taskId']));
		return $rows;
	}

	/** @return ?array{title: string, commune: string, phases: array<string, array{title: string, order: float}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>}>} */
	private function readCached(File $file): ?array {
		$key = $file->getId() . ':' . $file->getEtag();
		$cached = $this->cache->get($key);
		if (is_array($cached)) {
			return $cached;
		}
		$roadmap = $this->roadmapFiles->parse($file);
		if ($roadmap === null) {
			return null;
		}
		$roadmap = self::boundTexts($roadmap);
		$this->cache->set($key, $roadmap, self::CACHE_TTL);
		return $roadmap;
	}

	/**
	 * The titles as the dashboard shows them (DashboardText), so that a hostile file's
	 * megabytes are neither cached nor carried further. Ids, statuses and dates, which
	 * order the tasks, stay as they are.
	 *
	 * @template T of array{title: string, phases: array<string, array{title: string, order: float}>, tasks: list<array{title: string}>}
	 * @param T $roadmap
	 * @return T
	 */
	public static function boundTexts(array $roadmap): array {
		$roadmap['title'] = DashboardText::bound($roadmap['title'], DashboardText::PART_MAX);
		foreach ($roadmap['phases'] as $id => $phase) {
			$roadmap['phases'][$id]['title'] = DashboardText::bound($phase['title'], DashboardText::PART_MAX);
		}
		foreach ($roadmap['tasks'] as $index => $task) {
			$roadmap['tasks'][$index]['title'] = DashboardText::title($task['title']);
		}
		return $roadmap;
	}
}
