<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Listener;

use OCA\Degooglisation\Change\ChangeReader;
use OCA\Degooglisation\Service\ChangeHandler;
use OCP\EventDispatcher\Event;
use OCP\EventDispatcher\IEventListener;
use OCP\Files\Events\Node\NodeCreatedEvent;
use OCP\Files\Events\Node\NodeWrittenEvent;
use OCP\Files\File;
use Psr\Container\ContainerInterface;
use Psr\Log\LoggerInterface;

/**
 * Notices the change files of roadmaps as they are written. Runs on every
 * file write of the server, so it looks at the name first; a new file fires
 * both events, each to its own listener instance, hence the files already
 * handled in this request, kept statically.
 *
 * @template-implements IEventListener<NodeCreatedEvent|NodeWrittenEvent>
 */
final class ChangeFileListener implements IEventListener {
	/** @var array<int, true> */
	private static array $handled = [];

	public function __construct(
		private ContainerInterface $container,
		private LoggerInterface $logger,
	) {
	}

	public function handle(Event $event): void {
		if (!$event instanceof NodeCreatedEvent && !$event instanceof NodeWrittenEvent) {
			return;
		}
		$node = $event->getNode();
		if (!$node instanceof File || !ChangeReader::isChangeFileName($node->getName())) {
			return;
		}
		try {
			$id = $node->getId();
			if (isset(self::$handled[$id])) {
				return;
			}
			self::$handled[$id] = true;
			// Resolved only for change files: the other writes of the server pay for the name check alone.
			$this->container->get(ChangeHandler::class)->handle($node);
		} catch (\Throwable $e) {
			// The save itself succeeded; a notification that fails must not turn it into an error.
			$this->logger->error('Dégooglisation could not process a change file: ' . $e->getMessage(), ['exception' => $e]);
		}
	}
}
