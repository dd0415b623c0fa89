<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Search;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Federation\FederatedRoadmaps;
use OCA\Degooglisation\Service\RoadmapFiles;
use OCA\Degooglisation\Service\StatusLabels;
use OCP\ICache;
use OCP\ICacheFactory;
use OCP\IL10N;
use OCP\IURLGenerator;
use OCP\IUser;
use OCP\Search\IProvider;
use OCP\Search\ISearchQuery;
use OCP\Search\SearchResult;
use OCP\Search\SearchResultEntry;

/**
 * Nextcloud's search box finds tasks in the roadmaps the user can read: their
 * own and those shared with them on this server (through their own view of
 * the files), and those partner servers share with them as the background
 * job last read them (a search never waits on a partner). Each roadmap's
 * index is built once per file id and ETag (distributed cache).
 */
final class TaskSearchProvider implements IProvider {
	private const CACHE_TTL = 24 * 3600;

	private ICache $cache;

	public function __construct(
		private RoadmapFiles $roadmapFiles,
		private FederatedRoadmaps $federatedRoadmaps,
		private TaskIndex $taskIndex,
		private IL10N $l10n,
		private IURLGenerator $urlGenerator,
		ICacheFactory $cacheFactory,
	) {
		$this->cache = $cacheFactory->createDistributed('degooglisation-search');
	}

	public function getId(): string {
		return Application::APP_ID;
	}

	public function getName(): string {
		return $this->l10n->t('Dégooglisation tasks');
	}

	public function getOrder(string $route, array $routeParameters): int {
		return str_starts_with($route, Application::APP_ID . '.') ? -1 : 35;
	}

	public function search(IUser $user, ISearchQuery $query): SearchResult {
		$term = $query->getTerm();
		$offset = (int)$query->getCursor();
		$limit = $query->getLimit();
		$app = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index');
		$icon = $this->urlGenerator->getAbsoluteURL($this->urlGenerator->imagePath(Application::APP_ID, 'app-dark.svg'));
		$found = [[], []];
		foreach ($this->indexesOf($user->getUID()) as [$path, $index]) {
			foreach ($this->taskIndex->match($index, $term) as $match) {
				$found[$match['inTitle'] ? 0 : 1][] = [$path, $index, $match['task']];
			}
		}
		$all = [...$found[0], ...$found[1]];
		$entries = [];
		foreach (array_slice($all, $offset, $limit) as [$path, $index, $task]) {
			$where = $index['commune'] !== '' ? $index['commune'] : $index['title'];
			$subline = implode(' · ', array_filter([$where, StatusLabels::label($this->l10n, $task['status']), $task['phase'], $task['due'] !== null ? $this->l10n->t('due %s', [$task['due']]) : ''], static fn (string $part): bool => $part !== ''));
			$entry = new SearchResultEntry('', $task['title'], $subline, $app . '?roadmap=' . rawurlencode($path) . '&task=' . rawurlencode($task['id']), $icon);
			$entry->addAttribute('taskId', $task['id']);
			$entry->addAttribute('roadmap', $path);
			$entries[] = $entry;
		}
		return $offset + $limit < count($all)
			? SearchResult::paginated($this->getName(), $entries, $offset + $limit)
			: SearchResult::complete($this->getName(), $entries);
	}

	/** @return list<array{string, array{title: string, commune: string, tasks: list<array<string, mixed>>}}> the roadmap's path in the user's files and its index */
	private function indexesOf(string $userId): array {
		$indexes = [];
		foreach ($this->roadmapFiles->roadmapsOf($userId) as $roadmap) {
			$key = $roadmap['file']->getId() . ':' . $roadmap['file']->getEtag();
			$index = $this->cache->get($key);
			if (!is_array($index)) {
				$read = $this->roadmapFiles->read($roadmap['file']);
				if ($read === null) {
					continue;
				}
				$index = $this->taskIndex->build($read);
				$this->cache->set($key, $index, self::CACHE_TTL);
			}
			$indexes[] = [$roadmap['path'], $index];
		}
		foreach ($this->federatedRoadmaps->shares($userId) as $share) {
			$read = $this->federatedRoadmaps->lastRead($share['key']);
			if ($read !== null) {
				$indexes[] = [$share['path'], $this->taskIndex->build($read)];
			}
		}
		return $indexes;
	}
}
