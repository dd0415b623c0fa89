<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

/**
 * Texts of the dashboard items, bounded to what a dashboard line shows: a
 * roadmap file is any file in the user's folder, and the reader lets titles of
 * up to 1,000 characters through, as the app does, four times what a line shows.
 * The dashboard and the mobile apps show a title and a subtitle on one line
 * each, cut with an ellipsis. As Nextcloud bounds its own texts: characters,
 * not bytes (mb_ functions, never cutting a character in two), a title as long
 * as a Deck card title (255 characters, which Deck's widgets show whole), a
 * part of the subtitle as long as a status message (80 characters, the
 * subtitle of the user status widget), whitespace folded into single spaces.
 * Framework-free, so that it is tested without a Nextcloud server.
 */
final class DashboardText {
	public const TITLE_MAX = 255;
	public const PART_MAX = 80;
	public const SUBTITLE_MAX = 255;
	private const ELLIPSIS = '…';
	private const SEPARATOR = ' · ';

	/** At most `$max` characters, the last of them an ellipsis when cut; whitespace folded. */
	public static function bound(string $text, int $max): string {
		// Only the start is ever shown: fold and measure a slice, not megabytes.
		$head = mb_substr($text, 0, $max * 4 + 1, 'UTF-8');
		$cut = mb_strlen($head, 'UTF-8') > $max * 4;
		$folded = trim(preg_replace('/[\s\x{0}-\x{1f}\x{7f}]+/u', ' ', $head) ?? '');
		if (!$cut && mb_strlen($folded, 'UTF-8') <= $max) {
			return $folded;
		}
		return rtrim(mb_substr($folded, 0, $max - 1, 'UTF-8')) . self::ELLIPSIS;
	}

	public static function title(string $title): string {
		return self::bound($title, self::TITLE_MAX);
	}

	/** "Roadmap · Phase · due 2026-11-30", each part bounded, empty parts left out. */
	public static function subtitle(string $roadmapTitle, string $phaseTitle, string $when): string {
		$parts = array_filter([self::bound($roadmapTitle, self::PART_MAX), self::bound($phaseTitle, self::PART_MAX), self::bound($when, self::PART_MAX)], static fn (string $part): bool => $part !== '');
		return self::bound(implode(self::SEPARATOR, $parts), self::SUBTITLE_MAX);
	}
}
