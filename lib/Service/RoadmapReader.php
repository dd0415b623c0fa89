<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

/**
 * Reads a roadmap document (roadmap.degooglisation.json) and lists the open
 * tasks assigned to a person, exactly as src/domain/myTasks.ts does: the
 * fixtures in tests/fixtures/dashboard/ hold both to the same answers.
 * It refuses a title longer than the app's parser allows, as the app does
 * (docs/file-format.md § 3.1), so that the dashboard lists the tasks of no
 * roadmap the app cannot open.
 * Framework-free, so that it is tested without a Nextcloud server.
 */
final class RoadmapReader {
	public const FORMAT = 'degooglisation-roadmap';
	public const VERSION = 1;
	public const OPEN_STATUSES = ['todo', 'in_progress', 'blocked'];
	/** In UTF-16 code units, as the app's parser (JavaScript) counts a string's length. */
	public const MAX_TITLE = 1000;

	/**
	 * @return array{title: string, commune: string, phases: array<string, array{title: string, order: float, start: ?string, end: ?string}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>, description: string, replaces: list<string>, replacements: list<string>}>}
	 * @throws RoadmapReadException when the text is not a roadmap this version understands
	 */
	public function read(string $json): array {
		try {
			$data = json_decode($json, true, 64, JSON_THROW_ON_ERROR);
		} catch (\JsonException $e) {
			throw new RoadmapReadException('not valid JSON: ' . $e->getMessage());
		}
		if (!is_array($data) || ($data['format'] ?? null) !== self::FORMAT) {
			throw new RoadmapReadException('not a Dégooglisation roadmap');
		}
		if (($data['version'] ?? null) !== self::VERSION) {
			throw new RoadmapReadException('unsupported version');
		}
		if (!is_array($data['tasks'] ?? null) || !is_array($data['phases'] ?? null)) {
			throw new RoadmapReadException('tasks or phases missing');
		}
		self::checkTitle($data['title'] ?? null, 'title');
		foreach ($data['phases'] as $index => $phase) {
			self::checkTitle(is_array($phase) ? $phase['title'] ?? null : null, "phases[$index].title");
		}
		$phases = [];
		foreach ($data['phases'] as $phase) {
			if (is_array($phase) && is_string($phase['id'] ?? null) && is_string($phase['title'] ?? null) && is_numeric($phase['order'] ?? null)) {
				$phases[$phase['id']] = ['title' => $phase['title'], 'order' => (float)$phase['order'], 'start' => self::date($phase['start'] ?? null), 'end' => self::date($phase['end'] ?? null)];
			}
		}
		$tasks = [];
		foreach ($data['tasks'] as $index => $task) {
			if (!is_array($task) || !is_string($task['id'] ?? null) || !is_string($task['title'] ?? null) || !is_string($task['status'] ?? null) || !is_array($task['assignees'] ?? null)) {
				throw new RoadmapReadException("tasks[$index]: not a task");
			}
			self::checkTitle($task['title'], "tasks[$index].title");
			$due = $task['due'] ?? null;
			$phase = $task['phase'] ?? null;
			$tasks[] = [
				'id' => $task['id'],
				'title' => $task['title'],
				'status' => $task['status'],
				'due' => self::date($due),
				'phase' => is_string($phase) ? $phase : null,
				'assignees' => array_values(array_filter($task['assignees'], 'is_string')),
				'description' => is_string($task['description'] ?? null) ? $task['description'] : '',
				'replaces' => is_array($task['replaces'] ?? null) ? array_values(array_filter($task['replaces'], 'is_string')) : [],
				'replacements' => is_array($task['replacements'] ?? null) ? array_values(array_filter($task['replacements'], 'is_string')) : [],
			];
		}
		return [
			'title' => is_string($data['title'] ?? null) ? $data['title'] : '',
			'commune' => is_string($data['commune'] ?? null) ? $data['commune'] : '',
			'phases' => $phases,
			'tasks' => $tasks,
		];
	}

