<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\Files\NotFoundException;

/**
 * Reads a published roadmap through its owner's files, at each request, so
 * the page is always what the roadmap says now: the readable roadmap file
 * (as the dashboard does, lib/Service/AssignedTasks.php) and the change files
 * still in the hidden folder (for the dates tasks were finished).
 */
final class PublicationSource {
	private const STATE_FOLDER = '.degooglisation';
	private const MAX_CHANGE_FILES = 200;
	/** files_sharing's storages, named as strings: that app may be disabled. */
	private const SHARED_STORAGES = ['OCA\\Files_Sharing\\External\\Storage', 'OCA\\Files_Sharing\\SharedStorage'];

	public function __construct(
		private IRootFolder $rootFolder,
	) {
	}

	/**
	 * The roadmap folder at `$path` in the user's files, when the user owns it
	 * (not a folder shared with them, locally or from another server): only
	 * the owner publishes.
	 */
	public function ownFolder(string $userId, string $path): ?Folder {
		try {
			$folder = $this->rootFolder->getUserFolder($userId)->get($path);
		} catch (NotFoundException) {
			return null;
		}
		if (!$folder instanceof Folder || $folder->getOwner()?->getUID() !== $userId) {
			return null;
		}
		foreach (self::SHARED_STORAGES as $storage) {
			if ($folder->getStorage()->instanceOfStorage($storage)) {
				return null;
			}
		}
		return $folder->nodeExists(AssignedTasks::ROADMAP_FILE) ? $folder : null;
	}

	/**
	 * The published roadmap's document and change files, or null when the
	 * folder is gone, no longer the owner's, or holds no readable roadmap.
	 *
	 * @return ?array{document: array<string, mixed>, changes: list<string>}
	 */
	public function read(PublicationRecord $record): ?array {
		try {
			$folder = $this->rootFolder->getUserFolder($record->owner)->getFirstNodeById($record->folderId);
			if (!$folder instanceof Folder || $folder->getOwner()?->getUID() !== $record->owner) {
				return null;
			}
			$file = $folder->get(AssignedTasks::ROADMAP_FILE);
			if (!$file instanceof File || $file->getSize() > AssignedTasks::MAX_BYTES) {
				return null;
			}
			$document = json_decode($file->getContent(), true, 64);
		} catch (\OCP\Files\NotFoundException|\OCP\Files\NotPermittedException|\OCP\Lock\LockedException|\OCP\Files\GenericFileException|\OC\User\NoUserException) {
			return null;
		}
		return is_array($document) ? ['document' => $document, 'changes' => $this->changeTexts($folder)] : null;
	}

	/** @return list<string> the newest change files' text */
	private function changeTexts(Folder $folder): array {
		try {
			$hidden = $folder->get(self::STATE_FOLDER);
		} catch (NotFoundException) {
			return [];
		}
		if (!$hidden instanceof Folder) {
			return [];
		}
		$files = array_filter($hidden->getDirectoryListing(), static fn ($node): bool => $node instanceof File && preg_match('/^change\.[a-z0-9]{4,40}\.\d{6}\.json$/', $node->getName()) === 1);
		usort($files, static fn (File $a, File $b): int => $b->getMTime() <=> $a->getMTime());
		$texts = [];
		foreach (array_slice($files, 0, self::MAX_CHANGE_FILES) as $file) {
			try {
				$texts[] = $file->getContent();
			} catch (\OCP\Files\NotPermittedException|\OCP\Lock\LockedException|\OCP\Files\GenericFileException) {
				// A file being compacted away: its finished tasks are in the next ones or already in readers' feeds.
			}
		}
		return $texts;
	}
}
