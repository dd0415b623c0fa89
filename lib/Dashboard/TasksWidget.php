<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Dashboard;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Service\AssignedTasks;
use OCA\Degooglisation\Service\DashboardText;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Dashboard\IAPIWidget;
use OCP\Dashboard\IButtonWidget;
use OCP\Dashboard\IIconWidget;
use OCP\Dashboard\Model\WidgetButton;
use OCP\Dashboard\Model\WidgetItem;
use OCP\IL10N;
use OCP\IURLGenerator;
use OCP\Util;

/**
 * "Mes tâches" on the dashboard. The web dashboard draws it with the app's
 * script (src/dashboard.ts); the mobile apps read the v1 items. Not
 * IAPIWidgetV2: with it the web dashboard would skip the script.
 */
final class TasksWidget implements IAPIWidget, IButtonWidget, IIconWidget {
	public function __construct(
		private IL10N $l10n,
		private IURLGenerator $urlGenerator,
		private AssignedTasks $assignedTasks,
		private ITimeFactory $time,
	) {
	}

	public function getId(): string {
		return Application::APP_ID;
	}

	public function getTitle(): string {
		return $this->l10n->t('Dégooglisation: my tasks');
	}

	public function getOrder(): int {
		return 30;
	}

	public function getIconClass(): string {
		return 'icon-degooglisation';
	}

	public function getIconUrl(): string {
		return $this->urlGenerator->getAbsoluteURL($this->urlGenerator->imagePath(Application::APP_ID, 'app-dark.svg'));
	}

	public function getUrl(): ?string {
		return $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index');
	}

	/**
	 * Called on every dashboard request, API ones included: only adds the script.
	 * Its name holds "l10n", so Util::addScript adds no catalogue beside it: the
	 * app's holds the app page's strings, the widget's script brings its own.
	 */
	public function load(): void {
		Util::addScript(Application::APP_ID, Application::APP_ID . '-dashboard-with-l10n');
		Util::addStyle(Application::APP_ID, Application::APP_ID . '-dashboard-with-l10n');
	}

	public function getWidgetButtons(string $userId): array {
		$app = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index');
		return [
			new WidgetButton(WidgetButton::TYPE_NEW, $app . '?new-task=1', $this->l10n->t('New task')),
			new WidgetButton(WidgetButton::TYPE_MORE, $app, $this->l10n->t('Open Dégooglisation')),
		];
	}

	/**
	 * Open tasks, overdue first then by due date. `sinceId` is the due date as
	 * YYYYMMDD (99991231 without one): a client passing `since` gets the tasks
	 * due after it, the next page of the same order.
	 *
	 * @return list<WidgetItem>
	 */
	public function getItems(string $userId, ?string $since = null, int $limit = 7): array {
		$today = $this->time->getDateTime()->format('Y-m-d');
		$app = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index');
		$icon = $this->getIconUrl();
		$items = [];
		foreach ($this->assignedTasks->forUser($userId, $today) as $task) {
			$sinceId = $task['due'] !== null ? str_replace('-', '', $task['due']) : '99991231';
			if ($since !== null && $since !== '' && strcmp($sinceId, $since) <= 0) {
				continue;
			}
			$when = $task['due'] === null ? '' : ($task['overdue']
				? $this->l10n->t('overdue since %s', [$task['due']])
				: $this->l10n->t('due %s', [$task['due']]));
			// Bounded: the texts come from files anyone who can write to the user's folder wrote.
			$subtitle = DashboardText::subtitle($task['roadmapTitle'], $task['phaseTitle'], $when);
			$link = $app . '?roadmap=' . rawurlencode($task['roadmapPath']) . '&task=' . rawurlencode($task['taskId']);
			$items[] = new WidgetItem(DashboardText::title($task['title']), $subtitle, $link, $icon, $sinceId);
			if (count($items) >= $limit) {
				break;
			}
		}
		return $items;
	}
}
