/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The files the reporting side reads and writes beside a roadmap: the records
 * of saved reports in its hidden folder (src/domain/reportRecord.ts), and
 * documents (the report as .odt, spreadsheets) saved into the user's files.
 * Works on the WebDAV client of src/api/clients.ts (`davClient()`).
 */

import type { ReportPeriod } from '../domain/report.ts'
import type { ReportRecord } from '../domain/reportRecord.ts'
import type { DavClient } from '../storage/dav.ts'

import { getRequestToken } from '@nextcloud/auth'
import { getBaseUrl } from '@nextcloud/router'
import { newWriterId } from '../domain/ids.ts'
import { parseReportRecord, parseReportRecordFileName, REPORT_RECORD_FORMAT, REPORT_RECORD_VERSION, reportRecordFileName, serializeReportRecord } from '../domain/reportRecord.ts'
import { STATE_FOLDER } from '../domain/storageFormat.ts'
import { logger } from '../logger.ts'

type Dav = Pick<DavClient, 'list' | 'get' | 'put' | 'filesRoot'>

/** Every readable report record of the roadmap in `folder`; a broken one is logged and skipped (it only loses the default period). */
export async function listReportRecords(dav: Dav, folder: string): Promise<ReportRecord[]> {
	const hidden = `${folder}/${STATE_FOLDER}`
	const names = (await dav.list(hidden)).map((entry) => entry.name).filter((name) => parseReportRecordFileName(name) !== null)
	const records = await Promise.all(names.map(async (name) => {
		const parsed = parseReportRecord(new TextDecoder().decode((await dav.get(`${hidden}/${name}`)).body))
		if ('problem' in parsed) {
			logger.warn(`Report record ${name} skipped: ${parsed.problem}`)
		}
		return 'record' in parsed ? parsed.record : null
	}))
	return records.filter((record): record is ReportRecord => record !== null)
}

/**
 * Records a saved report's period. Each record is written once, under a writer
 * id of its own and If-None-Match, so that two people saving at once never
 * overwrite each other.
 */
export async function saveReportRecord(dav: Dav, folder: string, entry: { author: string, period: ReportPeriod, file: string, at?: string }): Promise<ReportRecord> {
	const record: ReportRecord = {
		format: REPORT_RECORD_FORMAT,
		version: REPORT_RECORD_VERSION,
		writer: newWriterId(),
		seq: 1,
		author: entry.author,
		at: entry.at ?? new Date().toISOString(),
		from: entry.period.from,
		to: entry.period.to,
		file: entry.file,
	}
	const written = await dav.put(`${folder}/${STATE_FOLDER}/${reportRecordFileName(record.writer, record.seq)}`, serializeReportRecord(record), { createOnly: true })
	if (written.status === 412) {
		throw new Error('a report record of that name already exists')
	}
	return record
}

/**
 * Writes a binary document into the user's files. The store's WebDAV client
 * sends text only, so this PUT goes beside it, to the same files root with the
 * same session (cookie and request token).
 */
export async function putDocument(dav: Pick<DavClient, 'filesRoot'>, path: string, bytes: Uint8Array, contentType: string, fetcher: typeof fetch = fetch): Promise<void> {
	const url = `${getBaseUrl()}${dav.filesRoot}/${path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`
	const response = await fetcher(url, {
		method: 'PUT',
		headers: { 'Content-Type': contentType, requesttoken: getRequestToken() ?? '' },
		body: bytes as BodyInit,
		credentials: 'same-origin',
	})
	if (response.status !== 201 && response.status !== 204) {
		throw new Error(`PUT ${path}: HTTP ${response.status}`)
	}
}

/** A name for a document that says what it is and when: `Rapport au conseil 2026-12-07.odt`. */
export function documentName(base: string, day: string, extension: string): string {
	return `${base.replace(/[/\\]+/g, '-')} ${day}.${extension}`
}
