/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Which tasks and indicators speak for the commune's public commitments: the
 * three levels of measure 4 of the Pacte pour la Transition (April) and the
 * five axes of ADULLACT's Territoire Numérique Libre label. The starter
 * template carries these tags on its own tasks and indicators (found by id);
 * any roadmap can tag its tasks by writing the tag as a hashtag in the task's
 * description (`#pacte-2`), a field every release reads and writes.
 * See docs/reporting.md.
 */

import type { Indicator, Task } from './model.ts'

import { STARTER_INDICATORS, STARTER_TASKS } from './starter/starterTemplate.ts'

export const PACTE_LEVELS = [1, 2, 3] as const
export type PacteLevel = typeof PACTE_LEVELS[number]

/** The label's axes, as territoire-numerique-libre.org lists its criteria. */
export const TNL_AXES = ['strategie', 'pratiques', 'logiciels', 'ecosysteme', 'donnees'] as const
export type TnlAxis = typeof TNL_AXES[number]

export type ReportTag = `pacte-${PacteLevel}` | `tnl-${TnlAxis}` | 'tnl-label'

export const REPORT_TAGS: readonly ReportTag[] = [
	...PACTE_LEVELS.map((level) => `pacte-${level}` as const),
	...TNL_AXES.map((axis) => `tnl-${axis}` as const),
	'tnl-label',
]

const TEMPLATE_TASK_TAGS = new Map(STARTER_TASKS.map((task) => [task.id, task.tags ?? []]))
const TEMPLATE_INDICATOR_TAGS = new Map(STARTER_INDICATORS.map((indicator) => [indicator.id, indicator.tags ?? []]))

const HASHTAG = /(?:^|[^\p{L}\p{N}_-])#([a-z0-9-]+)(?![\p{L}\p{N}_-])/gu

/** The report tags written as hashtags in a text; unknown hashtags are ordinary words. */
export function hashtagsIn(text: string): ReportTag[] {
	const found = new Set<ReportTag>()
	for (const match of text.toLowerCase().matchAll(HASHTAG)) {
		if ((REPORT_TAGS as readonly string[]).includes(match[1])) {
			found.add(match[1] as ReportTag)
		}
	}
	return [...found]
}

/** The template's tags for a task it created (same id), and the hashtags of its description. */
export function taskTags(task: Task): ReportTag[] {
	return [...new Set([...(TEMPLATE_TASK_TAGS.get(task.id) ?? []), ...hashtagsIn(task.description)])]
}

/** Indicators have no free text of their own: only the template's indicators carry tags. */
export function indicatorTags(indicator: Indicator): ReportTag[] {
	return TEMPLATE_INDICATOR_TAGS.get(indicator.id) ?? []
}
