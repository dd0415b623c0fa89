/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom
/**
 * The sidebar on the real roadmap store, which saves to an in-process sandbox
 * (Nextcloud's WebDAV, as the contract suite pins it); only the sharee search
 * (src/api's OCS client) and Nextcloud's dialogs are faked.
 */

import type { Task } from '../domain/model.ts'

import { flushPromises, mount } from '@vue/test-utils'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import NcSelect from '@nextcloud/vue/components/NcSelect'
import SharePanel from './SharePanel.vue'
import TaskSidebar from './TaskSidebar.vue'
import { startSandbox } from '../../sandbox/server.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { createAppRouter } from '../router/index.ts'
import { setBrowserTransport } from '../storage/browserClient.ts'
import { createNodeDavClient } from '../storage/nodeClient.ts'
import { OcsClient } from '../storage/ocs.ts'
import { RoadmapFolder } from '../storage/roadmapFolder.ts'
import { useRoadmapStore } from '../stores/roadmap.ts'
import { titleToFocus } from './taskOpener.ts'

const dialogs = vi.hoisted(() => {
	class FilePickerClosed extends Error {}
	const picked = { nodes: [] as Array<{ path: string, fileid?: number, basename: string }> | FilePickerClosed }
	const builder = {
		setMultiSelect: () => builder,
		allowDirectories: () => builder,
		addButton: () => builder,
		build: () => ({ pickNodes: async () => (picked.nodes instanceof Error ? Promise.reject(picked.nodes) : picked.nodes) }),
	}
	return { showUndo: vi.fn(), FilePickerClosed, picked, getFilePickerBuilder: vi.fn(() => builder) }
})
vi.mock('@nextcloud/dialogs', () => dialogs)
const ALICE = { uid: 'alice', displayName: 'Alice Martin', isAdmin: false }
const auth = vi.hoisted(() => ({ user: null as null | { uid: string, displayName: string | null, isAdmin: boolean } }))
vi.mock('@nextcloud/auth', async (original) => ({ ...(await original<typeof import('@nextcloud/auth')>()), getCurrentUser: () => auth.user }))
const server = vi.hoisted(() => ({ url: '' }))
vi.mock('@nextcloud/router', async (original) => ({ ...(await original<typeof import('@nextcloud/router')>()), getBaseUrl: () => server.url }))
const searchSharees = vi.fn()
// The sharee search is faked at the API module's edge; WebDAV and the share API go to the sandbox.
vi.mock('../api/clients.ts', async (original) => {
	const actual = await original<typeof import('../api/clients.ts')>()
	return { ...actual, ocsClient: () => Object.assign(actual.ocsClient(), { searchSharees }) }
})
/** An answer of Nextcloud's to the next share creations instead of the sandbox's, while set. */
let shareAnswer: { status: number, message: string } | null = null
/** Every request the page sent, as `METHOD path`, PROPFINDs with their depth. */
const sent: string[] = []

const TASK = 't00000'
let store: ReturnType<typeof useRoadmapStore>
let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dataDir: string
let folder = ''
let folders = 0
const dav = () => createNodeDavClient({ url: sandbox.url, user: 'alice', password: 'alice' })

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-sidebar-'))
	// No pause between precondition and write: the test's fake timers would hold it.
	sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice' }, { id: 'bob', displayName: 'Bruno Petit', password: 'bob' }], hazards: { preconditionGapMs: 0 } })
	server.url = sandbox.url
	// The page's session, as HTTP basic: Node's fetch keeps no cookie.
	const basic = `Basic ${Buffer.from('alice:alice').toString('base64')}`
	setBrowserTransport(async (input, init = {}) => {
		const method = init.method ?? 'GET'
		const depth = new Headers(init.headers).get('Depth')
		sent.push(`${method}${depth === null ? '' : ` (depth ${depth})`} ${decodeURIComponent(new URL(String(input)).pathname)}`)
		if (shareAnswer && init.method === 'POST' && String(input).includes('/files_sharing/api/v1/shares')) {
			return new Response(JSON.stringify({ ocs: { meta: { status: 'failure', statuscode: shareAnswer.status, message: shareAnswer.message }, data: [] } }), { status: shareAnswer.status })
		}
		return fetch(input, { ...init, signal: undefined, headers: { ...Object.fromEntries(new Headers(init.headers)), Authorization: basic } })
	})
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

