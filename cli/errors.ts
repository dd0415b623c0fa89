/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What can go wrong on the command line, and how it is told: one clear line on
 * standard error (a few more when a file has several bad rows), no stack
 * trace, and an exit code scripts can test.
 */

import { DavError } from '../src/storage/dav.ts'
import { RoadmapFolderError } from '../src/storage/roadmapFolder.ts'

export const EXIT_FAILURE = 1
export const EXIT_INVALID_INPUT = 2

/** A command used wrongly: missing argument, unknown option. */
export class UsageError extends Error {
	constructor(message: string, readonly command?: string) {
		super(message)
	}
}

/** Data that cannot go into a roadmap: a bad CSV row, an unknown status or task. */
export class InputError extends Error {}

export interface ErrorReport {
	message: string
	code: number
}

interface FetchFailure extends TypeError {
	cause?: { code?: string, message?: string }
}

/** `url` is the server the command talked to, for "cannot reach" messages. */
export function reportError(error: unknown, url: string | undefined): ErrorReport {
	if (error instanceof InputError) {
		return { message: error.message, code: EXIT_INVALID_INPUT }
	}
	if (error instanceof UsageError) {
		const help = error.command ? `degooglisation ${error.command} --help` : 'degooglisation --help'
		return { message: `${error.message}\nRun "${help}" for usage.`, code: EXIT_FAILURE }
	}
	if (error instanceof DavError) {
		if (error.status === 401) {
			return { message: 'authentication failed: check the user and app password', code: EXIT_FAILURE }
		}
		if (error.status === 403) {
			return { message: `permission denied: ${error.path}`, code: EXIT_FAILURE }
		}
		if (error.status === 404) {
			return { message: `not found: ${error.path}`, code: EXIT_FAILURE }
		}
		return { message: `${url} answered HTTP ${error.status} to ${error.method} ${error.path}`, code: EXIT_FAILURE }
	}
	if (error instanceof RoadmapFolderError) {
		return { message: [error.message, ...error.problems.map((p) => `  ${p.file}: ${p.message}`)].join('\n'), code: EXIT_FAILURE }
	}
	// fetch rejects with "fetch failed" and the socket error as cause.
	if (error instanceof TypeError && error.message === 'fetch failed') {
		const cause = (error as FetchFailure).cause
		return { message: `cannot reach ${url}: ${cause?.message ?? cause?.code ?? error.message}`, code: EXIT_FAILURE }
	}
	return { message: error instanceof Error ? error.message : String(error), code: EXIT_FAILURE }
}
