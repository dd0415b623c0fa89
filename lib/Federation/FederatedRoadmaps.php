<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Federation;

use OCA\Degooglisation\Service\RoadmapFiles;
use OCA\Degooglisation\Service\RoadmapReader;
use OCA\Degooglisation\Service\RoadmapReadException;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Files\AppData\IAppDataFactory;
use OCP\Files\IAppData;
use OCP\Files\NotFoundException;
use OCP\Http\Client\IClientService;
use OCP\IAppConfig;
use OCP\IDBConnection;
use Psr\Log\LoggerInterface;

/**
 * Roadmaps that partner servers share with this server's users, read
 * directly from the partner with short timeouts, for the background job
 * only: Nextcloud's own federated storage waits on a hung server for
 * minutes. A server that fails is skipped for the rest of the run and for
 * RETRY_AFTER seconds, then tried again (app config: the job runs in a new
 * process each time, where a local cache would forget).
 *
 * Reads the readable roadmap file at the root of the share (a shared roadmap
 * folder), as the partner's app last wrote it, and keeps the last one read
 * in the app's data for the requests that must not wait (search, previews).
 */
final class FederatedRoadmaps {
	public const CONNECT_TIMEOUT = 3;
	public const TIMEOUT = 5;
	public const RETRY_AFTER = 600;
	private const DOWN_SERVERS = 'federated-down-servers';
	/** files_sharing's share_external.share_type of a share made to one user (groups are not read). */
	private const USER_SHARE = 0;

	private IAppData $appData;

	public function __construct(
		private IDBConnection $db,
		private IClientService $clientService,
		private RoadmapReader $reader,
		IAppDataFactory $appDataFactory,
		private IAppConfig $appConfig,
		private ITimeFactory $time,
		private LoggerInterface $logger,
	) {
		$this->appData = $appDataFactory->get('degooglisation');
	}

	/**
	 * The accepted federated shares made to users of this server, or to one of them.
	 *
	 * @return list<array{key: string, user: string, remote: string, token: string, password: string, path: string}>
	 */
	public function shares(?string $user = null): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('id', 'remote', 'share_token', 'password', 'user', 'mountpoint')
			->from('share_external')
			->where($qb->expr()->eq('accepted', $qb->createNamedParameter(1)))
			->andWhere($qb->expr()->eq('share_type', $qb->createNamedParameter(self::USER_SHARE)))
			->orderBy('id');
		if ($user !== null) {
			$qb->andWhere($qb->expr()->eq('user', $qb->createNamedParameter($user)));
		}
		$result = $qb->executeQuery();
		$shares = [];
		while ($row = $result->fetch()) {
			$shares[] = [
				'key' => 'fed' . $row['id'],
				'user' => (string)$row['user'],
				'remote' => rtrim((string)$row['remote'], '/'),
				'token' => (string)$row['share_token'],
				'password' => (string)($row['password'] ?? ''),
				'path' => '/' . trim((string)$row['mountpoint'], '/'),
			];
		}
		$result->closeCursor();
		return self::distinct($shares);
	}

	/**
	 * One share per user, partner server and share token, the first accepted: a partner
	 * server that answered late to the owner's server can receive the same share twice
	 * (it then mounts "<name> (2)" as well), and one roadmap must give one notice per task.
	 *
	 * @param list<array{key: string, user: string, remote: string, token: string, password: string, path: string}> $shares in the order they were accepted
	 * @return list<array{key: string, user: string, remote: string, token: string, password: string, path: string}>
	 */
	public static function distinct(array $shares): array {
		$seen = [];
		$distinct = [];
		foreach ($shares as $share) {
			$key = $share['user'] . "\n" . $share['remote'] . "\n" . $share['token'];
			if (!isset($seen[$key])) {
				$seen[$key] = true;
				$distinct[] = $share;
			}
		}
		return $distinct;
	}

	/**
	 * The roadmap of a share, or null when it cannot be read now (server down,
	 * slow or skipped, not a roadmap folder).
	 *
	 * @param array{remote: string, token: string, password: string} $share
	 * @return ?array{title: string, commune: string, phases: array<string, array{title: string, order: float}>, tasks: list<array<string, mixed>>}
	 */
	public function read(array $share): ?array {
		if (($this->downServers()[$share['remote']] ?? 0) > $this->time->getTime()) {
			return null;
		}
		try {
			$response = $this->clientService->newClient()->get($share['remote'] . '/public.php/webdav/' . rawurlencode(RoadmapFiles::ROADMAP_FILE), [
				'auth' => [$share['token'], $share['password']],
				'connect_timeout' => self::CONNECT_TIMEOUT,
				'timeout' => self::TIMEOUT,
				'http_errors' => false,
			]);
		} catch (\Throwable $e) {
			$this->logger->info('Partner server skipped until later: ' . $share['remote'] . ': ' . $e->getMessage());
			$this->markDown($share['remote']);
			return null;
		}
		$status = $response->getStatusCode();
		if ($status >= 500) {
			$this->markDown($share['remote']);
		}
		if ($status !== 200) {
			return null;
		}
		$body = $response->getBody();
		if (!is_string($body) || strlen($body) > RoadmapFiles::MAX_BYTES) {
			return null;
		}
		try {
			$roadmap = $this->reader->read($body);
		} catch (RoadmapReadException $e) {
			return null;
		}
		try {
			$folder = $this->lastReadFolder();
			$name = $share['key'] . '.json';
			$folder->fileExists($name) ? $folder->getFile($name)->putContent($body) : $folder->newFile($name, $body);
		} catch (\OCP\Files\NotPermittedException $e) {
			$this->logger->warning('Could not keep the roadmap read from ' . $share['remote'] . ': ' . $e->getMessage());
		}
		return $roadmap;
	}

	/**
	 * The roadmap of a share as this job last read it, for requests that must
	 * not wait on the partner (search, references).
	 *
	 * @return ?array{title: string, commune: string, phases: array<string, array{title: string, order: float}>, tasks: list<array<string, mixed>>}
	 */
	public function lastRead(string $key): ?array {
		try {
			return $this->reader->read($this->lastReadFolder()->getFile($key . '.json')->getContent());
		} catch (NotFoundException|RoadmapReadException|\OCP\Files\NotPermittedException) {
			return null;
		}
	}

	private function lastReadFolder(): \OCP\Files\SimpleFS\ISimpleFolder {
		try {
			return $this->appData->getFolder('federated');
		} catch (NotFoundException) {
			return $this->appData->newFolder('federated');
		}
	}

	/** @return array<string, int> server => until when it is skipped */
	private function downServers(): array {
		$down = json_decode($this->appConfig->getValueString('degooglisation', self::DOWN_SERVERS, '{}', lazy: true), true);
		return is_array($down) ? $down : [];
	}

	private function markDown(string $remote): void {
		$now = $this->time->getTime();
		$down = array_filter($this->downServers(), static fn (int $until): bool => $until > $now);
		$down[$remote] = $now + self::RETRY_AFTER;
		$this->appConfig->setValueString('degooglisation', self::DOWN_SERVERS, json_encode($down, JSON_THROW_ON_ERROR), lazy: true);
	}
}
