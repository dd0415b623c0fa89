<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

/**
 * What residents see of a roadmap: built from the roadmap document by
 * copying only the fields a public page may show, never by removing fields
 * from the document, so that a field added to the format later stays
 * private until it is listed here. Assignees, task descriptions, checklists
 * and file links are copied only when the owner chose to publish them;
 * measurement notes and the roadmap's own description never are.
 *
 * Progress and "what replaces what" follow src/domain/progress.ts and
 * src/domain/overview.ts (dropped tasks left out, the same rules).
 * Framework-free, tested without Nextcloud.
 */
final class PublicationView {
	public const STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'dropped'];

	/**
	 * @param array<string, mixed> $document the decoded roadmap.degooglisation.json
	 * @param array{assignees: bool, descriptions: bool, checklists: bool, links: bool} $options what the owner chose to publish
	 * @return array{title: string, commune: string, progress: array{percent: ?int, done: int, counted: int}, phases: list<array{id: ?string, title: string, start: ?string, end: ?string, percent: ?int, done: int, counted: int, tasks: list<array<string, mixed>>}>, indicators: list<array{id: string, name: string, unit: string, target: ?float, measurements: list<array{date: string, value: float}>}>, replacements: list<array{tool: string, replacements: list<string>, status: string}>, options: array{assignees: bool, descriptions: bool, checklists: bool, links: bool}}
	 * @throws RoadmapReadException when the document is not a roadmap
	 */
	public function build(array $document, array $options): array {
		if (($document['format'] ?? null) !== RoadmapReader::FORMAT || !is_array($document['tasks'] ?? null) || !is_array($document['phases'] ?? null)) {
			throw new RoadmapReadException('not a Dégooglisation roadmap');
		}
		$phases = [];
		foreach ($document['phases'] as $phase) {
			if (is_array($phase) && self::isText($phase['id'] ?? null)) {
				$phases[] = [
					'id' => $phase['id'],
					'title' => self::text($phase['title'] ?? ''),
					'start' => self::date($phase['start'] ?? null),
					'end' => self::date($phase['end'] ?? null),
					'order' => is_numeric($phase['order'] ?? null) ? (float)$phase['order'] : 0.0,
				];
			}
		}
		usort($phases, static fn (array $a, array $b): int => $a['order'] <=> $b['order']);
		$phaseIds = array_column($phases, 'id');
		$categories = [];
		foreach (is_array($document['categories'] ?? null) ? $document['categories'] : [] as $category) {
			if (is_array($category) && self::isText($category['id'] ?? null)) {
				$categories[$category['id']] = self::text($category['label'] ?? '');
			}
		}

		$tasks = [];
		foreach ($document['tasks'] as $task) {
			if (!is_array($task) || !self::isText($task['id'] ?? null) || !in_array($task['status'] ?? null, self::STATUSES, true)) {
				continue;
			}
			$phase = is_string($task['phase'] ?? null) && in_array($task['phase'], $phaseIds, true) ? $task['phase'] : null;
			$shown = [
				'id' => $task['id'],
				'title' => self::text($task['title'] ?? ''),
				'status' => $task['status'],
				'phase' => $phase,
				'due' => self::date($task['due'] ?? null),
				'category' => is_string($task['category'] ?? null) ? ($categories[$task['category']] ?? '') : '',
				'replaces' => self::texts($task['replaces'] ?? []),
				'replacements' => self::texts($task['replacements'] ?? []),
			];
			if ($options['assignees']) {
				$shown['assignees'] = self::texts($task['assignees'] ?? []);
			}
			if ($options['descriptions']) {
				$shown['description'] = self::text($task['description'] ?? '');
			}
			if ($options['checklists']) {
				$shown['checklist'] = array_values(array_map(static fn (array $item): array => ['text' => self::text($item['text'] ?? ''), 'done' => ($item['done'] ?? false) === true],
					array_filter(is_array($task['checklist'] ?? null) ? $task['checklist'] : [], 'is_array')));
			}
			if ($options['links']) {
				$shown['links'] = array_values(array_map(static fn (array $link): string => self::text($link['label'] ?? '') !== '' ? self::text($link['label']) : basename(self::text($link['path'] ?? '')),
					array_filter(is_array($task['links'] ?? null) ? $task['links'] : [], 'is_array')));
			}
			$tasks[] = $shown;
		}

		$phaseViews = [];
		foreach ($phases as $phase) {
			$phaseViews[] = ['id' => $phase['id'], 'title' => $phase['title'], 'start' => $phase['start'], 'end' => $phase['end']]
				+ self::progress(array_values(array_filter($tasks, static fn (array $t): bool => $t['phase'] === $phase['id'])));
		}
		$unphased = array_values(array_filter($tasks, static fn (array $t): bool => $t['phase'] === null));
		if ($unphased !== []) {
			$phaseViews[] = ['id' => null, 'title' => '', 'start' => null, 'end' => null] + self::progress($unphased);
		}
		$overall = self::progress($tasks);
		unset($overall['tasks']);

		return [
			'title' => self::text($document['title'] ?? ''),
			'commune' => self::text($document['commune'] ?? ''),
			'progress' => $overall,
			'phases' => $phaseViews,
			'indicators' => self::indicators($document['indicators'] ?? []),
			'replacements' => self::replacements($tasks, $phases),
			'options' => $options,
		];
	}

	/**
	 * @param list<array<string, mixed>> $tasks
	 * @return array{percent: ?int, done: int, counted: int, tasks: list<array<string, mixed>>}
	 */
	private static function progress(array $tasks): array {
		$done = count(array_filter($tasks, static fn (array $t): bool => $t['status'] === 'done'));
		$counted = count(array_filter($tasks, static fn (array $t): bool => $t['status'] !== 'dropped'));
		return ['percent' => $counted === 0 ? null : intdiv(100 * $done, $counted), 'done' => $done, 'counted' => $counted, 'tasks' => $tasks];
	}

	/** @return list<array{id: string, name: string, unit: string, target: ?float, measurements: list<array{date: string, value: float}>}> */
	private static function indicators(mixed $indicators): array {
		$shown = [];
		foreach (is_array($indicators) ? $indicators : [] as $indicator) {
			if (!is_array($indicator) || !self::isText($indicator['id'] ?? null)) {
				continue;
			}
			$measurements = [];
			foreach (is_array($indicator['measurements'] ?? null) ? $indicator['measurements'] : [] as $m) {
				$date = is_array($m) ? self::date($m['date'] ?? null) : null;
				if ($date !== null && is_int($m['value'] ?? null) || $date !== null && is_float($m['value'] ?? null)) {
					$measurements[] = ['date' => $date, 'value' => (float)$m['value']];
				}
			}
			usort($measurements, static fn (array $a, array $b): int => strcmp($a['date'], $b['date']));
			$target = $indicator['target'] ?? null;
			$shown[] = [
				'id' => $indicator['id'],
				'name' => self::text($indicator['name'] ?? ''),
				'unit' => self::text($indicator['unit'] ?? ''),
				'target' => is_int($target) || is_float($target) ? (float)$target : null,
				'measurements' => $measurements,
			];
		}
		return $shown;
	}

	/**
	 * One row per proprietary tool, as src/domain/overview.ts replacementRows.
	 *
	 * @param list<array<string, mixed>> $tasks
	 * @param list<array{id: string, order: float}> $phases
	 * @return list<array{tool: string, replacements: list<string>, status: string}>
	 */
	private static function replacements(array $tasks, array $phases): array {
		$order = array_column($phases, 'order', 'id');
		usort($tasks, static fn (array $a, array $b): int => ($order[$a['phase'] ?? ''] ?? PHP_FLOAT_MAX) <=> ($order[$b['phase'] ?? ''] ?? PHP_FLOAT_MAX));
		$byTool = [];
		foreach ($tasks as $task) {
			foreach (self::unique($task['replaces']) as $tool) {
				$byTool[$tool][] = $task;
			}
		}
		$rows = [];
		foreach ($byTool as $tool => $list) {
			$rows[] = [
				'tool' => (string)$tool,
				'replacements' => self::unique(array_merge(...array_map(static fn (array $t): array => $t['replacements'], $list))),
				'status' => self::migrationStatus(array_column($list, 'status')),
			];
		}
		return $rows;
	}

	/** @param list<string> $statuses */
	public static function migrationStatus(array $statuses): string {
		$counted = array_values(array_filter($statuses, static fn (string $s): bool => $s !== 'dropped'));
		if ($counted === []) {
			return $statuses === [] ? 'todo' : 'dropped';
		}
		if (count(array_filter($counted, static fn (string $s): bool => $s === 'done')) === count($counted)) {
			return 'done';
		}
		if (in_array('blocked', $counted, true)) {
			return 'blocked';
		}
		if (in_array('in_progress', $counted, true) || in_array('done', $counted, true)) {
			return 'in_progress';
		}
		return 'todo';
	}

	/**
	 * @param list<string> $values
	 * @return list<string>
	 */
	private static function unique(array $values): array {
		return array_values(array_unique(array_filter($values, static fn (string $v): bool => trim($v) !== '')));
	}

	private static function isText(mixed $value): bool {
		return is_string($value) && $value !== '';
	}

	private static function text(mixed $value): string {
		return is_string($value) ? $value : '';
	}

	/** @return list<string> */
	private static function texts(mixed $values): array {
		return is_array($values) ? array_values(array_filter($values, 'is_string')) : [];
	}

	private static function date(mixed $value): ?string {
		return is_string($value) && preg_match('/^\d{4}-\d{2}-\d{2}$/', $value) === 1 ? $value : null;
	}
}
