<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Controller;

use OCA\Degooglisation\AppInfo\Application;
use OCA\Degooglisation\Service\PublicationBadge;
use OCA\Degooglisation\Service\PublicationFeed;
use OCA\Degooglisation\Service\PublicationPage;
use OCA\Degooglisation\Service\PublicationRecord;
use OCA\Degooglisation\Service\PublicationSource;
use OCA\Degooglisation\Service\PublicationStore;
use OCA\Degooglisation\Service\PublicationView;
use OCA\Degooglisation\Service\RoadmapReadException;
use OCP\AppFramework\Controller;
use OCP\AppFramework\Http;
use OCP\AppFramework\Http\Attribute\AnonRateLimit;
use OCP\AppFramework\Http\Attribute\BruteForceProtection;
use OCP\AppFramework\Http\Attribute\FrontpageRoute;
use OCP\AppFramework\Http\Attribute\NoCSRFRequired;
use OCP\AppFramework\Http\Attribute\OpenAPI;
use OCP\AppFramework\Http\Attribute\PublicPage;
use OCP\AppFramework\Http\ContentSecurityPolicy;
use OCP\AppFramework\Http\DataDisplayResponse;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\IL10N;
use OCP\IRequest;
use OCP\IURLGenerator;

/**
 * The residents' page, its Atom feed and its badge: public, read-only, no
 * Nextcloud login. Each request finds the publication by its token, reads
 * the roadmap through the owner's files and redacts it (PublicationView):
 * withdrawn or expired publications and unknown tokens all get the same
 * bare 404. The rendering is in the framework-free Publication* classes.
 */
final class PublicController extends Controller {
	public function __construct(
		IRequest $request,
		private PublicationStore $store,
		private PublicationSource $source,
		private PublicationView $view,
		private PublicationFeed $feed,
		private PublicationBadge $badge,
		private IURLGenerator $urlGenerator,
		private ITimeFactory $time,
		private IL10N $l10n,
	) {
		parent::__construct(Application::APP_ID, $request);
	}

	#[PublicPage]
	#[NoCSRFRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[AnonRateLimit(limit: 120, period: 60)]
	#[BruteForceProtection(action: 'degooglisation_public')]
	#[FrontpageRoute(verb: 'GET', url: '/p/{token}')]
	public function page(string $token): DataDisplayResponse {
		$found = $this->published($token);
		if ($found === null) {
			return $this->notFound($token);
		}
		[$record, $view] = $found;
		$page = new PublicationPage($this->translate(...), $this->l10n->getLanguageCode());
		$css = (string)file_get_contents(__DIR__ . '/../../templates/public.css');
		$html = $page->html($view, $this->urls($record), $record->expires, $css);
		$response = new DataDisplayResponse($html, Http::STATUS_OK, ['Content-Type' => 'text/html; charset=utf-8']);
		$csp = new ContentSecurityPolicy();
		$response->setContentSecurityPolicy($csp);
		return $this->fresh($response);
	}

	#[PublicPage]
	#[NoCSRFRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[AnonRateLimit(limit: 120, period: 60)]
	#[BruteForceProtection(action: 'degooglisation_public')]
	#[FrontpageRoute(verb: 'GET', url: '/p/{token}/feed.atom')]
	public function feed(string $token): DataDisplayResponse {
		$found = $this->published($token);
		if ($found === null) {
			return $this->notFound($token);
		}
		[$record, $view, $changes] = $found;
		$urls = $this->urls($record);
		$xml = $this->feed->atom($view, $this->feed->finishedTasks($changes, $view), $urls['page'], $urls['feed'], $record->createdAt, $this->translate(...));
		return $this->fresh(new DataDisplayResponse($xml, Http::STATUS_OK, ['Content-Type' => 'application/atom+xml; charset=utf-8']));
	}

	#[PublicPage]
	#[NoCSRFRequired]
	#[OpenAPI(OpenAPI::SCOPE_IGNORE)]
	#[AnonRateLimit(limit: 600, period: 60)]
	#[BruteForceProtection(action: 'degooglisation_public')]
	#[FrontpageRoute(verb: 'GET', url: '/p/{token}/badge.svg')]
	public function badge(string $token): DataDisplayResponse {
		$found = $this->published($token);
		if ($found === null) {
			return $this->notFound($token);
		}
		$view = $found[1];
		$percent = $view['progress']['percent'];
		$name = $view['commune'] !== '' ? $view['commune'] : $view['title'];
		$svg = $this->badge->svg('Dégooglisation', $percent, $this->l10n->t('Dégooglisation of %1$s: %2$s %% done', [$name, $percent === null ? '—' : (string)$percent]));
		return $this->fresh(new DataDisplayResponse($svg, Http::STATUS_OK, ['Content-Type' => 'image/svg+xml']));
	}

	/** @return ?array{0: PublicationRecord, 1: array<string, mixed>, 2: list<string>} */
	private function published(string $token): ?array {
		$record = $this->store->find($token);
		if ($record === null || !$record->isLive($this->time->getDateTime()->format('Y-m-d'))) {
			return null;
		}
		$read = $this->source->read($record);
		if ($read === null) {
			return null;
		}
		try {
			return [$record, $this->view->build($read['document'], $record->options), $read['changes']];
		} catch (RoadmapReadException) {
			return null;
		}
	}

	/** The same answer whatever the reason: the address says nothing about what was, or is not, published. */
	private function notFound(string $token): DataDisplayResponse {
		$response = new DataDisplayResponse('Not found', Http::STATUS_NOT_FOUND, ['Content-Type' => 'text/plain; charset=utf-8']);
		$response->throttle(['token' => substr($token, 0, 64)]);
		return $this->fresh($response);
	}

	/** Never kept by a browser or a proxy: withdrawing a publication ends it at once. */
	private function fresh(DataDisplayResponse $response): DataDisplayResponse {
		$response->cacheFor(0);
		$response->addHeader('X-Robots-Tag', 'noindex');
		return $response;
	}

	/** @return array{page: string, feed: string, badge: string} */
	private function urls(PublicationRecord $record): array {
		$url = fn (string $route): string => $this->urlGenerator->linkToRouteAbsolute('degooglisation.public.' . $route, ['token' => $record->token]);
		return ['page' => $url('page'), 'feed' => $url('feed'), 'badge' => $url('badge')];
	}

	/** @param array<int, string|int> $parameters */
	private function translate(string $text, array $parameters): string {
		return $this->l10n->t($text, $parameters);
	}
}
