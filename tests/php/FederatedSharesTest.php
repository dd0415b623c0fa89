<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

use OCA\Degooglisation\Federation\FederatedRoadmaps;
use PHPUnit\Framework\TestCase;

final class FederatedSharesTest extends TestCase {
	private static function share(string $id, string $user, string $remote, string $token, string $path): array {
		return ['key' => 'fed' . $id, 'user' => $user, 'remote' => $remote, 'token' => $token, 'password' => '', 'path' => $path];
	}

	public function testTheSameShareReceivedTwiceIsReadOnceAtItsFirstMount(): void {
		$shares = [
			self::share('1', 'bastien', 'http://127.0.0.1:8083', 'p9Px', '/native-fed'),
			self::share('2', 'bastien', 'http://127.0.0.1:8083', 'p9Px', '/native-fed (2)'),
			self::share('3', 'bastien', 'http://127.0.0.1:8081', 'p9Px', '/other-server'),
			self::share('4', 'denise', 'http://127.0.0.1:8083', 'p9Px', '/native-fed'),
			self::share('5', 'bastien', 'http://127.0.0.1:8083', 'zz99', '/another'),
		];
		$this->assertSame(['fed1', 'fed3', 'fed4', 'fed5'], array_column(FederatedRoadmaps::distinct($shares), 'key'));
	}
}
