<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Activity;

use OCA\Degooglisation\AppInfo\Application;
use OCP\Activity\IFilter;
use OCP\IL10N;
use OCP\IURLGenerator;

/** "Dégooglisation" in the activity app's sidebar: the roadmaps' changes only. */
final class Filter implements IFilter {
	public function __construct(
		private IL10N $l10n,
		private IURLGenerator $urlGenerator,
	) {
	}

	public function getIdentifier(): string {
		return Application::APP_ID;
	}

	public function getName(): string {
		return $this->l10n->t('Dégooglisation');
	}

	public function getPriority(): int {
		return 70;
	}

	public function getIcon(): string {
		return $this->urlGenerator->getAbsoluteURL($this->urlGenerator->imagePath(Application::APP_ID, 'app-dark.svg'));
	}

	/** @param list<string> $types */
	public function filterTypes(array $types): array {
		return array_values(array_intersect($types, [ChangeActivity::TYPE]));
	}

	public function allowedApps(): array {
		return [Application::APP_ID];
	}
}
