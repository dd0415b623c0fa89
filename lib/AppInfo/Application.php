<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\AppInfo;

use OCA\Degooglisation\Dashboard\TasksWidget;
use OCA\Degooglisation\Listener\ChangeFileListener;
use OCA\Degooglisation\Listener\FilesScriptsListener;
use OCA\Degooglisation\Notification\Notifier;
use OCA\Degooglisation\Reference\TaskReferenceProvider;
use OCA\Degooglisation\Search\TaskSearchProvider;
use OCA\Files\Event\LoadAdditionalScriptsEvent;
use OCP\AppFramework\App;
use OCP\AppFramework\Bootstrap\IBootContext;
use OCP\AppFramework\Bootstrap\IBootstrap;
use OCP\AppFramework\Bootstrap\IRegistrationContext;
use OCP\Files\Events\Node\NodeCreatedEvent;
use OCP\Files\Events\Node\NodeWrittenEvent;

final class Application extends App implements IBootstrap {
	public const APP_ID = 'degooglisation';

	public function __construct() {
		parent::__construct(self::APP_ID);
	}

	public function register(IRegistrationContext $context): void {
		$context->registerDashboardWidget(TasksWidget::class);
		$context->registerNotifierService(Notifier::class);
		$context->registerSearchProvider(TaskSearchProvider::class);
		$context->registerReferenceProvider(TaskReferenceProvider::class);
		$context->registerEventListener(NodeCreatedEvent::class, ChangeFileListener::class);
		$context->registerEventListener(NodeWrittenEvent::class, ChangeFileListener::class);
		$context->registerEventListener(LoadAdditionalScriptsEvent::class, FilesScriptsListener::class);
	}

	public function boot(IBootContext $context): void {
	}
}
