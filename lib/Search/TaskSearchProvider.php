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
 * index is built once per folder id and ETag (distributed cache).
 */
final class TaskSearchProvider implements IProvider {
	private const CACHE_TTL = 24 * 3600;
	private const NOT_A_ROADMAP = 'none';

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
		$matches = [];
		$total = 0;
		foreach ($this->indexesOf($user->getUID()) as [$path, $index]) {
			$match = $this->taskIndex->match($index, $term);
			$total += count($match['inTitle']) + count($match['elsewhere']);
			$matches[] = [$path, $index, $match];
		}
		// Title matches of every roadmap first, then the others: only the page is looked at.
		$page = [];
		$skip = $offset;
		foreach (['inTitle', 'elsewhere'] as $group) {
			foreach ($matches as [$path, $index, $match]) {
				$count = count($match[$group]);
				if ($skip >= $count) {
					$skip -= $count;
					continue;
				}
				foreach (array_slice($match[$group], $skip, $limit - count($page)) as $position) {
					$page[] = [$path, $index, $position];
				}
				$skip = 0;
				if (count($page) >= $limit) {
					break 2;
				}
			}
		}
		$entries = [];
		foreach ($page as [$path, $index, $position]) {
			$task = $this->taskIndex->task($index, $position);
			$where = $index['commune'] !== '' ? $index['commune'] : $index['title'];
			$subline = implode(' · ', array_filter([$where, StatusLabels::label($this->l10n, $task['status']), $task['phase'], $task['due'] !== null ? $this->l10n->t('due %s', [$task['due']]) : ''], static fn (string $part): bool => $part !== ''));
			$entry = new SearchResultEntry('', $task['title'], $subline, $app . '?roadmap=' . rawurlencode($path) . '&task=' . rawurlencode($task['id']), $icon);
			$entry->addAttribute('taskId', $task['id']);
			$entry->addAttribute('roadmap', $path);
			$entries[] = $entry;
		}
		return $offset + $limit < $total
			? SearchResult::paginated($this->getName(), $entries, $offset + $limit)
			: SearchResult::complete($this->getName(), $entries);
	}

	/**
	 * The index of each roadmap the user can read and its path in their files.
	 * Cached by folder id and ETag: a folder that is not a roadmap is cached as
	 * such, so a warm search lists two folders and reads the cache, nothing else.
	 *
	 * @return list<array{string, array{title: string, commune: string, text: string, starts: list<int>, titleEnds: list<int>, rows: list<string>}}>
	 */
	private function indexesOf(string $userId): array {
		$indexes = [];
		foreach ($this->roadmapFiles->roadmapFoldersOf($userId) as $candidate) {
			if (count($indexes) >= RoadmapFiles::MAX_ROADMAPS) {
				break;
			}
			$key = $candidate['folder']->getId() . ':' . $candidate['folder']->getEtag();
			$index = $this->cache->get($key);
			if ($index === null) {
				$file = $this->roadmapFiles->roadmapFileIn($candidate['folder']);
				$roadmap = $file !== null ? $this->roadmapFiles->parse($file) : null;
				$index = $roadmap !== null ? $this->taskIndex->build($roadmap) : self::NOT_A_ROADMAP;
				$this->cache->set($key, $index, self::CACHE_TTL);
			}
			if (is_array($index)) {
				$indexes[] = [$candidate['path'], $index];
			}
		}
		foreach ($this->federatedRoadmaps->shares($userId) as $share) {
			$roadmap = $this->federatedRoadmaps->lastRead($share['key']);
			if ($roadmap !== null) {
				$indexes[] = [$share['path'], $this->taskIndex->build($roadmap)];
			}
		}
		return $indexes;
	}
}
