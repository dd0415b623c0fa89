<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Search;

/**
 * What search looks into for each task (title, description, assignees,
 * replaced and replacement tools), folded once per roadmap file so that a
 * search only compares text. Case and accents are ignored: "messagerie"
 * finds "Messagerie", "echeance" finds "échéance". Framework-free.
 *
 * The index is one string for all the tasks of a roadmap and a few lists,
 * not one array per task: it is read from the cache for every roadmap at
 * every search, and PHP unserializes one long string far faster than
 * thousands of small arrays.
 */
final class TaskIndex {
	private const TASK_END = "\x1E";
	private const FIELD_END = "\x1F";

	/**
	 * @param array{title: string, commune: string, phases: array<string, array{title: string}>, tasks: list<array{id: string, title: string, status: string, phase: ?string, due: ?string, assignees: list<string>, description?: string, replaces?: list<string>, replacements?: list<string>}>} $roadmap
	 * @return array{title: string, commune: string, text: string, starts: list<int>, titleEnds: list<int>, rows: list<string>}
	 */
	public function build(array $roadmap): array {
		$text = '';
		$starts = [];
		$titleEnds = [];
		$rows = [];
		foreach ($roadmap['tasks'] as $task) {
			$starts[] = strlen($text);
			$text .= self::fold($task['title']);
			$titleEnds[] = strlen($text);
			$text .= self::FIELD_END . self::fold(implode("\n", [$task['description'] ?? '', ...$task['assignees'], ...($task['replaces'] ?? []), ...($task['replacements'] ?? [])])) . self::TASK_END;
			$phase = $task['phase'] !== null ? ($roadmap['phases'][$task['phase']]['title'] ?? '') : '';
			$rows[] = implode(self::FIELD_END, [$task['id'], $task['title'], $task['status'], $phase, $task['due'] ?? '']);
		}
		return ['title' => $roadmap['title'], 'commune' => $roadmap['commune'], 'text' => $text, 'starts' => $starts, 'titleEnds' => $titleEnds, 'rows' => $rows];
	}

	/**
	 * The tasks where every word of the term appears: those with all words in
	 * their title, and the others, each in the roadmap's order.
	 *
	 * @param array{text: string, starts: list<int>, titleEnds: list<int>, rows: list<string>} $index
	 * @return array{inTitle: list<int>, elsewhere: list<int>} positions of the tasks in the index
	 */
	public function match(array $index, string $term): array {
		$words = array_values(array_filter(preg_split('/\s+/u', self::fold($term)) ?: [], static fn (string $w): bool => $w !== ''));
		$found = [];
		foreach ($words as $n => $word) {
			$hits = $this->hits($index, $word);
			if ($n === 0) {
				$found = $hits;
				continue;
			}
			$found = array_intersect_key($found, $hits);
			foreach ($found as $task => $inTitle) {
				$found[$task] = $inTitle && $hits[$task];
			}
		}
		$inTitle = array_keys($found, true, true);
		return ['inTitle' => $inTitle, 'elsewhere' => array_keys($found, false, true)];
	}

	/**
	 * A task of the index as search shows it.
	 *
	 * @param array{rows: list<string>} $index
	 * @return array{id: string, title: string, status: string, phase: string, due: ?string}
	 */
	public function task(array $index, int $position): array {
		[$id, $title, $status, $phase, $due] = explode(self::FIELD_END, $index['rows'][$position]);
		return ['id' => $id, 'title' => $title, 'status' => $status, 'phase' => $phase, 'due' => $due !== '' ? $due : null];
	}

	/**
	 * The tasks where a word appears, in the roadmap's order (the text is read
	 * forward), each with whether it is in the title.
	 *
	 * @param array{text: string, starts: list<int>, titleEnds: list<int>} $index
	 * @return array<int, bool>
	 */
	private function hits(array $index, string $word): array {
		$hits = [];
		$task = 0;
		$last = count($index['starts']) - 1;
		$offset = 0;
		while (($at = strpos($index['text'], $word, $offset)) !== false) {
			while ($task < $last && $index['starts'][$task + 1] <= $at) {
				$task++;
			}
			$hits[$task] = ($hits[$task] ?? false) || $at + strlen($word) <= $index['titleEnds'][$task];
			$offset = $at + 1;
		}
		return $hits;
	}

	/** Lower case without accents. */
	public static function fold(string $text): string {
		$lower = mb_strtolower($text, 'UTF-8');
		$plain = class_exists(\Normalizer::class) ? \Normalizer::normalize($lower, \Normalizer::FORM_D) : $lower;
		return preg_replace('/\p{Mn}+/u', '', is_string($plain) ? $plain : $lower) ?? $lower;
	}
}
