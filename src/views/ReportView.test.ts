// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { Roadmap, Task } from '../domain/model.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { strFromU8, unzipSync } from 'fflate'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ReportView from './ReportView.vue'
import { makeTask } from '../domain/model.ts'
import { parseReportRecord, serializeReportRecord } from '../domain/reportRecord.ts'
import { createStarterRoadmap } from '../domain/starter/createStarterRoadmap.ts'
import { HistoryBuilder } from '../domain/testing/historyBuilder.ts'
import { useRoadmapStore } from '../stores/roadmap.ts'

const auth = vi.hoisted(() => ({ user: { uid: 'alice', displayName: 'Alice Martin', isAdmin: false } }))
vi.mock('@nextcloud/auth', async (original) => ({ ...(await original<typeof import('@nextcloud/auth')>()), getCurrentUser: () => auth.user, getRequestToken: () => 'token' }))

// The network boundary: the report's files and the name lookups.
vi.mock('../api/clients.ts', () => ({ davClient: () => dav, ocsClient: () => ({ searchSharees }) }))

const task = (roadmap: Roadmap, id: string): Task => roadmap.tasks.find((t) => t.id === id)!
function measure(roadmap: Roadmap, indicator: string, date: string, value: number) {
	roadmap.indicators.find((i) => i.id === indicator)!.measurements.push({ id: `${indicator}-${date}`, date, value, note: '' })
}

