/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Writes an OpenDocument spreadsheet (ODS): a zip holding `mimetype` first and
 * stored, a manifest, and `content.xml` with one table per sheet. Cells carry
 * their type (`office:value-type` float, date, boolean or string), so that
 * LibreOffice shows numbers as numbers and dates as dates, sorts and sums them;
 * dates use a day-month-year style in French and an ISO style in English.
 */

import type { CellValue } from './sheet.ts'

import { strToU8, zipSync } from 'fflate'

export interface OdsColumn {
	header: string
	/** Width in centimetres. */
	width: number
}

export interface OdsSheet {
	name: string
	columns: OdsColumn[]
	rows: CellValue[][]
}

export type OdsLanguage = 'fr' | 'en'

const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet'

function escapeXml(text: string): string {
	// Characters XML 1.0 cannot hold at all are dropped; the rest are escaped.
	// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters: they are what this removes.
	return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

/** A text cell: one `text:p` per line, runs of spaces and tabs kept as ODF spells them. */
function textParagraphs(text: string): string {
	return text.split(/\r\n|\r|\n/).map((line) => `<text:p>${escapeXml(line)
		.replace(/\t/g, '<text:tab/>')
		.replace(/ {2,}/g, (spaces) => ` <text:s text:c="${spaces.length - 1}"/>`)
		.replace(/^ /, '<text:s/>')}</text:p>`).join('')
}

function cellXml(cell: CellValue): string {
	if (cell === null || cell === '') {
		return '<table:table-cell/>'
	}
	if (typeof cell === 'number') {
		return `<table:table-cell office:value-type="float" office:value="${cell}" calcext:value-type="float"><text:p>${cell}</text:p></table:table-cell>`
	}
	if (typeof cell === 'boolean') {
		return `<table:table-cell office:value-type="boolean" office:boolean-value="${cell}" calcext:value-type="boolean"><text:p>${cell ? 'TRUE' : 'FALSE'}</text:p></table:table-cell>`
	}
	if (typeof cell === 'object') {
		return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${cell.date}" calcext:value-type="date"><text:p>${cell.date}</text:p></table:table-cell>`
	}
	return `<table:table-cell office:value-type="string" calcext:value-type="string">${textParagraphs(cell)}</table:table-cell>`
}

function dateStyle(lang: OdsLanguage): string {
	const parts = lang === 'fr'
		? '<number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>'
		: '<number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/>'
	return `<number:date-style style:name="date-format">${parts}</number:date-style>`
}

function contentXml(sheets: OdsSheet[], lang: OdsLanguage): string {
	const columnStyles = sheets.flatMap((sheet, s) => sheet.columns.map((column, c) => `<style:style style:name="co${s}-${c}" style:family="table-column"><style:table-column-properties style:column-width="${column.width}cm"/></style:style>`))
	const tables = sheets.map((sheet, s) => {
		const columns = sheet.columns.map((_, c) => `<table:table-column table:style-name="co${s}-${c}"/>`).join('')
		const header = `<table:table-header-rows><table:table-row>${sheet.columns.map((column) => `<table:table-cell table:style-name="header" office:value-type="string" calcext:value-type="string">${textParagraphs(column.header)}</table:table-cell>`).join('')}</table:table-row></table:table-header-rows>`
		const rows = sheet.rows.map((row) => `<table:table-row>${row.map(cellXml).join('')}</table:table-row>`).join('\n')
		return `<table:table table:name="${escapeXml(sheet.name)}">${columns}${header}\n${rows}</table:table>`
	})
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">
<office:automatic-styles>${dateStyle(lang)}<style:style style:name="date" style:family="table-cell" style:data-style-name="date-format"/><style:style style:name="header" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>${columnStyles.join('')}</office:automatic-styles>
<office:body><office:spreadsheet>
${tables.join('\n')}
</office:spreadsheet></office:body></office:document-content>
`
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="${MIMETYPE}" manifest:version="1.3"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`

/** Optional in the standard, but readers such as SheetJS expect it. */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3"><office:styles><style:default-style style:family="table-cell"/></office:styles></office:document-styles>
`

export function writeOds(sheets: OdsSheet[], lang: OdsLanguage): Uint8Array {
	return zipSync({
		// The format requires `mimetype` first and uncompressed, so that tools recognise the file from its first bytes.
		mimetype: [strToU8(MIMETYPE), { level: 0 }],
		'META-INF/manifest.xml': strToU8(MANIFEST),
		'styles.xml': strToU8(STYLES),
		'content.xml': strToU8(contentXml(sheets, lang)),
	}, { level: 6 })
}
