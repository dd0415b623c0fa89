/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * CSV for the command line: the spreadsheet module's reader (src/spreadsheet/csv.ts),
 * its problems turned into input errors (exit code 2).
 */

import { decodeCsv as decode } from '../src/spreadsheet/csv.ts'
import { ImportError } from '../src/spreadsheet/sheet.ts'
import { InputError } from './errors.ts'

/** A spreadsheet's problems as bad input data; any other error as it is. */
export function toInputError(error: unknown): unknown {
	return error instanceof ImportError ? new InputError(error.message) : error
}

/** Runs `read`, telling its problems as bad input data. */
export function asInputError<T>(read: () => T): T {
	try {
		return read()
	} catch (error) {
		throw toInputError(error)
	}
}

export function decodeCsv(bytes: Uint8Array): string {
	return asInputError(() => decode(bytes))
}
