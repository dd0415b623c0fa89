<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Reference;


/**
 * The app's links, as src/router/index.ts makes them: `…/apps/degooglisation/roadmap/<folder>?task=<id>`
 * and the dashboard's `…/apps/degooglisation/?roadmap=<folder>&task=<id>`; and
 * what a roadmap's preview says of its phases. Framework-free.
 */
final class RoadmapLink {
	/**
	 * @param list<string> $appUrls the app's absolute URLs, ending with a slash (with and without index.php)
	 * @return ?array{path: string, taskId: ?string}
	 */
	public static function parse(string $url, array $appUrls): ?array {
		foreach ($appUrls as $app) {
			if (!str_starts_with($url, $app)) {
				continue;
			}
			$rest = substr($url, strlen($app));
			$route = (string)parse_url('/' . $rest, PHP_URL_PATH);
			parse_str((string)parse_url('/' . $rest, PHP_URL_QUERY), $query);
			$task = is_string($query['task'] ?? null) && $query['task'] !== '' ? $query['task'] : null;
			if (str_starts_with($route, '/roadmap/') && strlen($route) > strlen('/roadmap/')) {
				return ['path' => '/' . trim(rawurldecode(substr($route, strlen('/roadmap/'))), '/'), 'taskId' => $task];
			}
			if ($route === '/' && is_string($query['roadmap'] ?? null) && trim($query['roadmap'], '/') !== '') {
				return ['path' => '/' . trim($query['roadmap'], '/'), 'taskId' => $task];
			}
		}
		return null;
	}

	/**
	 * Per phase, in order: how many of its tasks are done among those not dropped.
	 *
	 * @param array{phases: array<string, array{title: string, order: float}>, tasks: list<array{status: string, phase: ?string}>} $roadmap
	 * @return list<array{title: string, done: int, total: int}>
	 */
	public static function phaseProgress(array $roadmap): array {
		$phases = $roadmap['phases'];
		uasort($phases, static fn (array $a, array $b): int => $a['order'] <=> $b['order']);
		$progress = array_map(static fn (array $phase): array => ['title' => $phase['title'], 'done' => 0, 'total' => 0], $phases);
		foreach ($roadmap['tasks'] as $task) {
			if ($task['phase'] === null || !isset($progress[$task['phase']]) || $task['status'] === 'dropped') {
				continue;
			}
			$progress[$task['phase']]['total']++;
			if ($task['status'] === 'done') {
				$progress[$task['phase']]['done']++;
			}
		}
		return array_values($progress);
	}
}