function history() {
	return new HistoryBuilder(createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2026-01-05' }), '2026-01-05T08:00:00.000Z')
		.edit('alice', '2026-02-01T09:00:00.000Z', (r) => measure(r, 'desktop-linux-share', '2026-02-01', 10))
		.edit('alice', '2026-02-10T09:00:00.000Z', (r) => {
			task(r, 'structuring-council-mandate').status = 'done'
		})
		.edit('bob', '2026-09-15T09:00:00.000Z', (r) => {
			task(r, 'solutions-browser').status = 'done'
		})
		.edit('bob', '2026-09-20T09:00:00.000Z', (r) => {
			task(r, 'solutions-office-suite').status = 'in_progress'
		})
		.edit('claire', '2026-10-05T09:00:00.000Z', (r) => {
			task(r, 'transformation-directory').status = 'blocked'
		})
		.edit('alice', '2026-10-10T09:00:00.000Z', (r) => {
			r.tasks.push(makeTask({ id: 'etat-civil', title: 'Migrer le logiciel d\'état civil', phase: 'solutions' }))
		})
		.edit('bob', '2026-11-01T09:00:00.000Z', (r) => measure(r, 'desktop-linux-share', '2026-11-01', 30))
		.edit('bob', '2026-11-20T09:00:00.000Z', (r) => {
			task(r, 'solutions-office-suite').status = 'done'
		})
		.build()
}

const FOLDER = '/Dégooglisation/Saint-Exemple'
const previous = { format: 'degooglisation-report', version: 1, writer: 'w0000001', seq: 1, author: 'alice', at: '2026-09-01T10:00:00.000Z', from: '2026-06-01T00:00:00.000Z', to: '2026-09-01T00:00:00.000Z', file: '' } as const
let dav: { filesRoot: string, list: ReturnType<typeof vi.fn>, get: ReturnType<typeof vi.fn>, put: ReturnType<typeof vi.fn> }
let searchSharees: ReturnType<typeof vi.fn>
let fetchSpy: ReturnType<typeof vi.fn>

beforeEach(() => {
	setActivePinia(createPinia())
	const store = useRoadmapStore()
	const built = history()
	store.path = FOLDER
	vi.spyOn(store, 'readHistory').mockResolvedValue(built)
	vi.spyOn(store, 'readableFileVersions').mockResolvedValue([])
	dav = {
		filesRoot: '/remote.php/dav/files/alice',
		list: vi.fn(async () => [{ name: '' }, { name: 'report.w0000001.000001.json' }, { name: 'change.w0000001.000001.json' }, { name: 'report.broken0.000001.json' }]),
		get: vi.fn(async (path: string) => ({ body: new TextEncoder().encode(path.includes('broken') ? '{' : serializeReportRecord(previous)), etag: 'e' })),
		put: vi.fn(async () => ({ status: 201, etag: 'e2' })),
	}
	const names: Record<string, string> = { alice: 'Alice Martin', bob: 'Bruno Petit', claire: 'Claire Dubois' }
	searchSharees = vi.fn(async (term: string) => [{ label: names[term], shareType: 0, shareWith: term }])
	fetchSpy = vi.fn(async () => new Response(null, { status: 201 }))
	vi.stubGlobal('fetch', fetchSpy)
})
afterEach(() => {
	vi.unstubAllGlobals()
})

async function render() {
	document.body.innerHTML = '<div id="content"></div>'
	const wrapper = mount(ReportView, { attachTo: '#content' })
	await flushPromises()
	await flushPromises()
	return wrapper
}

describe('ReportView', () => {
	it('starts where the last saved report ended and tells who did what, by name', async () => {
		const wrapper = await render()
		const [from] = wrapper.findAll('input[type="date"]')
		expect((from.element as HTMLInputElement).value).toBe('2026-09-01')
		expect(wrapper.text()).toContain('The last saved report covered')
		expect(wrapper.find('.report__counts').text()).toBe('Finished: 2 · Started: 0 · Blocked: 1 · Added: 1')
		const finished = wrapper.findAll('.report__activity--finished li').map((li) => li.text())
		expect(finished).toHaveLength(2)
		expect(finished[0]).toMatch(/^Installer Firefox.* — by Bruno Petit on /)
		expect(wrapper.find('.report__activity--blocked li').text()).toContain('by Claire Dubois')
		expect(wrapper.find('.report__activity--added li').text()).toContain('Migrer le logiciel d\'état civil — by Alice Martin')
		// One lookup per person, not per line.
		expect(searchSharees.mock.calls.map((call) => call[0]).sort()).toEqual(['alice', 'bob', 'claire'])
	})

	it('gives each indicator its values and a chart with axes, and counts what replaces what', async () => {
		const wrapper = await render()
		const linux = wrapper.findAll('.report__indicator').find((card) => card.find('h3').text() === 'Part des postes sous système libre')!
		expect(linux.find('.report__latest').text()).toMatch(/^30 %/)
		expect(linux.findAll('td').map((td) => td.text())[2]).toBe('+20 %')
		const chart = linux.find('svg.report-chart')
		expect(chart.attributes('aria-label')).toContain('10')
		expect(chart.findAll('circle')).toHaveLength(2)
		expect(chart.findAll('text').map((text) => text.text())).toContain('%')
		const now = wrapper.findAll('.report__replacement-counts td[data-status]').map((td) => [td.attributes('data-status'), Number(td.text())])
		expect(Object.fromEntries(now).done).toBeGreaterThanOrEqual(2)
	})

	it('reads the start of the period from a file version when the history does not reach back that far', async () => {
		const store = useRoadmapStore()
		const built = history()
		// As if a compaction had folded everything before October into a snapshot.
		vi.mocked(store.readHistory).mockResolvedValue({ ...built, complete: false, startAt: '2026-10-01T00:00:00.000Z' })
		const atStart = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2026-01-05' })
		for (const done of ['structuring-council-mandate', 'structuring-inventory', 'solutions-browser']) {
			task(atStart, done).status = 'done'
		}
		vi.mocked(store.readableFileVersions).mockResolvedValue([
			{ fileId: 7, id: '2', lastModified: '2026-10-02T08:00:00.000Z', author: '', label: '' },
			{ fileId: 7, id: '1', lastModified: '2026-08-30T08:00:00.000Z', author: '', label: '' },
			{ fileId: 7, id: '0', lastModified: '2026-03-01T08:00:00.000Z', author: '', label: '' },
		])
		const readVersion = vi.spyOn(store, 'readVersion').mockResolvedValue(atStart)
		const wrapper = await render()
		await flushPromises()
		expect(readVersion).toHaveBeenCalledWith(expect.objectContaining({ id: '1' }))
		expect(wrapper.find('.report__caveat').exists()).toBe(false)
		const structuring = wrapper.findAll('.report__phase').find((row) => row.find('th').text() === 'Structuration')!
		// Two of its tasks were done at the start, as the file version says.
		expect(structuring.findAll('td')[0].text()).toBe('20 %')
	})

	it('saves the report as an OpenDocument text beside the roadmap and records its period', async () => {
		const wrapper = await render()
		await wrapper.findAll('button').find((b) => b.text() === 'Save into Nextcloud next to the roadmap')!.trigger('click')
		await flushPromises()
		await vi.waitFor(() => expect(fetchSpy).toHaveBeenCalled())
		const [url, init] = fetchSpy.mock.calls[0] as [string, RequestInit]
		expect(decodeURIComponent(url)).toMatch(/\/remote\.php\/dav\/files\/alice\/Dégooglisation\/Saint-Exemple\/Report to the municipal council Saint-Exemple \d{4}-\d{2}-\d{2}\.odt$/)
		expect(init.method).toBe('PUT')
		const files = unzipSync(init.body as Uint8Array)
		expect(strFromU8(files.mimetype)).toBe('application/vnd.oasis.opendocument.text')
		const content = strFromU8(files['content.xml'])
		expect(content).toContain('<text:h text:style-name="Heading_20_1" text:outline-level="1">Report to the municipal council</text:h>')
		expect(content).toContain('by Bruno Petit')
		expect(Object.keys(files).filter((name) => name.startsWith('Pictures/')).length).toBeGreaterThan(0)

		await vi.waitFor(() => expect(dav.put).toHaveBeenCalled())
		const [path, text, conditions] = dav.put.mock.calls[0]
		expect(path).toMatch(/^\/Dégooglisation\/Saint-Exemple\/\.degooglisation\/report\.[a-z0-9]{12}\.000001\.json$/)
		expect(conditions).toEqual({ createOnly: true })
		const record = parseReportRecord(text)
		expect('record' in record && record.record).toMatchObject({ author: 'alice', from: '2026-09-01T00:00:00.000Z' })
		await flushPromises()
		expect(wrapper.text()).toContain('The next report will start on')
	})
})
