<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Change;

/**
 * For roadmaps read from another server, where no change event reaches this
 * one: the tasks a person was already told about, compared with the open
 * tasks now assigned to them. Tasks of a roadmap that could not be read are
 * neither new nor gone: they wait for the next read. Framework-free.
 */
final class AssignmentState {
	/**
	 * @param array<string, string> $known task key => roadmap key, the tasks already notified
	 * @param array<string, string> $current task key => roadmap key, the open tasks assigned now in the roadmaps read
	 * @param list<string> $unread roadmap keys that could not be read this time
	 * @return array{new: list<string>, gone: list<string>, known: array<string, string>}
	 */
	public function compare(array $known, array $current, array $unread): array {
		$unreadSet = array_flip($unread);
		$new = array_keys(array_diff_key($current, $known));
		$gone = [];
		$next = $current;
		foreach ($known as $task => $roadmap) {
			if (isset($current[$task])) {
				continue;
			}
			if (isset($unreadSet[$roadmap])) {
				$next[$task] = $roadmap;
			} else {
				$gone[] = $task;
			}
		}
		return ['new' => array_map('strval', $new), 'gone' => $gone, 'known' => $next];
	}
}
