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
 */
final class TaskIndex {
	/**
	 * @param array{title: string, commune: string, phases: array<string, array{title: string, order: float}>, tasks: list<array{id: string, title: string, status: string, phase: ?string, due: ?string, assignees: list<string>, description?: string, replaces?: list<string>, replacements?: list<string>}>} $roadmap
	 * @return array{title: string, commune: string, tasks: list<array{id: string, title: string, status: string, phase: string, due: ?string, assignees: list<string>, inTitle: string, inRest: string}>}
	 */
	public function build(array $roadmap): array {
		$tasks = [];
		foreach ($roadmap['tasks'] as $task) {
			$tasks[] = [
				'id' => $task['id'],
				'title' => $task['title'],
				'status' => $task['status'],
				'phase' => $task['phase'] !== null ? ($roadmap['phases'][$task['phase']]['title'] ?? '') : '',
				'due' => $task['due'],
				'assignees' => $task['assignees'],
				'inTitle' => self::fold($task['title']),
				'inRest' => self::fold(implode("\n", [$task['description'] ?? '', ...$task['assignees'], ...($task['replaces'] ?? []), ...($task['replacements'] ?? [])])),
			];
		}
		return ['title' => $roadmap['title'], 'commune' => $roadmap['commune'], 'tasks' => $tasks];
	}

	/**
	 * The tasks where every word of the term appears, those with all words in
	 * their title first, each group in the roadmap's order.
	 *
	 * @param array{tasks: list<array{inTitle: string, inRest: string}>} $index
	 * @return list<array{task: array<string, mixed>, inTitle: bool}>
	 */
	public function match(array $index, string $term): array {
		$words = array_values(array_filter(preg_split('/\s+/u', self::fold($term)) ?: [], static fn (string $w): bool => $w !== ''));
		if ($words === []) {
			return [];
		}
		$inTitle = [];
		$elsewhere = [];
		foreach ($index['tasks'] as $task) {
			$titleHasAll = true;
			foreach ($words as $word) {
				if (!str_contains($task['inTitle'], $word)) {
					$titleHasAll = false;
					if (!str_contains($task['inRest'], $word)) {
						continue 2;
					}
				}
			}
			if ($titleHasAll) {
				$inTitle[] = ['task' => $task, 'inTitle' => true];
			} else {
				$elsewhere[] = ['task' => $task, 'inTitle' => false];
			}
		}
		return [...$inTitle, ...$elsewhere];
	}

	/** Lower case without accents. */
	public static function fold(string $text): string {
		$lower = mb_strtolower($text, 'UTF-8');
		$plain = class_exists(\Normalizer::class) ? \Normalizer::normalize($lower, \Normalizer::FORM_D) : $lower;
		return preg_replace('/\p{Mn}+/u', '', is_string($plain) ? $plain : $lower) ?? $lower;
	}
}
