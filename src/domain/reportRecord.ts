/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * When a report is saved, the roadmap records its period, so that the next
 * report starts where this one ended. The record is a small file of its own
 * in the roadmap's hidden folder, `report.<writer>.<seq>.json`, written once
 * under the writer's own name like a change file: no one overwrites it, and
 * releases that do not know it leave it alone (docs/file-format.md: any other
 * file in `.degooglisation/` is ignored). See docs/reporting.md.
 */

import type { ReportPeriod } from './report.ts'

import * as v from 'valibot'
import { writerIdSchema } from './schema.ts'

export const REPORT_RECORD_FORMAT = 'degooglisation-report'
export const REPORT_RECORD_VERSION = 1

const instant = v.pipe(v.string('not a string'), v.isoTimestamp('not a timestamp'))

export const reportRecordSchema = v.object({
	format: v.literal(REPORT_RECORD_FORMAT),
	version: v.literal(REPORT_RECORD_VERSION),
	writer: writerIdSchema,
	seq: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999_999)),
	author: v.pipe(v.string(), v.maxLength(320)),
	/** When the report was saved. */
	at: instant,
	from: instant,
	to: instant,
	/** Where the report document was saved, in the author's files; '' when it was only printed. */
	file: v.pipe(v.string(), v.maxLength(4096)),
})

export type ReportRecord = v.InferOutput<typeof reportRecordSchema>

export function reportRecordFileName(writer: string, seq: number): string {
	return `report.${writer}.${String(seq).padStart(6, '0')}.json`
}

/** Reads a name of the hidden folder; null for any other file. */
export function parseReportRecordFileName(name: string): { writer: string, seq: number } | null {
	const match = /^report\.([a-z0-9]{4,40})\.(\d{6})\.json$/.exec(name)
	return match && Number(match[2]) >= 1 ? { writer: match[1], seq: Number(match[2]) } : null
}

/** A record's text read, or why it is not one (the caller reports it: a broken record only loses the default period). */
export function parseReportRecord(text: string): { record: ReportRecord } | { problem: string } {
	let json: unknown
	try {
		json = JSON.parse(text)
	} catch (error) {
		return { problem: `not valid JSON (${(error as Error).message})` }
	}
	const result = v.safeParse(reportRecordSchema, json)
	return result.success ? { record: result.output } : { problem: result.issues[0].message }
}

export function serializeReportRecord(record: ReportRecord): string {
	const { format, version, writer, seq, author, at, from, to, file } = record
	return `${JSON.stringify({ format, version, writer, seq, author, at, from, to, file }, null, '\t')}\n`
}

/** The period of the report that ends last (saved last on a tie), or null. */
export function lastReportPeriod(records: ReportRecord[]): ReportPeriod | null {
	let last: ReportRecord | null = null
	for (const record of records) {
		const end = Date.parse(record.to)
		const lastEnd = last ? Date.parse(last.to) : -Infinity
		if (end > lastEnd || (end === lastEnd && Date.parse(record.at) > Date.parse(last!.at))) {
			last = record
		}
	}
	return last && { from: last.from, to: last.to }
}
