/**
 * CSV for the command line: the spreadsheet module's reader (src/spreadsheet/csv.ts),
 * its problems turned into input errors (exit code 2).
 */
import { decodeCsv as decode } from '../src/spreadsheet/csv'
import { ImportError } from '../src/spreadsheet/sheet'
import { InputError } from './errors'

/** Runs `read`, telling its problems as bad input data. */
export function asInputError<T>(read: () => T): T {
	try {
		return read()
	} catch (error) {
		if (error instanceof ImportError) throw new InputError(error.message)
		throw error
	}
}

export function decodeCsv(bytes: Uint8Array): string {
	return asInputError(() => decode(bytes))
}
