<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Change;

use OCA\Degooglisation\Service\RoadmapReadException;

/**
 * Reads a change file (`.degooglisation/change.<writer>.<seq>.json`,
 * docs/file-format.md §3.2): who saved, when, and the field-level operations.
 * Only what the server needs is checked; the app's parser checks every field.
 */
final class ChangeReader {
	public const FORMAT = 'degooglisation-change';
	public const VERSION = 1;
	public const FOLDER = '.degooglisation';
	/** Format 1.0 files only (src/domain/storageFormat.ts): what a `.complete.json` file adds, departments, the server does not use. */
	private const FILE_NAME = '/^change\.[a-z0-9]{4,40}\.\d{6}\.json$/';

	public static function isChangeFileName(string $name): bool {
		return preg_match(self::FILE_NAME, $name) === 1;
	}

	/**
	 * @return array{writer: string, seq: int, author: string, at: string, ops: list<array{op: string, path: string, value: mixed}>}
	 * @throws RoadmapReadException when the text is not a change file this version understands
	 */
	public function read(string $json): array {
		try {
			$data = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
		} catch (\JsonException $e) {
			throw new RoadmapReadException('not valid JSON: ' . $e->getMessage());
		}
		if (!is_array($data) || ($data['format'] ?? null) !== self::FORMAT) {
			throw new RoadmapReadException('not a Dégooglisation change');
		}
		if (($data['version'] ?? null) !== self::VERSION) {
			throw new RoadmapReadException('unsupported version');
		}
		if (!is_string($data['writer'] ?? null) || !is_int($data['seq'] ?? null) || !is_string($data['author'] ?? null) || !is_string($data['at'] ?? null) || !is_array($data['ops'] ?? null)) {
			throw new RoadmapReadException('writer, seq, author, at or ops missing');
		}
		$ops = [];
		foreach ($data['ops'] as $index => $op) {
			if (!is_array($op) || !in_array($op['op'] ?? null, ['set', 'add', 'remove'], true) || !is_string($op['path'] ?? null)) {
				throw new RoadmapReadException("ops[$index]: not an operation");
			}
			$ops[] = ['op' => $op['op'], 'path' => $op['path'], 'value' => $op['value'] ?? null];
		}
		return ['writer' => $data['writer'], 'seq' => $data['seq'], 'author' => $data['author'], 'at' => $data['at'], 'ops' => $ops];
	}
}
