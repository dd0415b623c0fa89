/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * States of a Nextcloud server that tests switch on and off: maintenance mode,
 * and (in auth.ts) a login elsewhere that gives the session a new request token,
 * and sessions that end. Answered as Nextcloud 32 and 34 answer them (measured
 * with `occ maintenance:mode --on`, see docs/sandbox.md).
 */

import type { IncomingMessage, ServerResponse } from 'node:http'

import { readBody, sendDavError } from './webdav.ts'

export interface SandboxSwitches {
	/** `occ maintenance:mode --on`. */
	maintenance: boolean
}

export const DEFAULT_SWITCHES: SandboxSwitches = { maintenance: false }

/**
 * Maintenance mode's answer to a request, or false when the request is served
 * as usual: static files (the web server serves them) and the sandbox's own controls.
 * WebDAV's 503 has no maintenance header, unlike OCS's and index.php's.
 */
export async function answerMaintenance(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
	if (path.startsWith('/sandbox/') || path.startsWith('/apps/') || path === '/status.php' || path === '/favicon.ico') {
		return false
	}
	await readBody(req)
	if (/^\/(remote|public)\.php\//.test(path)) {
		sendDavError(res, 503, 'System is in maintenance mode.', { exception: 'OCA\\DAV\\Exception\\ServerMaintenanceMode' })
	} else if (/^\/ocs\/v[12]\.php\//.test(path)) {
		res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'X-Nextcloud-Maintenance-Mode': '1' })
		res.end(JSON.stringify({ ocs: { meta: { status: 'failure', statuscode: 503, message: 'Service unavailable' }, data: [] } }))
	} else {
		res.writeHead(503, { 'Content-Type': 'text/html; charset=UTF-8', 'X-Nextcloud-Maintenance-Mode': '1', 'Retry-After': '120' })
		res.end('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Nextcloud</title></head><body><main><h2>Maintenance mode</h2><p>This Nextcloud instance is currently in maintenance mode, which may take a while. This page will refresh itself when the instance is available again.</p></main></body></html>')
	}
	return true
}
