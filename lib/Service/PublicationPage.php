<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\Degooglisation\Service;

/**
 * The residents' page as one HTML document: no script, the style inline, the
 * charts inline SVG, so that it is one light request on a phone and needs
 * nothing of Nextcloud's logged-in page. It says what is published and what
 * is not. Framework-free, tested without Nextcloud.
 */
final class PublicationPage {
	private const STATUS_TEXT = [
		'todo' => 'To do',
		'in_progress' => 'In progress',
		'blocked' => 'Blocked',
		'done' => 'Done',
		'dropped' => 'Dropped',
	];
	private const MIGRATION_TEXT = [
		'todo' => 'Not started',
		'in_progress' => 'In progress',
		'blocked' => 'Blocked',
		'done' => 'Migrated',
		'dropped' => 'Dropped',
	];

	/** @var callable(string, array<int, string|int>): string */
	private $translator;

	/**
	 * @param callable(string, array<int, string|int>): string $t translates, Nextcloud's way (%s)
	 */
	public function __construct(callable $t, private string $language) {
		$this->translator = $t;
	}

	/** @param array<int, string|int> $parameters */
	private function t(string $text, array $parameters): string {
		return ($this->translator)($text, $parameters);
	}

	/**
	 * @param array<string, mixed> $view from PublicationView::build
	 * @param array{page: string, feed: string, badge: string} $urls
	 */
	public function html(array $view, array $urls, ?string $expires, string $css): string {
		$name = $view['commune'] !== '' ? $view['commune'] : $view['title'];
		$progress = $view['progress'];
		$out = '<!DOCTYPE html><html lang="' . self::e($this->language) . '"><head><meta charset="utf-8">'
			. '<meta name="viewport" content="width=device-width, initial-scale=1">'
			. '<meta name="robots" content="noindex">'
			. '<title>' . self::e($this->t('Dégooglisation of %s', [$name])) . '</title>'
			. '<link rel="alternate" type="application/atom+xml" href="' . self::e($urls['feed']) . '" title="' . self::e($this->t('What was finished and measured', [])) . '">'
			. '<style>' . $css . '</style></head><body>'
			. '<header><p class="commune">' . self::e($name) . '</p><h1>' . self::e($view['title']) . '</h1>'
			. '<p class="overall">' . self::e($progress['percent'] === null
				? $this->t('No task to count yet.', [])
				: $this->t('%1$s %% done: %2$s of %3$s tasks finished.', [$progress['percent'], $progress['done'], $progress['counted']])) . '</p>'
			. self::bar($progress['percent']) . '</header><main>';

		$out .= '<section aria-labelledby="phases"><h2 id="phases">' . self::e($this->t('Phases', [])) . '</h2>';
		foreach ($view['phases'] as $phase) {
			$out .= '<article class="phase"><h3>' . self::e($phase['id'] === null ? $this->t('No phase', []) : $phase['title']) . '</h3>';
			if ($phase['start'] !== null || $phase['end'] !== null) {
				$out .= '<p class="dates">' . self::e($this->t('%1$s to %2$s', [$this->date($phase['start']), $this->date($phase['end'])])) . '</p>';
			}
			$out .= '<p>' . self::e($phase['percent'] === null ? $this->t('No task to count.', []) : $this->t('%1$s %% done: %2$s of %3$s tasks finished.', [$phase['percent'], $phase['done'], $phase['counted']])) . '</p>'
				. self::bar($phase['percent']);
			if ($phase['tasks'] !== []) {
				$out .= '<details><summary>' . self::e($this->t('The %s tasks', [count($phase['tasks'])])) . '</summary><ul class="tasks">';
				foreach ($phase['tasks'] as $task) {
					$out .= $this->task($task);
				}
				$out .= '</ul></details>';
			}
			$out .= '</article>';
		}
		$out .= '</section>';

		$out .= '<section aria-labelledby="indicators"><h2 id="indicators">' . self::e($this->t('Indicators', [])) . '</h2>';
		if ($view['indicators'] === []) {
			$out .= '<p>' . self::e($this->t('No indicator.', [])) . '</p>';
		}
		foreach ($view['indicators'] as $indicator) {
			$last = $indicator['measurements'] === [] ? null : $indicator['measurements'][count($indicator['measurements']) - 1];
			$out .= '<article class="indicator"><h3>' . self::e($indicator['name']) . '</h3><p>'
				. self::e($last === null ? $this->t('Not measured yet.', []) : $this->t('Latest: %1$s %2$s on %3$s', [self::number($last['value']), $indicator['unit'], $this->date($last['date'])]))
				. ($indicator['target'] === null ? '' : ' · ' . self::e($this->t('Target: %1$s %2$s', [self::number($indicator['target']), $indicator['unit']])))
				. '</p>' . $this->chart($indicator) . '</article>';
		}
		$out .= '</section>';

		$out .= '<section aria-labelledby="replacements"><h2 id="replacements">' . self::e($this->t('What replaces what', [])) . '</h2>';
		if ($view['replacements'] === []) {
			$out .= '<p>' . self::e($this->t('No replacement recorded yet.', [])) . '</p>';
		} else {
			$out .= '<table><thead><tr><th scope="col">' . self::e($this->t('Proprietary tool', [])) . '</th><th scope="col">' . self::e($this->t('Replaced by', [])) . '</th><th scope="col">' . self::e($this->t('Status', [])) . '</th></tr></thead><tbody>';
			foreach ($view['replacements'] as $row) {
				$out .= '<tr><th scope="row">' . self::e($row['tool']) . '</th><td>' . self::e($row['replacements'] === [] ? '—' : implode(', ', $row['replacements'])) . '</td><td>' . self::e($this->t(self::MIGRATION_TEXT[$row['status']], [])) . '</td></tr>';
			}
			$out .= '</tbody></table>';
		}
		$out .= '</section>';

		$options = $view['options'];
		$published = [$this->t('task titles and statuses, phases, indicators and their measurements', [])];
		$private = [];
		foreach (['assignees' => 'who is in charge of each task', 'descriptions' => 'task descriptions', 'checklists' => 'checklists', 'links' => 'names of linked documents'] as $key => $text) {
			if ($options[$key]) {
				$published[] = $this->t($text, []);
			} else {
				$private[] = $this->t($text, []);
			}
		}
		$out .= '<section aria-labelledby="published"><h2 id="published">' . self::e($this->t('What this page shows', [])) . '</h2>'
			. '<p>' . self::e($this->t('Published: %s.', [implode(', ', $published)])) . '</p>'
			. ($private === [] ? '' : '<p>' . self::e($this->t('Not published: %s.', [implode(', ', $private)])) . '</p>')
			. ($expires === null ? '' : '<p>' . self::e($this->t('This page is published until %s.', [$this->date($expires)])) . '</p>')
			. '</section></main><footer><p><a href="' . self::e($urls['feed']) . '">' . self::e($this->t('Follow what is finished and measured (Atom feed)', [])) . '</a></p>'
			. '<p>' . self::e($this->t('Progress badge for a website:', [])) . ' <img src="' . self::e($urls['badge']) . '" alt="' . self::e($this->t('%s %% done', [(string)($progress['percent'] ?? '—')])) . '" height="20"></p>'
			. '<p><code>' . self::e('<a href="' . $urls['page'] . '"><img src="' . $urls['badge'] . '" alt="Dégooglisation"></a>') . '</code></p>'
			. '</footer></body></html>' . "\n";
		return $out;
	}