/** A roadmap of its own for each test, opened by the real store. */
async function setUpStore(canWrite = true) {
	auth.user = ALICE
	folder = `/Feuille ${++folders}`
	const roadmap = sampleRoadmap(3)
	roadmap.tasks[1]!.dependsOn = [TASK]
	roadmap.tasks[2]!.dependsOn = ['t00001']
	roadmap.departments = [{ id: 'etat-civil', label: 'État civil' }, { id: 'urbanisme', label: 'Urbanisme' }]
	await new RoadmapFolder({ dav: dav(), path: folder, writer: { id: 'writerseed01', author: 'alice' } }).create(roadmap)
	setActivePinia(createPinia())
	store = useRoadmapStore()
	await store.open(folder)
	if (!canWrite) {
		store.access = { ...store.access!, canWrite: false }
	}
	// Observed, not replaced: the store saves for real.
	vi.spyOn(store, 'updateTask')
	const users = [{ label: 'Alice Martin', shareType: 0, shareWith: 'alice' }, { label: 'Bruno Petit', shareType: 0, shareWith: 'bob' }]
	searchSharees.mockReset()
	searchSharees.mockImplementation(async (term: string) => (term.includes('@')
		? [{ label: `agent (${term.split('@')[1]})`, shareType: 6, shareWith: term, server: term.split('@')[1] }]
		: users.filter((user) => `${user.label} ${user.shareWith}`.toLowerCase().includes(term))))
}

/** The roadmap as saved in the files: what the store sent. */
async function savedTask(id = TASK): Promise<Task> {
	await vi.waitFor(() => expect(store.unsent).toBe(0))
	await vi.waitFor(() => expect(store.saveState).toBe('saved'))
	const { roadmap } = await new RoadmapFolder({ dav: dav(), path: folder, writer: { id: 'writerread01', author: 'alice' } }).load()
	return roadmap.tasks.find((t) => t.id === id)!
}

async function render(taskId = TASK) {
	const router = createAppRouter(createMemoryHistory())
	await router.push(`/roadmap/D%C3%A9googlisation/A?task=${taskId}`)
	document.body.innerHTML = '<div id="content"></div>'
	const wrapper = mount(TaskSidebar, { props: { taskId }, attachTo: '#content', global: { plugins: [router] } })
	await flushPromises()
	return { wrapper, router }
}

const task = (id = TASK): Task => store.roadmap!.tasks.find((t) => t.id === id)!
interface SelectProps { inputLabel: string, options: Array<{ id: string, label: string }>, modelValue: Array<{ id: string, label: string }> }
const select = (wrapper: Awaited<ReturnType<typeof render>>['wrapper'], label: string) => wrapper.findAllComponents(NcSelect).find((c) => (c.props() as unknown as SelectProps).inputLabel === label)!
const selectProps = (found: ReturnType<typeof select>) => found.props() as unknown as SelectProps
function field(wrapper: Awaited<ReturnType<typeof render>>['wrapper'], label: string) {
	const labelElement = wrapper.findAll('label').find((l) => l.text() === label)!
	return wrapper.find(`[id="${labelElement.attributes('for')}"]`)
}

/** An action of the header's menu, which opens it. */
async function menuAction(wrapper: Awaited<ReturnType<typeof render>>['wrapper'], text: string) {
	await wrapper.find('.app-sidebar-header button[aria-haspopup]').trigger('click')
	// The menu opens after its popover's delay.
	for (let i = 0; i < 5; i++) {
		vi.advanceTimersByTime(200)
		await flushPromises()
	}
	// The menu is teleported out of the sidebar.
	const items = [...document.querySelectorAll<HTMLElement>('[role="menuitem"]')]
	return { items: items.map((item) => item.textContent!.trim()), item: items.find((item) => item.textContent!.trim() === text) }
}

