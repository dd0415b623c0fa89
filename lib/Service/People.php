<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

use OCP\Federation\ICloudIdManager;
use OCP\IRequest;
use OCP\IUserManager;
use OCP\IUserSession;
use OCP\Share\IManager as IShareManager;
use OCP\Share\IShare;

/**
 * Who the names in a roadmap are on this server: an assignee is a local user
 * id or a federated cloud id (docs/file-format.md); the author of a change is
 * the user of the request that wrote it, or, for a write through a federated
 * share (public WebDAV, no session user), the cloud id the share was made to.
 */
final class People {
	public function __construct(
		private IUserManager $userManager,
		private IUserSession $userSession,
		private ICloudIdManager $cloudIdManager,
		private IShareManager $shareManager,
		private IRequest $request,
	) {
	}

	/** The local user an assignee names, or null for a person of another server or nobody. */
	public function localUserOf(string $assignee): ?string {
		if ($this->userManager->userExists($assignee)) {
			return $assignee;
		}
		if (!str_contains($assignee, '@') || !$this->cloudIdManager->isValidCloudId($assignee)) {
			return null;
		}
		try {
			$user = $this->cloudIdManager->resolveCloudId($assignee)->getUser();
		} catch (\InvalidArgumentException) {
			return null;
		}
		$local = $this->cloudIdManager->getCloudId($user, null)->getId();
		return $this->userManager->userExists($user) && RoadmapReader::normaliseIdentity($local) === RoadmapReader::normaliseIdentity($assignee) ? $user : null;
	}

	/** @return list<string> the identities a local user is assigned by: their user id and their cloud id */
	public function identitiesOf(string $userId): array {
		return [$userId, $this->cloudIdManager->getCloudId($userId, null)->getId()];
	}

	/**
	 * The author of a change being written by this request.
	 *
	 * @return array{user: ?string, cloudId: ?string} a local user id, or the cloud id of a federated writer
	 */
	public function authorOfWrite(string $writtenAuthor): array {
		$user = $this->userSession->getUser();
		if ($user !== null) {
			return ['user' => $user->getUID(), 'cloudId' => null];
		}
		$share = $this->shareOfRequest();
		if ($share !== null && $share->getShareType() === IShare::TYPE_REMOTE) {
			return ['user' => null, 'cloudId' => $share->getSharedWith()];
		}
		// A public link, or a script: the name it wrote, which this server cannot check.
		return ['user' => null, 'cloudId' => $writtenAuthor !== '' ? $writtenAuthor : null];
	}

	/** The display name of a local user, their id when they have none. */
	public function displayName(string $userId): string {
		return $this->userManager->getDisplayName($userId) ?? $userId;
	}

	/**
	 * The author of a change as a rich parameter of a notification or an
	 * activity entry: a local user, or a federated one shown by cloud id.
	 *
	 * @return ?array{type: string, id: string, name: string, server?: string}
	 */
	public function richAuthor(mixed $user, mixed $cloudId): ?array {
		if (is_string($user) && $user !== '') {
			return ['type' => 'user', 'id' => $user, 'name' => $this->displayName($user)];
		}
		if (is_string($cloudId) && $cloudId !== '') {
			$at = strrpos($cloudId, '@');
			return $at === false
				? ['type' => 'highlight', 'id' => $cloudId, 'name' => $cloudId]
				: ['type' => 'user', 'id' => substr($cloudId, 0, $at), 'name' => $cloudId, 'server' => substr($cloudId, $at + 1)];
		}
		return null;
	}

	/** The share a public WebDAV request writes through: its token is in the URL (new endpoint) or the basic-auth user (legacy one). */
	private function shareOfRequest(): ?IShare {
		$token = null;
		if (preg_match('#/public\.php/dav/files/([^/]+)#', $this->request->getRequestUri(), $match) === 1) {
			$token = rawurldecode($match[1]);
		} elseif (str_contains($this->request->getRequestUri(), '/public.php/webdav')) {
			$token = $this->request->server['PHP_AUTH_USER'] ?? null;
		}
		if (!is_string($token) || $token === '') {
			return null;
		}
		try {
			return $this->shareManager->getShareByToken($token);
		} catch (\OCP\Share\Exceptions\ShareNotFound) {
			return null;
		}
	}
}
