<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCP\IL10N;

/** A task status as people read it, the same words as the app's (src/components/taskStatusLabels.ts). */
final class StatusLabels {
	public static function label(IL10N $l, string $status): string {
		return match ($status) {
			'todo' => $l->t('To do'),
			'in_progress' => $l->t('In progress'),
			'blocked' => $l->t('Blocked'),
			'done' => $l->t('Done'),
			'dropped' => $l->t('Dropped'),
			default => $status,
		};
	}
}
