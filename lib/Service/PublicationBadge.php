<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

/**
 * The small progress badge a commune puts on its website: "Dégooglisation |
 * 42 %", a static SVG with a title for screen readers. Dark text on light
 * fills (contrast above 7:1). Framework-free.
 */
final class PublicationBadge {
	public function svg(string $label, ?int $percent, string $accessibleText): string {
		$value = $percent === null ? '—' : $percent . ' %';
		$e = static fn (string $s): string => htmlspecialchars($s, ENT_XML1 | ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
		// About 7 px per character at 11 px: wide enough for the text, without measuring it.
		$left = 12 + 7 * mb_strlen($label);
		$right = 12 + 7 * mb_strlen($value);
		$width = $left + $right;
		$bar = $percent === null ? 0 : (int)round($right * max(0, min(100, $percent)) / 100);
		return '<svg xmlns="http://www.w3.org/2000/svg" width="' . $width . '" height="20" role="img" aria-label="' . $e($accessibleText) . '">'
			. '<title>' . $e($accessibleText) . '</title>'
			. '<rect width="' . $left . '" height="20" fill="#e8e8e8"/>'
			. '<rect x="' . $left . '" width="' . $right . '" height="20" fill="#ffffff" stroke="#1a5f2a"/>'
			. '<rect x="' . $left . '" y="16" width="' . $bar . '" height="4" fill="#1a5f2a"/>'
			. '<g font-family="DejaVu Sans,Verdana,sans-serif" font-size="11" fill="#111111">'
			. '<text x="6" y="14">' . $e($label) . '</text>'
			. '<text x="' . ($left + 6) . '" y="14">' . $e($value) . '</text>'
			. '</g></svg>' . "\n";
	}
}