	/** @param array<string, mixed> $task */
	private function task(array $task): string {
		$out = '<li><span class="title">' . self::e($task['title']) . '</span> <span class="status status-' . self::e($task['status']) . '">' . self::e($this->t(self::STATUS_TEXT[$task['status']], [])) . '</span>';
		if ($task['due'] !== null) {
			$out .= ' <span class="due">' . self::e($this->t('due %s', [$this->date($task['due'])])) . '</span>';
		}
		if (($task['assignees'] ?? []) !== []) {
			$out .= '<p>' . self::e($this->t('In charge: %s', [implode(', ', $task['assignees'])])) . '</p>';
		}
		if (($task['description'] ?? '') !== '') {
			$out .= '<p class="description">' . nl2br(self::e($task['description'])) . '</p>';
		}
		if (($task['checklist'] ?? []) !== []) {
			$out .= '<ul class="checklist">';
			foreach ($task['checklist'] as $item) {
				$out .= '<li>' . ($item['done'] ? '☑ ' : '☐ ') . '<span class="visually-hidden">' . self::e($item['done'] ? $this->t('done:', []) : $this->t('to do:', [])) . ' </span>' . self::e($item['text']) . '</li>';
			}
			$out .= '</ul>';
		}
		if (($task['links'] ?? []) !== []) {
			$out .= '<p>' . self::e($this->t('Documents: %s', [implode(', ', $task['links'])])) . '</p>';
		}
		return $out . '</li>';
	}

