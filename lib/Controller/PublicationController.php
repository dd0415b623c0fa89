<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Controller;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Service\PublicationRecord;
use OCA\Degooglisation\Service\PublicationSource;
use OCA\Degooglisation\Service\PublicationStore;
use OCP\AppFramework\Controller;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\FrontpageRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\OpenAPI;
use OCP\AppFramework\Http\JSONResponse;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IRequest;
use OCP\IURLGenerator;
use OCP\IUserSession;

/**
 * The owner publishes, changes and withdraws the residents' page of a
 * roadmap folder they own. Thin: the record is PublicationRecord, stored by
 * PublicationStore.
 */
final class PublicationController extends Controller {
	public function __construct(
		IRequest $request,
		private IUserSession $userSession,
		private PublicationStore $store,
		private PublicationSource $source,
		private IURLGenerator $urlGenerator,
		private ITimeFactory $time,
	) {
		parent::__construct(Application::APP_ID, $request);
	}

	#[NoAdminRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[FrontpageRoute(verb: 'GET', url: '/api/publication')]
	public function show(string $path): JSONResponse {
		[$uid, $folder] = $this->ownFolder($path);
		if ($folder === null) {
			return new JSONResponse(['message' => 'not a roadmap folder you own'], Http::STATUS_NOT_FOUND);
		}
		return new JSONResponse(['publication' => $this->describe($this->store->forFolder($uid, $folder->getId()))]);
	}

	/**
	 * @param array<string, mixed> $options
	 */
	#[NoAdminRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[FrontpageRoute(verb: 'POST', url: '/api/publication')]
	public function publish(string $path, array $options = [], ?string $expires = null): JSONResponse {
		[$uid, $folder] = $this->ownFolder($path);
		if ($folder === null) {
			return new JSONResponse(['message' => 'not a roadmap folder you own'], Http::STATUS_NOT_FOUND);
		}
		$expires = $expires === '' ? null : $expires;
		if (!PublicationRecord::validExpiry($expires)) {
			return new JSONResponse(['message' => 'the expiry date is not a date'], Http::STATUS_BAD_REQUEST);
		}
		$existing = $this->store->forFolder($uid, $folder->getId());
		$record = new PublicationRecord(
			$existing?->token ?? $this->store->newToken(),
			$uid,
			$folder->getId(),
			PublicationRecord::options($options),
			$expires,
			$existing?->createdAt ?? $this->time->getDateTime()->format(\DateTimeInterface::ATOM),
		);
		$this->store->save($record);
		return new JSONResponse(['publication' => $this->describe($record)]);
	}

	#[NoAdminRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[FrontpageRoute(verb: 'DELETE', url: '/api/publication')]
	public function unpublish(string $path): JSONResponse {
		[$uid, $folder] = $this->ownFolder($path);
		if ($folder === null) {
			return new JSONResponse(['message' => 'not a roadmap folder you own'], Http::STATUS_NOT_FOUND);
		}
		$record = $this->store->forFolder($uid, $folder->getId());
		if ($record !== null) {
			$this->store->delete($record);
		}
		return new JSONResponse(['publication' => null]);
	}

	/** @return array{0: string, 1: ?\OCP\Files\Folder} */
	private function ownFolder(string $path): array {
		$uid = $this->userSession->getUser()?->getUID() ?? '';
		return [$uid, $uid === '' ? null : $this->source->ownFolder($uid, $path)];
	}

	/** @return ?array<string, mixed> */
	private function describe(?PublicationRecord $record): ?array {
		if ($record === null) {
			return null;
		}
		$url = fn (string $route): string => $this->urlGenerator->linkToRouteAbsolute('degooglisation.public.' . $route, ['token' => $record->token]);
		return $record->forOwner() + ['url' => $url('page'), 'feed' => $url('feed'), 'badge' => $url('badge')];
	}
}
