<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCA\Degooglisation\AppInfo\Application;
use OCP\IAppConfig;
use OCP\Security\ISecureRandom;

/**
 * Where publications live: the app's configuration, one sensitive, lazily
 * loaded key per publication (`publication_<token>`), outside the roadmap
 * folder, so that no one with write access to the folder (a colleague, a
 * partner commune) can read or change it. A commune publishes one or a few
 * roadmaps; a table would be the place for many more.
 */
final class PublicationStore {
	private const PREFIX = 'publication_';
	private const TOKEN_LENGTH = 32;

	public function __construct(
		private IAppConfig $appConfig,
		private ISecureRandom $random,
	) {
	}

	public function newToken(): string {
		// Lowercase letters and digits: config keys may be compared without case.
		return $this->random->generate(self::TOKEN_LENGTH, ISecureRandom::CHAR_LOWER . ISecureRandom::CHAR_DIGITS);
	}

	public function find(string $token): ?PublicationRecord {
		if (preg_match('/^[a-z0-9]{' . self::TOKEN_LENGTH . '}$/', $token) !== 1) {
			return null;
		}
		$json = $this->appConfig->getValueString(Application::APP_ID, self::PREFIX . $token, '', lazy: true);
		$record = $json === '' ? null : PublicationRecord::fromJson($json);
		return $record !== null && hash_equals($record->token, $token) ? $record : null;
	}

	public function forFolder(string $owner, int $folderId): ?PublicationRecord {
		foreach ($this->appConfig->getKeys(Application::APP_ID) as $key) {
			if (!str_starts_with($key, self::PREFIX)) {
				continue;
			}
			$record = $this->find(substr($key, strlen(self::PREFIX)));
			if ($record !== null && $record->owner === $owner && $record->folderId === $folderId) {
				return $record;
			}
		}
		return null;
	}

	public function save(PublicationRecord $record): void {
		$this->appConfig->setValueString(Application::APP_ID, self::PREFIX . $record->token, $record->toJson(), lazy: true, sensitive: true);
	}

	public function delete(PublicationRecord $record): void {
		$this->appConfig->deleteKey(Application::APP_ID, self::PREFIX . $record->token);
	}
}
