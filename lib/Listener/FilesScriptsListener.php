<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Listener;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Files\Event\LoadAdditionalScriptsEvent;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\IUserSession;
use OCP\Util;

/**
 * Adds the "Open in Dégooglisation" file action (src/files.ts) to the Files app's page,
 * and only there. Not on a public share's page: the app needs an account.
 *
 * @template-implements IEventListener<LoadAdditionalScriptsEvent>
 */
final class FilesScriptsListener implements IEventListener {
	public function __construct(
		private IUserSession $userSession,
	) {
	}

	public function handle(Event $event): void {
		if (!$event instanceof LoadAdditionalScriptsEvent || $this->userSession->getUser() === null) {
			return;
		}
		Util::addTranslations(Application::APP_ID);
		Util::addScript(Application::APP_ID, Application::APP_ID . '-files');
	}
}
