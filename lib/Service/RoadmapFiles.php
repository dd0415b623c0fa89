<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCP\Files\Config\IUserMountCache;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\ICache;
use OCP\ICacheFactory;
use Psr\Log\LoggerInterface;

/**
 * A roadmap folder as the server sees it: its readable roadmap file, parsed
 * once per file id and ETag (distributed cache), who can read it and where
 * it sits in each reader's files. Every read goes through a user's view or
 * the node an event gave, never around Nextcloud's permissions.
 */
final class RoadmapFiles {
	public const ROADMAPS_FOLDER = 'Dégooglisation';
	public const ROADMAP_FILE = 'roadmap.degooglisation.json';
	public const MAX_ROADMAPS = 50;
	/** files_sharing's storage for federated shares, named as a string: that app may be disabled. */
	private const FEDERATED_STORAGE = 'OCA\\Files_Sharing\\External\\Storage';
	public const MAX_BYTES = 8 * 1024 * 1024;
	private const CACHE_TTL = 24 * 3600;

	private ICache $cache;

	public function __construct(
		private IRootFolder $rootFolder,
		private IUserMountCache $mountCache,
		ICacheFactory $cacheFactory,
		private RoadmapReader $reader,
		private LoggerInterface $logger,
	) {
		// Not the dashboard's namespace: these entries also hold what search and the calendar
		// need; the suffix changes with what RoadmapReader::read keeps.
		$this->cache = $cacheFactory->createDistributed('degooglisation-roadmap-files-2');
	}

	/**
	 * The roadmaps a user can open on this server, where the app looks for
	 * them (the subfolders of /Dégooglisation, the folders at the top of their
	 * files where shares land), at most MAX_ROADMAPS. Shares from partner
	 * servers are left out: reading them waits on the partner (FederatedRoadmaps
	 * reads them in the background).
	 *
	 * @return list<array{path: string, folder: Folder, file: File}> path relative to the user's files
	 */
	public function roadmapsOf(string $userId): array {
		$userFolder = $this->rootFolder->getUserFolder($userId);
		$folders = [];
		try {
			$own = $userFolder->get(self::ROADMAPS_FOLDER);
			if ($own instanceof Folder) {
				$folders = $own->getDirectoryListing();
			}
		} catch (\OCP\Files\NotFoundException) {
		}
		$found = [];
		foreach (array_merge($folders, $userFolder->getDirectoryListing()) as $folder) {
			if (count($found) >= self::MAX_ROADMAPS) {
				break;
			}
			if (!$folder instanceof Folder || $folder->getStorage()->instanceOfStorage(self::FEDERATED_STORAGE) || !$folder->isReadable()) {
				continue;
			}
			try {
				$file = $folder->get(self::ROADMAP_FILE);
			} catch (\OCP\Files\NotFoundException|\OCP\Files\NotPermittedException|\OCP\Files\StorageNotAvailableException) {
				continue;
			}
			if ($file instanceof File && $file->isReadable()) {
				$found[] = ['path' => '/' . trim((string)$userFolder->getRelativePath($folder->getPath()), '/'), 'folder' => $folder, 'file' => $file];
			}
		}
		return $found;
	}

	/** @return ?array{title: string, commune: string, phases: array<string, array{title: string, order: float}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>, description: string, replaces: list<string>, replacements: list<string>}>} */
	public function readRoadmapOf(Folder $folder): ?array {
		try {
			$file = $folder->get(self::ROADMAP_FILE);
		} catch (\OCP\Files\NotFoundException|\OCP\Files\NotPermittedException|\OCP\Files\StorageNotAvailableException) {
			return null;
		}
		return $file instanceof File ? $this->read($file) : null;
	}

	/** @return ?array{title: string, commune: string, phases: array<string, array{title: string, order: float}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>, description: string, replaces: list<string>, replacements: list<string>}>} */
	public function read(File $file): ?array {
		$key = $file->getId() . ':' . $file->getEtag();
		$cached = $this->cache->get($key);
		if (is_array($cached)) {
			return $cached;
		}
		if ($file->getSize() > self::MAX_BYTES || !$file->isReadable()) {
			return null;
		}
		try {
			$roadmap = $this->reader->read($file->getContent());
		} catch (RoadmapReadException|\OCP\Files\NotPermittedException|\OCP\Lock\LockedException|\OCP\Files\GenericFileException $e) {
			// A corrupt or busy file is skipped; the app shows what is wrong with it.
			$this->logger->debug('Roadmap file skipped: ' . $file->getPath() . ': ' . $e->getMessage());
			return null;
		}
		$this->cache->set($key, $roadmap, self::CACHE_TTL);
		return $roadmap;
	}

	/**
	 * The users of this server who have the folder in their files (its owner and
	 * the people it is shared with, directly or through a parent folder), with
	 * its path in their files. Read from the mount cache: a recipient whose files
	 * were never set up since the share is missing until they log in.
	 *
	 * @return array<string, string> user id => folder path relative to their files
	 */
	public function readersOf(int $folderId): array {
		$readers = [];
		foreach ($this->mountCache->getMountsForFileId($folderId) as $mount) {
			$user = $mount->getUser()->getUID();
			$prefix = '/' . $user . '/files';
			$path = $mount->getPath();
			if (!isset($readers[$user]) && str_starts_with($path, $prefix)) {
				$readers[$user] = '/' . trim(substr($path, strlen($prefix)), '/');
			}
		}
		return $readers;
	}

	/** The folder's path in a user's files, or null when they cannot read it. */
	public function pathFor(string $userId, int $folderId): ?string {
		try {
			$userFolder = $this->rootFolder->getUserFolder($userId);
			$node = $userFolder->getFirstNodeById($folderId);
		} catch (\OCP\Files\NotPermittedException|\OC\User\NoUserException) {
			return null;
		}
		if ($node === null || !$node->isReadable()) {
			return null;
		}
		return '/' . trim((string)$userFolder->getRelativePath($node->getPath()), '/');
	}
}