	/**
	 * Open tasks assigned to one of `$identities` (a user id and the user's
	 * federated cloud ids), overdue first, then by due date, then phase order, then id.
	 *
	 * @param array{phases: array<string, array{title: string, order: float}>, tasks: list<array{id: string, title: string, status: string, due: ?string, phase: ?string, assignees: list<string>}>} $roadmap
	 * @param list<string> $identities
	 * @return list<array{taskId: string, title: string, status: string, due: ?string, overdue: bool, phaseId: ?string, phaseTitle: string}>
	 */
	public function tasksFor(array $roadmap, array $identities, string $today): array {
		$wanted = array_flip(array_map([self::class, 'normaliseIdentity'], $identities));
		$rows = [];
		foreach ($roadmap['tasks'] as $task) {
			if (!in_array($task['status'], self::OPEN_STATUSES, true)) {
				continue;
			}
			$mine = false;
			foreach ($task['assignees'] as $assignee) {
				if (isset($wanted[self::normaliseIdentity($assignee)])) {
					$mine = true;
					break;
				}
			}
			if (!$mine) {
				continue;
			}
			$phase = $task['phase'] !== null ? ($roadmap['phases'][$task['phase']] ?? null) : null;
			$rows[] = [
				'row' => [
					'taskId' => $task['id'],
					'title' => $task['title'],
					'status' => $task['status'],
					'due' => $task['due'],
					'overdue' => $task['due'] !== null && strcmp($task['due'], $today) < 0,
					'phaseId' => $phase !== null ? $task['phase'] : null,
					'phaseTitle' => $phase !== null ? $phase['title'] : '',
				],
				'phaseOrder' => $phase !== null ? $phase['order'] : PHP_FLOAT_MAX,
			];
		}
		// strcmp, not <=>: PHP compares numeric-looking strings as numbers, JavaScript never does.
		usort($rows, static fn (array $a, array $b): int => (($a['row']['overdue'] ? 0 : 1) <=> ($b['row']['overdue'] ? 0 : 1))
			?: strcmp($a['row']['due'] ?? '9999-12-31', $b['row']['due'] ?? '9999-12-31')
			?: ($a['phaseOrder'] <=> $b['phaseOrder'])
			?: strcmp($a['row']['taskId'], $b['row']['taskId']));
		return array_map(static fn (array $r): array => $r['row'], $rows);
	}

	/** @throws RoadmapReadException when `$title` is a text longer than MAX_TITLE, in the app parser's words */
	private static function checkTitle(mixed $title, string $path): void {
		if (is_string($title) && self::longerThanTitleLimit($title)) {
			throw new RoadmapReadException("$path: longer than " . self::MAX_TITLE . ' characters');
		}
	}

	/** Counted as JavaScript does, a character beyond U+FFFF as two. */
	private static function longerThanTitleLimit(string $text): bool {
		// Each code unit takes at least one byte of UTF-8: short texts are not measured.
		if (strlen($text) <= self::MAX_TITLE) {
			return false;
		}
		$characters = mb_strlen($text, 'UTF-8');
		return $characters > self::MAX_TITLE || $characters + (int)preg_match_all('/[\x{10000}-\x{10FFFF}]/u', $text) > self::MAX_TITLE;
	}

	private static function date(mixed $value): ?string {
		return is_string($value) && preg_match('/^\d{4}-\d{2}-\d{2}$/', $value) === 1 ? $value : null;
	}

	/** `agent@Cloud.Mairie-B.fr/` and `agent@cloud.mairie-b.fr` are the same person. */
	public static function normaliseIdentity(string $identity): string {
		$at = strrpos($identity, '@');
		if ($at === false) {
			return $identity;
		}
		$host = strtolower(substr($identity, $at + 1));
		$host = rtrim(preg_replace('#^https://#', '', $host) ?? $host, '/');
		return substr($identity, 0, $at) . '@' . $host;
	}
}