beforeEach(async () => {
	await setUpStore()
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
	window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia
	// jsdom has no layout; the header menu's popover observes sizes.
	globalThis.ResizeObserver ??= class {
		observe() {} unobserve() {} disconnect() {}
	}
})
afterEach(() => {
	shareAnswer = null
	vi.useRealTimers()
	vi.clearAllMocks()
})

describe('TaskSidebar', () => {
	it('saves a changed title after a pause in typing, not at each key', async () => {
		const { wrapper } = await render()
		const title = field(wrapper, 'Title')
		await title.setValue('Migrer')
		await title.setValue('Migrer la messagerie')
		expect(store.updateTask).not.toHaveBeenCalled()
		vi.advanceTimersByTime(600)
		expect(store.updateTask).toHaveBeenCalledExactlyOnceWith(TASK, { title: 'Migrer la messagerie' })
		expect((await savedTask()).title).toBe('Migrer la messagerie')
		wrapper.unmount()
	})

	it('saves what was typed at once when the sidebar closes, and the URL loses the task', async () => {
		const { wrapper, router } = await render()
		await field(wrapper, 'Description').setValue('Prévenir les agents')
		await field(wrapper, 'Replaces').setValue('Gmail, Google Agenda ,')
		await wrapper.find('button[aria-label="Close sidebar"]').trigger('click')
		await flushPromises()
		expect(store.updateTask).toHaveBeenCalledWith(TASK, { description: 'Prévenir les agents' })
		expect(store.updateTask).toHaveBeenCalledWith(TASK, { replaces: ['Gmail', 'Google Agenda'] })
		expect(router.currentRoute.value.query.task).toBeUndefined()
		wrapper.unmount()
	})

	it('saves what was typed when the sidebar goes away for any reason, and on blur', async () => {
		const { wrapper } = await render()
		const replacements = field(wrapper, 'Replaced by')
		await replacements.setValue('Thunderbird')
		await replacements.trigger('blur')
		expect(store.updateTask).toHaveBeenCalledWith(TASK, { replacements: ['Thunderbird'] })
		await field(wrapper, 'Title').setValue('Tâche renommée')
		wrapper.unmount()
		expect(store.updateTask).toHaveBeenLastCalledWith(TASK, { title: 'Tâche renommée' })
	})

	it('shows what others save, but not over what is being typed or was refused', async () => {
		const { wrapper } = await render()
		const value = (label: string) => (field(wrapper, label).element as HTMLInputElement).value
		await field(wrapper, 'Replaces').setValue('Gmail, ')
		await field(wrapper, 'Due').setValue('2020-01-01')
		await field(wrapper, 'Start').setValue('2020-02-01')
		await field(wrapper, 'Title').setValue('Mon titre en cours')
		vi.advanceTimersByTime(600)
		await flushPromises()
		expect(store.updateTask).toHaveBeenCalledWith(TASK, { replaces: ['Gmail'] })
		expect((await savedTask()).replaces).toEqual(['Gmail'])
		// Someone else changes the description while this page types the title.
		const other = new RoadmapFolder({ dav: dav(), path: folder, writer: { id: 'writerother1', author: 'bob' } })
		await other.load()
		await other.save([{ op: 'set', path: `tasks/${TASK}/description`, value: 'Écrit ailleurs' }, { op: 'set', path: `tasks/${TASK}/title`, value: 'Titre venu d’ailleurs' }])
		await field(wrapper, 'Title').setValue('Mon titre en cours, suite')
		await store.refresh()
		await flushPromises()
		expect(task().description).toBe('Écrit ailleurs')
		expect(value('Description')).toBe('Écrit ailleurs')
		expect(value('Title')).toBe('Mon titre en cours, suite')
		// The comma stays for the next name; the refused dates stay to be corrected.
		expect(value('Replaces')).toBe('Gmail, ')
		expect([value('Start'), value('Due')]).toEqual(['2020-02-01', '2020-01-01'])
		wrapper.unmount()
	})

	it('keeps the previous title while the field is empty, and says so', async () => {
		const { wrapper } = await render()
		await field(wrapper, 'Title').setValue('   ')
		vi.advanceTimersByTime(600)
		await flushPromises()
		expect(store.updateTask).not.toHaveBeenCalled()
		expect(wrapper.text()).toContain('A task needs a title')
		wrapper.unmount()
	})

	it('saves phase, status and category chosen from their lists', async () => {
		const { wrapper } = await render()
		select(wrapper, 'Phase').vm.$emit('update:modelValue', { id: 'solutions', label: 'Solutions' })
		select(wrapper, 'Status').vm.$emit('update:modelValue', { id: 'blocked', label: 'Blocked' })
		select(wrapper, 'Category').vm.$emit('update:modelValue', null)
		expect(vi.mocked(store.updateTask).mock.calls).toEqual([[TASK, { phase: 'solutions' }], [TASK, { status: 'blocked' }], [TASK, { category: null }]])
		expect(selectProps(select(wrapper, 'Status')).options.map((o) => o.label)).toEqual(['To do', 'In progress', 'Blocked', 'Done', 'Dropped'])
		wrapper.unmount()
	})

	it('assigns a local user and a federated cloud id found by Nextcloud\'s sharee search', async () => {
		const { wrapper } = await render()
		const assignees = select(wrapper, 'Assigned to')
		assignees.vm.$emit('search', 'agent@cloud.mairie-b.fr')
		vi.advanceTimersByTime(300)
		await flushPromises()
		expect(searchSharees).toHaveBeenCalledWith('agent@cloud.mairie-b.fr', [0, 6])
		const remote = selectProps(assignees).options
		expect(remote).toEqual([{ id: 'agent@cloud.mairie-b.fr', label: 'agent@cloud.mairie-b.fr' }])
		assignees.vm.$emit('search', 'bru')
		vi.advanceTimersByTime(300)
		await flushPromises()
		expect(selectProps(assignees).options).toEqual([{ id: 'bob', label: 'Bruno Petit (bob)' }])
		assignees.vm.$emit('update:modelValue', [...selectProps(assignees).modelValue, ...selectProps(assignees).options])
		expect(store.updateTask).toHaveBeenLastCalledWith(TASK, { assignees: ['agent@cloud.mairie-b.fr', 'bob'] })
		await flushPromises()
		expect(selectProps(select(wrapper, 'Assigned to')).modelValue).toContainEqual({ id: 'bob', label: 'Bruno Petit (bob)' })
		wrapper.unmount()
	})

	it('shows assignees by name, asked once from the sharee search', async () => {
		const { wrapper } = await render('t00001')
		expect(searchSharees).toHaveBeenCalledWith('alice', [0])
		expect(selectProps(select(wrapper, 'Assigned to')).modelValue).toEqual([{ id: 'alice', label: 'Alice Martin (alice)' }])
		wrapper.unmount()
		const again = await render('t00001')
		expect(searchSharees).toHaveBeenCalledOnce()
		again.wrapper.unmount()
	})

	it('offers the user themself when the sharee search leaves them out, as Nextcloud 34 does', async () => {
		auth.user = { uid: 'claire', displayName: 'Claire Dubois', isAdmin: false }
		searchSharees.mockResolvedValue([{ label: 'Claire Dubois (claire@cloud.mairie-b.fr)', shareType: 6, shareWith: 'claire@cloud.mairie-b.fr' }])
		const { wrapper } = await render()
		select(wrapper, 'Assigned to').vm.$emit('search', 'clai')
		vi.advanceTimersByTime(300)
		await flushPromises()
		expect(selectProps(select(wrapper, 'Assigned to')).options).toEqual([{ id: 'claire', label: 'Claire Dubois (claire)' }, { id: 'claire@cloud.mairie-b.fr', label: 'claire@cloud.mairie-b.fr' }])
		// Listed once when the search does include them, as Nextcloud 32 does.
		searchSharees.mockResolvedValue([{ label: 'Claire Dubois', shareType: 0, shareWith: 'claire' }])
		select(wrapper, 'Assigned to').vm.$emit('search', 'claire')
		vi.advanceTimersByTime(300)
		await flushPromises()
		expect(selectProps(select(wrapper, 'Assigned to')).options).toEqual([{ id: 'claire', label: 'Claire Dubois (claire)' }])
		wrapper.unmount()
	})

	it('offers a typed cloud id even when the sharee search does not', async () => {
		searchSharees.mockResolvedValue([])
		const { wrapper } = await render()
		select(wrapper, 'Assigned to').vm.$emit('search', 'secretaire@mairie-c.example.org')
		vi.advanceTimersByTime(300)
		await flushPromises()
		expect(selectProps(select(wrapper, 'Assigned to')).options).toEqual([{ id: 'secretaire@mairie-c.example.org', label: 'secretaire@mairie-c.example.org' }])
		wrapper.unmount()
	})

	it('offers to share the roadmap with a colleague assigned who cannot open it, and shares it with edit rights in one click', async () => {
		const { wrapper } = await render('t00001')
		const assignees = select(wrapper, 'Assigned to')
		assignees.vm.$emit('search', 'bru')
		vi.advanceTimersByTime(300)
		await flushPromises()
		assignees.vm.$emit('update:modelValue', [...selectProps(assignees).modelValue, ...selectProps(assignees).options])
		const offer = await vi.waitFor(() => {
			const found = wrapper.findAll('button').find((button) => button.text() === 'Share the roadmap with Bruno Petit')
			expect(found).toBeDefined()
			return found!
		})
		expect(wrapper.text()).toContain('Bruno Petit cannot open this roadmap: it is not shared with them.')
		// The owner, assigned too, is offered nothing.
		expect(wrapper.text()).not.toContain('Alice Martin cannot open')
		await offer.trigger('click')
		await vi.waitFor(() => expect(wrapper.find('[role="status"].task-assignee-access__status').text()).toBe('The roadmap is now shared with Bruno Petit, with edit rights.'))
		expect(wrapper.text()).not.toContain('Bruno Petit cannot open this roadmap')
		const shares = await new OcsClient({ baseUrl: sandbox.url, auth: { user: 'alice', password: 'alice' } }).sharesOf(folder)
		expect(shares.map((share) => [share.share_type, share.share_with, share.permissions])).toEqual([[0, 'bob', 15]])
		wrapper.unmount()
		// Opened again, the sidebar knows Bruno can open the roadmap.
		const again = await render('t00001')
		await vi.waitFor(() => expect(again.wrapper.find('.task-assignee-access__status').exists()).toBe(true))
		await new Promise((resolve) => setImmediate(resolve))
		await flushPromises()
		expect(again.wrapper.text()).not.toContain('cannot open this roadmap')
		again.wrapper.unmount()
	})

	it('asks the folder\'s owner and its shares once when the sidebar opens, however many people are assigned', async () => {
		store.updateTask(TASK, { assignees: ['alice', 'bob', 'camille', 'agent@cloud.mairie-b.fr'] })
		await savedTask()
		sent.length = 0
		const { wrapper } = await render()
		const offered = () => wrapper.findAll('.task-assignee-access button').map((button) => button.text())
		await vi.waitFor(() => expect(offered()).toEqual(['Share the roadmap with Bruno Petit', 'Share the roadmap with camille', 'Share the roadmap with agent@cloud.mairie-b.fr']))
		const asked = () => sent.filter((request) => request === `PROPFIND (depth 0) /remote.php/dav/files/alice${folder}` || request === 'GET /ocs/v2.php/apps/files_sharing/api/v1/shares')
		expect(asked()).toEqual([`PROPFIND (depth 0) /remote.php/dav/files/alice${folder}`, 'GET /ocs/v2.php/apps/files_sharing/api/v1/shares'])

		// Someone assigned later is answered from what is known: no request.
		const assignees = select(wrapper, 'Assigned to')
		assignees.vm.$emit('update:modelValue', [...selectProps(assignees).modelValue, { id: 'dominique', label: 'dominique' }])
		await vi.waitFor(() => expect(offered()).toContain('Share the roadmap with dominique'))
		expect(asked()).toHaveLength(2)
		wrapper.unmount()
	})

	it('shows a share made from the sidebar in the open share panel, and offers it again when the panel revokes it', async () => {
		const panel = mount(SharePanel, { props: { folder }, attachTo: document.body })
		await vi.waitFor(() => expect(panel.text()).toContain('Nobody else yet.'))
		const { wrapper } = await render()
		store.updateTask(TASK, { assignees: ['bob'] })
		const offer = () => wrapper.findAll('.task-assignee-access button').find((button) => button.text() === 'Share the roadmap with Bruno Petit')
		await vi.waitFor(() => expect(offer()).toBeDefined())
		await offer()!.trigger('click')
		await vi.waitFor(() => expect(panel.findAll('.share-panel__name').map((name) => name.text())).toEqual(['Bruno Petit']))
		expect(offer()).toBeUndefined()

		await panel.findAll('button').find((button) => button.text() === 'Revoke')!.trigger('click')
		await panel.findAll('button').find((button) => button.text() === 'Yes, revoke')!.trigger('click')
		await vi.waitFor(() => expect(panel.text()).toContain('Nobody else yet.'))
		await vi.waitFor(() => expect(offer()).toBeDefined())
		wrapper.unmount()
		panel.unmount()
	})

	it('says plainly why sharing with an assignee failed: Nextcloud\'s rate limit, no right to share, a partner\'s server away', async () => {
		const { wrapper } = await render()
		// The task is assigned to a partner commune's agent whose server does not exist.
		const offer = await vi.waitFor(() => {
			const found = wrapper.findAll('button').find((button) => button.text() === 'Share the roadmap with agent@cloud.mairie-b.fr')
			expect(found).toBeDefined()
			return found!
		})
		const alert = () => wrapper.find('.task-assignee-access [role="alert"]')
		shareAnswer = { status: 429, message: '' }
		await offer.trigger('click')
		await vi.waitFor(() => expect(alert().text()).toBe('Too many share requests in a short time (Nextcloud allows 20 in ten minutes): try again in a few minutes.'))
		shareAnswer = { status: 404, message: `You are not allowed to share ${folder.slice(1)}` }
		await offer.trigger('click')
		await vi.waitFor(() => expect(alert().text()).toContain('You may not share this roadmap'))
		shareAnswer = null
		await offer.trigger('click')
		await vi.waitFor(() => expect(alert().text()).toContain('The partner commune\'s server for agent@cloud.mairie-b.fr could not be reached'), { timeout: 15000 })
		expect(wrapper.text()).toContain('agent@cloud.mairie-b.fr cannot open this roadmap')
		wrapper.unmount()
	})

	it('puts the task in one or several of the roadmap\'s departments, from a labelled list', async () => {
		const { wrapper } = await render()
		const departments = select(wrapper, 'Departments')
		expect(selectProps(departments).options.map((o) => o.label)).toEqual(['État civil', 'Urbanisme'])
		expect(wrapper.find('label[for="task-departments-t00000"]').text()).toBe('Departments')
		departments.vm.$emit('update:modelValue', selectProps(departments).options)
		expect((await savedTask()).departments).toEqual(['etat-civil', 'urbanisme'])
		await flushPromises()
		expect(selectProps(select(wrapper, 'Departments')).modelValue.map((o) => o.label)).toEqual(['État civil', 'Urbanisme'])
		select(wrapper, 'Departments').vm.$emit('update:modelValue', [{ id: 'urbanisme', label: 'Urbanisme' }])
		expect((await savedTask()).departments).toEqual(['urbanisme'])
		wrapper.unmount()
		// Read only, the departments are text.
		await setUpStore(false)
		store.roadmap!.tasks[0]!.departments = ['urbanisme']
		const readOnly = await render()
		expect(readOnly.wrapper.text()).toContain('Urbanisme')
		readOnly.wrapper.unmount()
	})

	it('links files picked in Nextcloud, opens them in Files, and removes a link', async () => {
		const { wrapper } = await render('t00001')
		dialogs.picked.nodes = [{ path: '/Dégooglisation/Inventaire.ods', fileid: 42, basename: 'Inventaire.ods' }, { path: '/Notes/plan.md', basename: 'plan.md' }]
		await wrapper.findAll('button').find((b) => b.text() === 'Link files…')!.trigger('click')
		// The dialogs load on first use.
		await vi.waitFor(() => expect(task('t00001').links).toHaveLength(2))
		await flushPromises()
		expect(task('t00001').links).toEqual([
			{ path: '/Dégooglisation/Inventaire.ods', fileId: 42, label: 'Inventaire.ods' },
			{ path: '/Notes/plan.md', fileId: null, label: 'plan.md' },
		])
		const links = wrapper.findAll('.task-sidebar__link a')
		expect(links.map((a) => a.text())).toEqual(['Inventaire.ods', 'plan.md'])
		expect(links[0]!.attributes('href')).toMatch(/\/index\.php\/f\/42$/)
		expect(links[1]!.attributes('href')).toMatch(/\/index\.php\/apps\/files\/\?dir=%2FNotes&scrollto=plan\.md$/)
		// Closing the picker without choosing changes nothing and says nothing.
		dialogs.picked.nodes = new dialogs.FilePickerClosed()
		await wrapper.findAll('button').find((b) => b.text() === 'Link files…')!.trigger('click')
		await vi.waitFor(() => expect(dialogs.getFilePickerBuilder).toHaveBeenCalledTimes(2))
		await flushPromises()
		expect(task('t00001').links).toHaveLength(2)
		expect(wrapper.find('.task-sidebar .notecard').exists()).toBe(false)
		await wrapper.find('button[aria-label="Remove the link to plan.md"]').trigger('click')
		expect(task('t00001').links.map((l) => l.label)).toEqual(['Inventaire.ods'])
		wrapper.unmount()
	})

	it('refuses a due date before the start date with a message, and saves both once corrected', async () => {
		const { wrapper } = await render()
		await field(wrapper, 'Start').setValue('2026-06-01')
		await field(wrapper, 'Due').setValue('2026-05-01')
		vi.advanceTimersByTime(600)
		await flushPromises()
		expect(store.updateTask).not.toHaveBeenCalled()
		expect(wrapper.find('.task-sidebar__date-error').text()).toContain('The due date is before the start date')
		// What was typed stays on screen.
		expect((field(wrapper, 'Due').element as HTMLInputElement).value).toBe('2026-05-01')
		await field(wrapper, 'Due').setValue('2026-09-30')
		vi.advanceTimersByTime(600)
		await flushPromises()
		expect(store.updateTask).toHaveBeenCalledExactlyOnceWith(TASK, { start: '2026-06-01', due: '2026-09-30' })
		expect(wrapper.find('.task-sidebar__date-error').exists()).toBe(false)
		wrapper.unmount()
	})

	it('adds, ticks, renames and removes checklist items', async () => {
		const { wrapper } = await render()
		await field(wrapper, 'New checklist item').setValue('Sauvegarder les courriels')
		await wrapper.find('.task-sidebar__add').trigger('submit')
		expect(task().checklist.map((i) => i.text)).toEqual(['Former les agents', 'Sauvegarder les courriels'])
		expect((field(wrapper, 'New checklist item').element as HTMLInputElement).value).toBe('')
		await wrapper.find('input[aria-label="Done: Sauvegarder les courriels"]').setValue(true)
		expect(task().checklist[1]!.done).toBe(true)
		const rename = wrapper.findAll('.task-sidebar__item input[type="text"]')[0]!
		await rename.setValue('Former tous les agents')
		await rename.trigger('blur')
		expect(task().checklist[0]!.text).toBe('Former tous les agents')
		await wrapper.find('button[aria-label="Remove “Former tous les agents”"]').trigger('click')
		expect(task().checklist.map((i) => i.text)).toEqual(['Sauvegarder les courriels'])
		wrapper.unmount()
	})

	it('refuses a dependency that would close a cycle, naming it', async () => {
		const { wrapper } = await render()
		// t00002 waits for t00001 which waits for t00000: t00000 cannot wait for t00002.
		select(wrapper, 'Waits for').vm.$emit('update:modelValue', [{ id: 't00002', label: 'Tâche 2' }])
		await flushPromises()
		expect(store.updateTask).not.toHaveBeenCalled()
		expect(wrapper.find('.task-sidebar__dependency-error').text()).toBe('“Tâche 0” cannot wait for “Tâche 2”, which already waits for it: Tâche 0 → Tâche 2 → Tâche 1 → Tâche 0.')
		wrapper.unmount()
		const other = await render('t00002')
		select(other.wrapper, 'Waits for').vm.$emit('update:modelValue', [{ id: 't00001', label: 'Tâche 1' }, { id: TASK, label: 'Tâche 0' }])
		expect(store.updateTask).toHaveBeenCalledWith('t00002', { dependsOn: ['t00001', TASK] })
		other.wrapper.unmount()
	})

	it('deletes the task, closes, and offers to undo, which restores it and opens it again', async () => {
		const { wrapper, router } = await render()
		await field(wrapper, 'Title').setValue('Titre tapé avant de supprimer')
		;(await menuAction(wrapper, 'Delete the task')).item!.click()
		await flushPromises()
		// What was typed is saved first, so that undoing brings it back.
		expect(store.updateTask).toHaveBeenCalledWith(TASK, { title: 'Titre tapé avant de supprimer' })
		expect(store.roadmap!.tasks.some((t) => t.id === TASK)).toBe(false)
		expect(router.currentRoute.value.query.task).toBeUndefined()
		await vi.waitFor(() => expect(dialogs.showUndo).toHaveBeenCalledOnce())
		const [message, undo] = dialogs.showUndo.mock.calls[0]!
		expect(message).toBe('Task “Titre tapé avant de supprimer” deleted')
		undo(new MouseEvent('click'))
		await flushPromises()
		expect(task().title).toBe('Titre tapé avant de supprimer')
		expect(router.currentRoute.value.query.task).toBe(TASK)
		expect((await savedTask()).title).toBe('Titre tapé avant de supprimer')
		wrapper.unmount()
	})

	it('duplicates the task and opens the copy', async () => {
		const { wrapper, router } = await render()
		;(await menuAction(wrapper, 'Duplicate the task')).item!.click()
		await flushPromises()
		const copy = store.roadmap!.tasks.find((t) => t.title === 'Tâche 0 (copy)')
		expect(copy).toBeDefined()
		expect(copy!.checklist.map((i) => i.text)).toEqual(task().checklist.map((i) => i.text))
		expect(router.currentRoute.value.query.task).toBe(copy!.id)
		wrapper.unmount()
	})

	it('closes on Escape from inside the sidebar', async () => {
		const { wrapper, router } = await render()
		field(wrapper, 'Description').element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
		await flushPromises()
		expect(router.currentRoute.value.query.task).toBeUndefined()
		wrapper.unmount()
	})

	it('focuses and selects the title of a task just created', async () => {
		titleToFocus.value = TASK
		const { wrapper } = await render()
		const title = field(wrapper, 'Title').element as HTMLInputElement
		expect(document.activeElement).toBe(title)
		expect([title.selectionStart, title.selectionEnd]).toEqual([0, 'Tâche 0'.length])
		expect(titleToFocus.value).toBeNull()
		wrapper.unmount()
	})

	it('says when the task of the URL does not exist, and still closes', async () => {
		const { wrapper, router } = await render('no-such-task')
		expect(wrapper.text()).toContain('This task does not exist, or no longer does')
		expect(wrapper.findAll('.task-sidebar input')).toHaveLength(0)
		await wrapper.find('button[aria-label="Close sidebar"]').trigger('click')
		await flushPromises()
		expect(router.currentRoute.value.query.task).toBeUndefined()
		wrapper.unmount()
	})

	it('shows a read-only roadmap\'s task as text, without inputs nor delete or duplicate', async () => {
		await setUpStore(false)
		const { wrapper } = await render()
		expect(wrapper.findAll('.task-sidebar input, .task-sidebar textarea, .task-sidebar select')).toHaveLength(0)
		expect(wrapper.findAllComponents(NcSelect)).toHaveLength(0)
		expect(wrapper.text()).toContain('Former les agents')
		expect(wrapper.text()).toContain('Microsoft Office')
		expect((await menuAction(wrapper, 'Close')).items).toEqual(['Close'])
		wrapper.unmount()
	})
})
