<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Time spent inside the server by the app's search provider and by its change
 * handler, without HTTP and Nextcloud's request start-up, which on a busy
 * machine drown them. Run on the server, as the web server's user, with the
 * app installed:
 *   php bench/search-server.php <nextcloud dir> <user> search <term>
 *   php bench/search-server.php <nextcloud dir> <user> change <roadmap folder>
 * Prints the median, the fastest and the slowest of 21 runs after a first
 * (cold) one.
 */

use OCA\Degooglisation\Change\ChangeReader;
use OCA\Degooglisation\Search\TaskSearchProvider;
use OCA\Degooglisation\Service\ChangeHandler;
use OCP\Files\File;
use OCP\Files\IRootFolder;
use OCP\IUserManager;
use OCP\IUserSession;
use OCP\Search\ISearchQuery;
use OCP\Server;

[$script, $root, $userId, $what, $argument] = $argv + [null, null, null, null, null];
if ($argument === null || !in_array($what, ['search', 'change'], true)) {
	fwrite(STDERR, "usage: php $script <nextcloud dir> <user> search <term> | change <roadmap folder>\n");
	exit(1);
}
require $root . '/lib/base.php';
// Nextcloud buffers output from here on; this script writes to the terminal.
while (ob_get_level() > 0) {
	ob_end_flush();
}
ini_set('display_errors', 'stderr');
// The installed app's classes (Nextcloud registers them only for the apps a request loads).
spl_autoload_register(static function (string $class) use ($root): void {
	$prefix = 'OCA\\Degooglisation\\';
	if (str_starts_with($class, $prefix)) {
		require $root . '/apps/degooglisation/lib/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
	}
});
$user = Server::get(IUserManager::class)->get($userId);
Server::get(IUserSession::class)->setUser($user);

if ($what === 'search') {
	$provider = Server::get(TaskSearchProvider::class);
	$query = new class($argument) implements ISearchQuery {
		public function __construct(private string $term) {
		}
		public function getTerm(): string {
			return $this->term;
		}
		public function getFilter(string $name): ?\OCP\Search\IFilter {
			return null;
		}
		public function getFilters(): \OCP\Search\IFilterCollection {
			throw new \LogicException('not used');
		}
		public function getSortOrder(): int {
			return ISearchQuery::SORT_DATE_DESC;
		}
		public function getLimit(): int {
			return 5;
		}
		public function getCursor(): int|string|null {
			return null;
		}
		public function getRoute(): string {
			return '';
		}
		public function getRouteParameters(): array {
			return [];
		}
	};
	$run = static function () use ($provider, $user, $query): string {
		return count($provider->search($user, $query)->jsonSerialize()['entries']) . ' results';
	};
} else {
	$folder = Server::get(IRootFolder::class)->getUserFolder($userId)->get(ltrim($argument, '/'));
	$changes = array_values(array_filter($folder->get(ChangeReader::FOLDER)->getDirectoryListing(),
		static fn ($node): bool => $node instanceof File && ChangeReader::isChangeFileName($node->getName())));
	$handler = Server::get(ChangeHandler::class);
	$run = static function () use ($handler, $changes): string {
		$handler->handle($changes[count($changes) - 1]);
		return 'one change handled';
	};
}

$start = hrtime(true);
$said = $run();
printf("%s, cold: %.1f ms\n", $said, (hrtime(true) - $start) / 1e6);
$times = [];
for ($i = 0; $i < 21; $i++) {
	$start = hrtime(true);
	$run();
	$times[] = (hrtime(true) - $start) / 1e6;
}
sort($times);
printf("%s, warm: median %.1f ms (fastest %.1f, slowest %.1f)\n", $what, $times[10], $times[0], $times[20]);
