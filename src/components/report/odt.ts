/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The report as an OpenDocument text (.odt), written from the report as it
 * is shown: headings, paragraphs, lists and tables become their ODF
 * counterparts and each chart (an SVG element) an embedded SVG picture, so
 * that the saved document says exactly what the screen and the print say.
 * A zip, `mimetype` stored first, made with fflate; loaded only on save.
 */

import { strToU8, zipSync } from 'fflate'

const MIMETYPE = 'application/vnd.oasis.opendocument.text'

function escapeXml(text: string): string {
	// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters: they are what this removes.
	return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

function spaced(text: string): string {
	return escapeXml(text.replace(/\s+/g, ' ').trim())
}

class OdtWriter {
	readonly pictures: Array<{ name: string, svg: string }> = []
	private tables = 0

	block(node: Element): string {
		if (node.getAttribute('aria-hidden') === 'true' || node.classList.contains('report-no-document')) {
			return ''
		}
		const tag = node.tagName.toLowerCase()
		const heading = /^h([1-6])$/.exec(tag)
		if (heading) {
			return `<text:h text:style-name="Heading_20_${heading[1]}" text:outline-level="${heading[1]}">${spaced(node.textContent ?? '')}</text:h>`
		}
		if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'figcaption') {
			return `<text:p text:style-name="Text_20_body">${spaced(node.textContent ?? '')}</text:p>`
		}
		if (tag === 'ul' || tag === 'ol') {
			const items = [...node.children].filter((child) => child.tagName.toLowerCase() === 'li')
			return `<text:list>${items.map((item) => `<text:list-item><text:p text:style-name="List_20_Contents">${spaced(item.textContent ?? '')}</text:p></text:list-item>`).join('')}</text:list>`
		}
		if (tag === 'table') {
			return this.table(node)
		}
		if (tag === 'svg') {
			return this.picture(node)
		}
		return [...node.children].map((child) => this.block(child)).join('')
	}

	private table(node: Element): string {
		const rows = [...node.querySelectorAll('tr')]
		const width = Math.max(1, ...rows.map((row) => row.children.length))
		const caption = node.querySelector('caption')
		const cells = (row: Element) => [...row.children].map((cell) => {
			const style = cell.tagName.toLowerCase() === 'th' ? 'Table_20_Heading' : 'Table_20_Contents'
			return `<table:table-cell office:value-type="string" table:style-name="Cell"><text:p text:style-name="${style}">${spaced(cell.textContent ?? '')}</text:p></table:table-cell>`
		}).join('')
		return `${caption ? `<text:p text:style-name="Caption">${spaced(caption.textContent ?? '')}</text:p>` : ''}<table:table table:name="Table${++this.tables}"><table:table-column table:number-columns-repeated="${width}"/>${rows.map((row) => `<table:table-row>${cells(row)}</table:table-row>`).join('')}</table:table>`
	}

	private picture(node: Element): string {
		const name = `Pictures/chart${this.pictures.length + 1}.svg`
		const svg = new XMLSerializer().serializeToString(node)
		this.pictures.push({ name, svg })
		const [, , w, h] = (node.getAttribute('viewBox') ?? '0 0 480 200').split(/\s+/).map(Number)
		const widthCm = 16
		const label = node.getAttribute('aria-label') ?? ''
		return `<text:p text:style-name="Text_20_body"><draw:frame draw:name="chart${this.pictures.length}" text:anchor-type="as-char" svg:width="${widthCm}cm" svg:height="${((widthCm * h) / w).toFixed(2)}cm"><draw:image xlink:href="${name}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:desc>${escapeXml(label)}</svg:desc></draw:frame></text:p>`
	}
}

const NAMESPACES = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'

const STYLES = `<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:font-size="11pt" style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', sans-serif"/></style:style>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.5cm" fo:break-before="page"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3"><style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="4"><style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
</office:styles>`

/**
 * The document for the report shown in `root`, with `title` in its
 * properties. The first `h2` does not start a page (the title page is short).
 */
export function reportToOdt(root: Element, title: string, language: string): Uint8Array {
	const writer = new OdtWriter()
	const body = [...root.children].map((child) => writer.block(child)).join('')
		.replace('text:style-name="Heading_20_2"', 'text:style-name="Heading_20_2_first"')
	const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NAMESPACES} office:version="1.3"><office:automatic-styles><style:style style:name="Heading_20_2_first" style:family="paragraph" style:parent-style-name="Heading_20_2"><style:paragraph-properties fo:break-before="auto"/></style:style><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #808080" fo:padding="0.08cm"/></style:style></office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`
	const styles = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NAMESPACES} office:version="1.3">${STYLES}<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles></office:document-styles>`
	const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NAMESPACES} office:version="1.3"><office:meta><dc:title>${escapeXml(title)}</dc:title><dc:language>${escapeXml(language)}</dc:language><meta:generator>Dégooglisation</meta:generator></office:meta></office:document-meta>`
	const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIMETYPE}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
${writer.pictures.map((picture) => `<manifest:file-entry manifest:full-path="${picture.name}" manifest:media-type="image/svg+xml"/>`).join('\n')}
</manifest:manifest>`
	return zipSync({
		mimetype: [strToU8(MIMETYPE), { level: 0 }],
		'content.xml': strToU8(content),
		'styles.xml': strToU8(styles),
		'meta.xml': strToU8(meta),
		'META-INF/manifest.xml': strToU8(manifest),
		...Object.fromEntries(writer.pictures.map((picture) => [picture.name, strToU8(picture.svg)])),
	})
}

export const ODT_MIMETYPE = MIMETYPE
