<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

/**
 * The Atom feed a residents' association follows: tasks finished and
 * indicators measured. When a task was finished is read from the roadmap's
 * change files (the operation that set its status to done, and the time of
 * that change); only the title and the time go out, never the author.
 * Framework-free, tested without Nextcloud.
 */
final class PublicationFeed {
	public const MAX_ENTRIES = 50;

	/**
	 * The tasks done in the view, with the time of the change that last set them done.
	 *
	 * @param iterable<string> $changeTexts the change files' text
	 * @param array{phases: list<array{tasks: list<array<string, mixed>>}>} $view
	 * @return list<array{taskId: string, title: string, at: string}>
	 */
	public function finishedTasks(iterable $changeTexts, array $view): array {
		$done = [];
		foreach ($view['phases'] as $phase) {
			foreach ($phase['tasks'] as $task) {
				if ($task['status'] === 'done') {
					$done[$task['id']] = $task['title'];
				}
			}
		}
		$at = [];
		foreach ($changeTexts as $text) {
			$change = json_decode($text, true, 64);
			if (!is_array($change) || ($change['format'] ?? null) !== 'degooglisation-change' || !is_string($change['at'] ?? null) || !is_array($change['ops'] ?? null)) {
				continue;
			}
			$time = strtotime($change['at']);
			if ($time === false) {
				continue;
			}
			foreach ($change['ops'] as $op) {
				$parts = is_array($op) && is_string($op['path'] ?? null) ? explode('/', $op['path']) : [];
				if (count($parts) < 2 || $parts[0] !== 'tasks' || !isset($done[$parts[1]])) {
					continue;
				}
				$setsDone = ($op['op'] ?? null) === 'set' && ($parts[2] ?? null) === 'status' && count($parts) === 3 && ($op['value'] ?? null) === 'done';
				$addsDone = ($op['op'] ?? null) === 'add' && count($parts) === 2 && is_array($op['value'] ?? null) && ($op['value']['status'] ?? null) === 'done';
				if (($setsDone || $addsDone) && $time > ($at[$parts[1]] ?? 0)) {
					$at[$parts[1]] = $time;
				}
			}
		}
		$tasks = [];
		foreach ($at as $id => $time) {
			$tasks[] = ['taskId' => (string)$id, 'title' => $done[$id], 'at' => gmdate('Y-m-d\TH:i:s\Z', $time)];
		}
		return $tasks;
	}

	/**
	 * @param array{title: string, commune: string, indicators: list<array{id: string, name: string, unit: string, measurements: list<array{date: string, value: float}>}>} $view
	 * @param list<array{taskId: string, title: string, at: string}> $finished
	 * @param callable(string, array<int, string>): string $t translates, Nextcloud's way (%s)
	 */
	public function atom(array $view, array $finished, string $pageUrl, string $feedUrl, string $publishedAt, callable $t): string {
		$entries = [];
		foreach ($finished as $task) {
			$entries[] = ['id' => $pageUrl . '#task-' . rawurlencode($task['taskId']) . '-' . $task['at'], 'updated' => $task['at'], 'title' => $t('Finished: %s', [$task['title']])];
		}
		foreach ($view['indicators'] as $indicator) {
			foreach ($indicator['measurements'] as $m) {
				$value = PublicationPage::number($m['value']);
				$entries[] = [
					'id' => $pageUrl . '#indicator-' . rawurlencode($indicator['id']) . '-' . $m['date'],
					'updated' => $m['date'] . 'T00:00:00Z',
					'title' => $t('%1$s: %2$s %3$s on %4$s', [$indicator['name'], $value, $indicator['unit'], $m['date']]),
				];
			}
		}
		usort($entries, static fn (array $a, array $b): int => strcmp($b['updated'], $a['updated']) ?: strcmp($a['id'], $b['id']));
		$entries = array_slice($entries, 0, self::MAX_ENTRIES);
		$updated = $entries[0]['updated'] ?? $publishedAt;
		$e = static fn (string $s): string => htmlspecialchars($s, ENT_XML1 | ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
		$xml = '<?xml version="1.0" encoding="utf-8"?>' . "\n"
			. '<feed xmlns="http://www.w3.org/2005/Atom">'
			. '<title>' . $e($t('Dégooglisation of %s', [$view['commune'] !== '' ? $view['commune'] : $view['title']])) . '</title>'
			. '<id>' . $e($feedUrl) . '</id>'
			. '<link rel="self" href="' . $e($feedUrl) . '"/>'
			. '<link rel="alternate" type="text/html" href="' . $e($pageUrl) . '"/>'
			. '<updated>' . $e($updated) . '</updated>'
			. '<author><name>' . $e($view['commune'] !== '' ? $view['commune'] : $view['title']) . '</name></author>';
		foreach ($entries as $entry) {
			$xml .= '<entry><id>' . $e($entry['id']) . '</id><title>' . $e($entry['title']) . '</title><updated>' . $e($entry['updated']) . '</updated>'
				. '<link rel="alternate" type="text/html" href="' . $e($pageUrl) . '"/></entry>';
		}
		return $xml . '</feed>' . "\n";
	}
}