	private static function bar(?int $percent): string {
		return '<div class="bar" aria-hidden="true"><div style="width:' . (int)($percent ?? 0) . '%"></div></div>';
	}

	/** @param array{name: string, unit: string, target: ?float, measurements: list<array{date: string, value: float}>} $indicator */
	private function chart(array $indicator): string {
		$points = $indicator['measurements'];
		if ($points === []) {
			return '';
		}
		[$w, $h, $left, $right, $top, $bottom] = [360, 150, 48, 10, 10, 30];
		$days = array_map(static fn (array $m): int => intdiv((int)strtotime($m['date'] . 'T00:00:00Z'), 86400), $points);
		[$x0, $x1] = [min($days), max($days)];
		if ($x0 === $x1) {
			[$x0, $x1] = [$x0 - 15, $x1 + 15];
		}
		$values = array_column($points, 'value');
		if ($indicator['target'] !== null) {
			$values[] = $indicator['target'];
		}
		[$y0, $y1] = [min(0.0, ...$values), max($values)];
		if ($y0 === $y1) {
			$y1 = $y0 + 1;
		}
		$x = static fn (int $day): float => $left + ($day - $x0) / ($x1 - $x0) * ($w - $left - $right);
		$y = static fn (float $v): float => $h - $bottom - ($v - $y0) / ($y1 - $y0) * ($h - $top - $bottom);
		$said = implode(', ', array_map(fn (array $m): string => $this->date($m['date']) . ' : ' . self::number($m['value']), $points));
		$svg = '<svg class="chart" viewBox="0 0 ' . $w . ' ' . $h . '" role="img" aria-label="' . self::e($indicator['name'] . ' (' . $indicator['unit'] . ') — ' . $said) . '" font-size="10" font-family="sans-serif">'
			. sprintf('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#000"/>', $left, $left, $top, $h - $bottom)
			. sprintf('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#000"/>', $left, $w - $right, $h - $bottom, $h - $bottom)
			. sprintf('<text x="%d" y="%.1f" text-anchor="end">%s</text>', $left - 4, $y($y1) + 4, self::e(self::number($y1)))
			. sprintf('<text x="%d" y="%.1f" text-anchor="end">%s</text>', $left - 4, $y($y0) + 4, self::e(self::number($y0)))
			. sprintf('<text x="%d" y="%d">%s</text>', $left, $h - $bottom + 14, self::e($this->date($points[0]['date'])))
			. (count($points) > 1 ? sprintf('<text x="%d" y="%d" text-anchor="end">%s</text>', $w - $right, $h - $bottom + 14, self::e($this->date($points[count($points) - 1]['date']))) : '')
			. sprintf('<text x="%d" y="%d" fill="#444">%s</text>', $left, $h - 4, self::e($indicator['unit']));
		if ($indicator['target'] !== null) {
			$svg .= sprintf('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#555" stroke-dasharray="6 4"/>', $left, $w - $right, $y($indicator['target']), $y($indicator['target']))
				. sprintf('<text x="%d" y="%.1f" text-anchor="end" fill="#333">%s</text>', $w - $right, $y($indicator['target']) - 3, self::e($this->t('target %s', [self::number($indicator['target'])])));
		}
		$coordinates = array_map(static fn (int $i): string => sprintf('%.1f,%.1f', $x($days[$i]), $y($points[$i]['value'])), array_keys($points));
		if (count($coordinates) > 1) {
			$svg .= '<polyline fill="none" stroke="#000" stroke-width="2" points="' . implode(' ', $coordinates) . '"/>';
		}
		foreach ($coordinates as $c) {
			[$cx, $cy] = explode(',', $c);
			$svg .= '<circle cx="' . $cx . '" cy="' . $cy . '" r="3"/>';
		}
		return $svg . '</svg>';
	}

	private function date(?string $date): string {
		if ($date === null) {
			return '…';
		}
		[$year, $month, $day] = explode('-', $date);
		return str_starts_with($this->language, 'en') ? $date : "$day/$month/$year";
	}

	public static function number(float $value): string {
		return rtrim(rtrim(number_format($value, 2, ',', "\u{202f}"), '0'), ',');
	}

	private static function e(string $text): string {
		return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
	}
}
