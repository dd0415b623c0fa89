<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

// The app's classes, without Nextcloud: only framework-free code is tested here.
spl_autoload_register(static function (string $class): void {
	$prefix = 'OCA\\Degooglisation\\';
	if (str_starts_with($class, $prefix)) {
		require __DIR__ . '/../../lib/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
	}
});
