<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

/**
 * A roadmap published for residents: its secret token, who published it (the
 * folder's owner), the folder's file id, what may be shown, and until when.
 * Framework-free: stored as JSON by PublicationStore.
 */
final class PublicationRecord {
	public const OPTIONS = ['assignees', 'descriptions', 'checklists', 'links'];

	/**
	 * @param array{assignees: bool, descriptions: bool, checklists: bool, links: bool} $options
	 */
	public function __construct(
		public readonly string $token,
		public readonly string $owner,
		public readonly int $folderId,
		public readonly array $options,
		/** Last day shown, YYYY-MM-DD, or null for no end. */
		public readonly ?string $expires,
		public readonly string $createdAt,
	) {
	}

	/**
	 * Only the known options, as booleans: anything else is not published.
	 *
	 * @param array<mixed> $input
	 * @return array{assignees: bool, descriptions: bool, checklists: bool, links: bool}
	 */
	public static function options(array $input): array {
		$options = [];
		foreach (self::OPTIONS as $key) {
			$options[$key] = ($input[$key] ?? false) === true;
		}
		/** @var array{assignees: bool, descriptions: bool, checklists: bool, links: bool} $options */
		return $options;
	}

	public static function validExpiry(?string $date): bool {
		return $date === null || (preg_match('/^\d{4}-\d{2}-\d{2}$/', $date) === 1 && checkdate((int)substr($date, 5, 2), (int)substr($date, 8, 2), (int)substr($date, 0, 4)));
	}

	/** Shown up to and including its last day. */
	public function isLive(string $today): bool {
		return $this->expires === null || strcmp($today, $this->expires) <= 0;
	}

	public function toJson(): string {
		return json_encode([
			'token' => $this->token,
			'owner' => $this->owner,
			'folderId' => $this->folderId,
			'options' => $this->options,
			'expires' => $this->expires,
			'createdAt' => $this->createdAt,
		], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
	}

	public static function fromJson(string $json): ?self {
		$data = json_decode($json, true);
		if (!is_array($data) || !is_string($data['token'] ?? null) || !is_string($data['owner'] ?? null) || !is_int($data['folderId'] ?? null)
			|| !is_array($data['options'] ?? null) || !self::validExpiry($data['expires'] ?? null) || !is_string($data['createdAt'] ?? null)) {
			return null;
		}
		return new self($data['token'], $data['owner'], $data['folderId'], self::options($data['options']), $data['expires'] ?? null, $data['createdAt']);
	}

	/** @return array{token: string, options: array{assignees: bool, descriptions: bool, checklists: bool, links: bool}, expires: ?string, createdAt: string} what the owner's app is told */
	public function forOwner(): array {
		return ['token' => $this->token, 'options' => $this->options, 'expires' => $this->expires, 'createdAt' => $this->createdAt];
	}
}
