<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Controller;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Calendar\CalendarEvents;
use OCA\Degooglisation\Service\RoadmapFiles;
use OCP\AppFramework\Controller;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\AnonRateLimit;
use OCP\AppFramework\Http\Attribute\BruteForceProtection;
use OCP\AppFramework\Http\Attribute\FrontpageRoute;
use OCP\AppFramework\Http\Attribute\NoAdminRequired;
use OCP\AppFramework\Http\Attribute\NoCSRFRequired;
use OCP\AppFramework\Http\Attribute\OpenAPI;
use OCP\AppFramework\Http\Attribute\PublicPage;
use OCP\AppFramework\Http\DataDisplayResponse;
use OCP\AppFramework\Http\JSONResponse;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Files\File;
use OCP\Files\Folder;
use OCP\Files\IRootFolder;
use OCP\IConfig;
use OCP\IRequest;
use OCP\IURLGenerator;
use OCP\IUserManager;
use OCP\IUserSession;
use OCP\Security\ISecureRandom;

/**
 * "Add to my calendar": a roadmap's phases and due dates as an iCalendar
 * subscription for calendars outside Nextcloud, which cannot log in. The link
 * holds a secret of the person's (a user preference, as the Activity app's
 * feed token), and every request reads the roadmap as that person: a roadmap
 * no longer shared with them gives 404. Thin: the events are CalendarEvents'.
 * See docs/nextcloud-integration.md §9.
 */
final class CalendarFeedController extends Controller {
	private const TOKEN_KEY = 'calendar_token';

	public function __construct(
		IRequest $request,
		private IUserSession $userSession,
		private IUserManager $userManager,
		private IConfig $config,
		private ISecureRandom $random,
		private IRootFolder $rootFolder,
		private RoadmapFiles $roadmapFiles,
		private CalendarEvents $calendarEvents,
		private IURLGenerator $urlGenerator,
		private ITimeFactory $time,
	) {
		parent::__construct(Application::APP_ID, $request);
	}

	/** The subscription link of the roadmap folder at `path` in the user's files; the user's secret is made on first use. */
	#[NoAdminRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[FrontpageRoute(verb: 'GET', url: '/api/calendar-link')]
	public function link(string $path): JSONResponse {
		$uid = $this->userSession->getUser()?->getUID();
		try {
			$folder = $uid !== null ? $this->rootFolder->getUserFolder($uid)->get(ltrim($path, '/')) : null;
		} catch (\OCP\Files\NotFoundException|\OCP\Files\NotPermittedException) {
			$folder = null;
		}
		if ($uid === null || !$folder instanceof Folder || $this->roadmapFiles->roadmapFileIn($folder) === null) {
			return new JSONResponse(['message' => 'not a roadmap folder you can read'], Http::STATUS_NOT_FOUND);
		}
		$token = $this->config->getUserValue($uid, Application::APP_ID, self::TOKEN_KEY, '');
		if ($token === '') {
			$token = $this->random->generate(32, ISecureRandom::CHAR_ALPHANUMERIC);
			$this->config->setUserValue($uid, Application::APP_ID, self::TOKEN_KEY, $token);
		}
		return new JSONResponse(['url' => $this->urlGenerator->linkToRouteAbsolute('degooglisation.calendarFeed.feed', ['token' => $token, 'folderId' => $folder->getId()])]);
	}

	/** A new secret: every calendar link the user gave out stops working. */
	#[NoAdminRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[FrontpageRoute(verb: 'DELETE', url: '/api/calendar-link')]
	public function revoke(): JSONResponse {
		$uid = $this->userSession->getUser()?->getUID();
		if ($uid !== null) {
			$this->config->deleteUserValue($uid, Application::APP_ID, self::TOKEN_KEY);
		}
		return new JSONResponse([]);
	}

	#[PublicPage]
	#[NoCSRFRequired]
	#[AnonRateLimit(limit: 60, period: 60)]
	#[BruteForceProtection(action: 'degooglisation_calendar')]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[FrontpageRoute(verb: 'GET', url: '/calendar/{token}/{folderId}.ics', requirements: ['folderId' => '\d+'])]
	public function feed(string $token, int $folderId): DataDisplayResponse {
		$uid = strlen($token) === 32 ? ($this->config->getUsersForUserValue(Application::APP_ID, self::TOKEN_KEY, $token)[0] ?? null) : null;
		if ($uid === null || $this->userManager->get($uid)?->isEnabled() !== true) {
			$response = new DataDisplayResponse('', Http::STATUS_NOT_FOUND);
			$response->throttle(['reason' => 'unknown calendar token']);
			return $response;
		}
		$found = $this->readableRoadmap($uid, $folderId);
		if ($found === null) {
			return new DataDisplayResponse('', Http::STATUS_NOT_FOUND);
		}
		[$path, $file] = $found;
		$roadmap = $this->roadmapFiles->read($file);
		if ($roadmap === null) {
			return new DataDisplayResponse('', Http::STATUS_NOT_FOUND);
		}
		$link = $this->urlGenerator->linkToRouteAbsolute('degooglisation.page.index') . '?roadmap=' . rawurlencode($path);
		$events = $this->calendarEvents->ofRoadmap($roadmap, (string)$folderId, $link);
		$name = $roadmap['commune'] !== '' ? $roadmap['commune'] . ' : ' . $roadmap['title'] : $roadmap['title'];
		$stamp = $this->time->getDateTime('now', new \DateTimeZone('UTC'))->format('Ymd\THis\Z');
		return new DataDisplayResponse(CalendarEvents::calendar($events, $stamp, $name), Http::STATUS_OK, [
			'Content-Type' => 'text/calendar; charset=utf-8',
			'Content-Disposition' => 'inline; filename="degooglisation-' . $folderId . '.ics"',
			'Cache-Control' => 'private, max-age=300',
		]);
	}

	/** @return ?array{string, File} the folder's path in the user's files and its roadmap file, read through the user's own view */
	private function readableRoadmap(string $uid, int $folderId): ?array {
		try {
			$userFolder = $this->rootFolder->getUserFolder($uid);
			$folder = $userFolder->getFirstNodeById($folderId);
		} catch (\OCP\Files\NotPermittedException|\OC\User\NoUserException) {
			return null;
		}
		$file = $folder instanceof Folder && $folder->isReadable() ? $this->roadmapFiles->roadmapFileIn($folder) : null;
		return $file !== null ? ['/' . trim((string)$userFolder->getRelativePath($folder->getPath()), '/'), $file] : null;
	}
}
