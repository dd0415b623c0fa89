<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Reference;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Federation\FederatedRoadmaps;
use OCA\Degooglisation\Service\RoadmapFiles;
use OCA\Degooglisation\Service\StatusLabels;
use OCP\Collaboration\Reference\ADiscoverableReferenceProvider;
use OCP\Collaboration\Reference\IReference;
use OCP\Collaboration\Reference\ISearchableReferenceProvider;
use OCP\Collaboration\Reference\Reference;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\IL10N;
use OCP\IURLGenerator;

/**
 * A link to a task or a roadmap of the app, pasted in Talk, Text, Deck or
 * Mail, becomes a preview (task: title, status, phase, assignees, due date;
 * roadmap: commune and progress per phase) for whoever can read that
 * roadmap through their own files, and nothing for anyone else. In the smart
 * picker, tasks are found with the app's search provider.
 */
final class TaskReferenceProvider extends ADiscoverableReferenceProvider implements ISearchableReferenceProvider {
	public function __construct(
		private IURLGenerator $urlGenerator,
		private IL10N $l10n,
		private IRootFolder $rootFolder,
		private RoadmapFiles $roadmapFiles,
		private FederatedRoadmaps $federatedRoadmaps,
		private ?string $userId,
	) {
	}

	public function getId(): string {
		return Application::APP_ID . '-task';
	}

	public function getTitle(): string {
		return $this->l10n->t('Dégooglisation tasks');
	}

	public function getOrder(): int {
		return 40;
	}

	public function getIconUrl(): string {
		return $this->urlGenerator->getAbsoluteURL($this->urlGenerator->imagePath(Application::APP_ID, 'app-dark.svg'));
	}

	public function getSupportedSearchProviderIds(): array {
		return [Application::APP_ID];
	}

	public function matchReference(string $referenceText): bool {
		return $this->link($referenceText) !== null;
	}

	public function resolveReference(string $referenceText): ?IReference {
		$link = $this->link($referenceText);
		$roadmap = $link !== null ? $this->roadmapAt($link['path'])[0] : null;
		if ($link === null || $roadmap === null) {
			return null;
		}
		$where = $roadmap['commune'] !== '' ? $roadmap['commune'] : $roadmap['title'];
		$reference = new Reference($referenceText);
		$reference->setImageUrl($this->getIconUrl());
		if ($link['taskId'] === null) {
			$phases = RoadmapLink::phaseProgress($roadmap);
			$reference->setTitle($roadmap['title']);
			$reference->setDescription(implode(' · ', array_map(static fn (array $p): string => $p['title'] . ' ' . $p['done'] . '/' . $p['total'], $phases)));
			$reference->setRichObject(Application::APP_ID . '-roadmap', ['id' => $link['path'], 'title' => $roadmap['title'], 'commune' => $where, 'phases' => $phases, 'link' => $referenceText]);
			return $reference;
		}
		$task = null;
		foreach ($roadmap['tasks'] as $candidate) {
			if ($candidate['id'] === $link['taskId']) {
				$task = $candidate;
				break;
			}
		}
		if ($task === null) {
			return null;
		}
		$phase = $task['phase'] !== null ? ($roadmap['phases'][$task['phase']]['title'] ?? '') : '';
		$status = StatusLabels::label($this->l10n, $task['status']);
		$reference->setTitle($task['title']);
		$reference->setDescription(implode(' · ', array_filter([$where, $status, $phase, implode(', ', $task['assignees']), $task['due'] !== null ? $this->l10n->t('due %s', [$task['due']]) : ''], static fn (string $part): bool => $part !== '')));
		$reference->setRichObject(Application::APP_ID . '-task', [
			'id' => $task['id'], 'title' => $task['title'], 'status' => $task['status'], 'statusLabel' => $status, 'phase' => $phase,
			'assignees' => $task['assignees'], 'due' => $task['due'], 'commune' => $where, 'link' => $referenceText,
		]);
		return $reference;
	}

	public function getCachePrefix(string $referenceId): string {
		return $referenceId;
	}

	/** Per user (access differs) and per version of the roadmap file, so that a preview follows the roadmap. */
	public function getCacheKey(string $referenceId): ?string {
		$link = $this->link($referenceId);
		return ($this->userId ?? '') . ':' . ($link !== null ? ($this->roadmapAt($link['path'])[1] ?? '') : '');
	}

	/** @return ?array{path: string, taskId: ?string} */
	private function link(string $url): ?array {
		$app = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index');
		$app = rtrim($app, '/') . '/';
		return RoadmapLink::parse($url, array_values(array_unique([$app, str_replace('/index.php/', '/', $app)])));
	}

	/**
	 * The roadmap at a path of the current user's files and a version tag, or
	 * nulls when they cannot read it. A partner's roadmap is taken as the
	 * background job last read it.
	 *
	 * @return array{?array<string, mixed>, ?string}
	 */
	private function roadmapAt(string $path): array {
		if ($this->userId === null) {
			return [null, null];
		}
		foreach ($this->federatedRoadmaps->shares($this->userId) as $share) {
			if ($share['path'] === $path) {
				$roadmap = $this->federatedRoadmaps->lastRead($share['key']);
				return [$roadmap, $roadmap !== null ? md5(serialize($roadmap)) : null];
			}
		}
		try {
			$folder = $this->rootFolder->getUserFolder($this->userId)->get(ltrim($path, '/'));
			$file = $folder instanceof Folder ? $folder->get(RoadmapFiles::ROADMAP_FILE) : null;
		} catch (\OCP\Files\NotFoundException|\OCP\Files\NotPermittedException|\OCP\Files\StorageNotAvailableException) {
			return [null, null];
		}
		return $file instanceof File ? [$this->roadmapFiles->read($file), $file->getId() . '-' . $file->getEtag()] : [null, null];
	}
}
