<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Activity;

use OCA\Degooglisation\AppInfo\Application;
use OCP\Activity\ActivitySettings;
use OCP\IL10N;

/** The line of Nextcloud's activity settings: stream on by default, mail if the person asks. */
final class Setting extends ActivitySettings {
	public function __construct(
		private IL10N $l10n,
	) {
	}

	public function getIdentifier(): string {
		return ChangeActivity::TYPE;
	}

	public function getName(): string {
		return $this->l10n->t('A <strong>roadmap</strong> you can read is changed');
	}

	public function getGroupIdentifier(): string {
		return Application::APP_ID;
	}

	public function getGroupName(): string {
		return $this->l10n->t('Dégooglisation');
	}

	public function getPriority(): int {
		return 70;
	}

	public function canChangeMail(): bool {
		return true;
	}

	public function isDefaultEnabledMail(): bool {
		return false;
	}
}
