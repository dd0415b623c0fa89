<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCP\Federation\ICloudIdManager;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\ICache;
use OCP\ICacheFactory;
use Psr\Log\LoggerInterface;

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
 * Bounded work: two folder listings (the Dégooglisation folder and the top of
 * the user's files, where shares land), at most MAX_ROADMAPS files, none
 * larger than MAX_BYTES, each parsed once per ETag (distributed cache).
 * Roadmaps shared from partner servers are left to the web widget, which
 * reads them from the browser: here they would make the request wait on
 * every partner server, and on a server that is down for minutes.
 */
final class AssignedTasks {
	public const ROADMAPS_FOLDER = 'Dégooglisation';
	public const ROADMAP_FILE = 'roadmap.degooglisation.json';
	public const MAX_ROADMAPS = 50;
	public const MAX_BYTES = 8 * 1024 * 1024;
	private const CACHE_TTL = 24 * 3600;
	/** files_sharing's storage for federated shares, named as a string: that app may be disabled. */
	private const FEDERATED_STORAGE = 'OCA\\Files_Sharing\\External\\Storage';

	private ICache $cache;

	public function __construct(
		private IRootFolder $rootFolder,
		ICacheFactory $cacheFactory,
		private ICloudIdManager $cloudIdManager,
		private RoadmapReader $reader,
		private LoggerInterface $logger,
	) {
		$this->cache = $cacheFactory->createDistributed('degooglisation-roadmaps');
	}

	/**
	 * @return list<array{taskId: string, title: string, status: string, due: ?string, overdue: bool, phaseId: ?string, phaseTitle: string, roadmapTitle: string, roadmapPath: string}>
	 */
	public function forUser(string $userId, string $today): array {
		$identities = [$userId, $this->cloudIdManager->getCloudId($userId, null)->getId()];
		$rows = [];
		foreach ($this->roadmapFiles($userId) as [$path, $file]) {
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

	/** @return list<array{string, File}> path relative to the user's files, and the readable roadmap file */
	private function roadmapFiles(string $userId): array {
		$userFolder = $this->rootFolder->getUserFolder($userId);
		$folders = [];
		try {
			$own = $userFolder->get(self::ROADMAPS_FOLDER);
			if ($own instanceof Folder) {
				$folders = $own->getDirectoryListing();
			}
		} catch (\OCP\Files\NotFoundException) {
		}
		$folders = array_merge($folders, $userFolder->getDirectoryListing());
		$found = [];
		foreach ($folders as $folder) {
			if (count($found) >= self::MAX_ROADMAPS) {
				break;
			}
			if (!$folder instanceof Folder || self::isFederated($folder) || !$folder->isReadable()) {
				continue;
			}
			try {
				$file = $folder->get(self::ROADMAP_FILE);
			} catch (\OCP\Files\NotFoundException|\OCP\Files\NotPermittedException|\OCP\Files\StorageNotAvailableException) {
				continue;
			}
			if ($file instanceof File && $file->isReadable()) {
				$found[] = [(string)$userFolder->getRelativePath($folder->getPath()), $file];
			}
		}
		return $found;
	}

	/**
	 * A share from another server: reading it waits on that server, and one that is
	 * down held the whole dashboard for minutes (bench/measured.md).
	 */
	private static function isFederated(Folder $folder): bool {
		return $folder->getStorage()->instanceOfStorage(self::FEDERATED_STORAGE);
	}

	/** @return ?array{title: string, commune: string, phases: array<string, array{title: string, order: float}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>}>} */
	private function readCached(File $file): ?array {
		$key = $file->getId() . ':' . $file->getEtag();
		$cached = $this->cache->get($key);
		if (is_array($cached)) {
			return $cached;
		}
		if ($file->getSize() > self::MAX_BYTES) {
			$this->logger->debug('Roadmap file larger than the dashboard reads: ' . $file->getPath());
			return null;
		}
		try {
			$roadmap = self::boundTexts($this->reader->read($file->getContent()));
		} catch (RoadmapReadException|\OCP\Files\NotPermittedException|\OCP\Lock\LockedException|\OCP\Files\GenericFileException $e) {
			// A corrupt or busy file is skipped; the app shows what is wrong with it.
			$this->logger->debug('Roadmap file skipped by the dashboard: ' . $file->getPath() . ': ' . $e->getMessage());
			return null;
		}
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
