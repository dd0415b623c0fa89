/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The roadmap model: what a commune's dégooglisation roadmap holds.
 * Framework-free: no Vue, no I/O. Every other layer builds on these types.
 */

/**
 * Format identifier and version written in every roadmap document. The version
 * is the format's major version: readers refuse a higher one. Minor versions
 * only add fields, which readers of the same major keep without understanding
 * them (see docs/file-format.md, "Format versions").
 */
export const ROADMAP_FORMAT = 'degooglisation-roadmap'
export const ROADMAP_FORMAT_VERSION = 1
/** 1.1 added departments, an indicator's target date and baseline, and keeping unknown fields. */
export const FORMAT_MINOR_VERSION = 1

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string

/**
 * Task statuses. `dropped` exists because communes do decide not to do a task
 * (no free equivalent for a business app, for instance); dropped tasks leave
 * the progress computation instead of counting as undone forever.
 */
export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'dropped'] as const
export type TaskStatus = typeof TASK_STATUSES[number]

export interface Category {
	id: string
	label: string
}

/** A department of the town hall (état civil, urbanisme, écoles…): what moved to free tools is tracked per department. */
export interface Department {
	id: string
	label: string
}

export interface Phase {
	id: string
	order: number
	title: string
	description: string
	start: IsoDate | null
	end: IsoDate | null
}

export interface ChecklistItem {
	id: string
	text: string
	done: boolean
}

/** A link to a Nextcloud file, by path in the owner's view and, when known, file id. */
export interface FileLink {
	path: string
	fileId: number | null
	label: string
}

export interface Task {
	id: string
	title: string
	description: string
	/** Id of a phase of the same roadmap, or null when unphased. */
	phase: string | null
	status: TaskStatus
	/** Nextcloud user ids, local (`alice`) or federated cloud ids (`agent@cloud.mairie-b.fr`). */
	assignees: string[]
	start: IsoDate | null
	due: IsoDate | null
	/** Id of a category of the same roadmap, or null. */
	category: string | null
	/** Proprietary tools this task replaces. */
	replaces: string[]
	/** Free replacements chosen. */
	replacements: string[]
	checklist: ChecklistItem[]
	links: FileLink[]
	/** Ids of tasks that must be done first. */
	dependsOn: string[]
	/** Ids of the departments the task concerns (none, one or several); added in format 1.1. */
	departments: string[]
	/**
	 * Position among tasks of the same status on the board, smaller first. Files
	 * list tasks by id (stable diffs), so the order people choose lives here.
	 */
	order: number
}

export interface Measurement {
	id: string
	date: IsoDate
	value: number
	note: string
}

export interface Indicator {
	id: string
	name: string
	unit: string
	target: number | null
	/** When the target should be reached; added in format 1.1 (absent: none). */
	targetDate?: IsoDate | null
	/** The value when the migration started, to measure against; added in format 1.1 (absent: none). */
	baseline?: number | null
	measurements: Measurement[]
}

export interface Roadmap {
	format: typeof ROADMAP_FORMAT
	version: typeof ROADMAP_FORMAT_VERSION
	title: string
	commune: string
	description: string
	categories: Category[]
	/** Added in format 1.1. */
	departments: Department[]
	phases: Phase[]
	tasks: Task[]
	indicators: Indicator[]
}

/** A task as created by hand: everything but id and title is optional. */
export type TaskInit = Partial<Omit<Task, 'id' | 'title'>> & Pick<Task, 'id' | 'title'>

export function makeTask(init: TaskInit): Task {
	return {
		description: '',
		phase: null,
		status: 'todo',
		assignees: [],
		start: null,
		due: null,
		category: null,
		replaces: [],
		replacements: [],
		checklist: [],
		links: [],
		dependsOn: [],
		departments: [],
		order: 0,
		...init,
	}
}

export function emptyRoadmap(title: string, commune: string): Roadmap {
	return {
		format: ROADMAP_FORMAT,
		version: ROADMAP_FORMAT_VERSION,
		title,
		commune,
		description: '',
		categories: [],
		departments: [],
		phases: [],
		tasks: [],
		indicators: [],
	}
}
