/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * `npm run sandbox -- [--port 8090] [--data .sandbox-data] [--demo] [--partner]`
 * Starts the sandbox of the commune Saint-Exemple; with --demo, seeds the demo
 * roadmap on first start; with --partner, also starts the partner commune
 * Val-Voisin on the next port (data in .sandbox-data-partner), to share with
 * through federation.
 */

import type { Sandbox } from './server.ts'

import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { seedDemo } from './demo.ts'
import { startSandbox } from './server.ts'
import { cloudIdOf } from './sharing.ts'

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.SANDBOX_PORT ?? '8090' },
		host: { type: 'string', default: '127.0.0.1' },
		data: { type: 'string', default: join(import.meta.dirname, '..', '.sandbox-data') },
		demo: { type: 'boolean', default: false },
		partner: { type: 'boolean', default: false },
		'partner-data': { type: 'string', default: join(import.meta.dirname, '..', '.sandbox-data-partner') },
		'allow-hazard-control': { type: 'boolean', default: false },
	},
})

const COMMUNE_USERS = [
	{ id: 'alice', displayName: 'Alice Martin', password: 'alice' },
	{ id: 'bob', displayName: 'Bruno Petit', password: 'bob' },
	{ id: 'claire', displayName: 'Claire Dubois', password: 'claire' },
]

const PARTNER_USERS = [
	{ id: 'bastien', displayName: 'Bastien Roux', password: 'bastien' },
	{ id: 'denise', displayName: 'Denise Lefèvre', password: 'denise' },
]

const port = Number(values.port)
const communes: Array<{ name: string, sandbox: Sandbox, users: typeof COMMUNE_USERS, data: string }> = []
const commune = await startSandbox({ port, host: values.host, dataDir: values.data, users: COMMUNE_USERS, instanceName: 'Saint-Exemple', allowHazardControl: values['allow-hazard-control'] })
communes.push({ name: 'Saint-Exemple', sandbox: commune, users: COMMUNE_USERS, data: values.data })
// The partner listens before the demo is seeded: the demo shares its roadmap with bastien.
const partner = values.partner ? await startSandbox({ port: port + 1, host: values.host, dataDir: values['partner-data'], users: PARTNER_USERS, instanceName: 'Val-Voisin', allowHazardControl: values['allow-hazard-control'] }) : null
if (partner) {
	communes.push({ name: 'Val-Voisin', sandbox: partner, users: PARTNER_USERS, data: values['partner-data'] })
}
const team = { colleagues: COMMUNE_USERS.slice(1).map((u) => u.id), ...(partner ? { partner: cloudIdOf(PARTNER_USERS[0].id, partner.url) } : {}) }
if (values.demo && await seedDemo(commune.url, COMMUNE_USERS[0], team)) {
	console.log(`Demo roadmap created in alice's files: /Dégooglisation/Saint-Exemple, shared with ${[...team.colleagues, ...(team.partner ? [team.partner] : [])].join(', ')}`)
}
for (const { name, sandbox, users, data } of communes) {
	console.log(`${name}: ${sandbox.url}/index.php/apps/degooglisation/`)
	console.log(`  dashboard: ${sandbox.url}/index.php/apps/dashboard/`)
	console.log(`  accounts: ${users.map((u) => `${u.id} / ${u.password}`).join(', ')}`)
	console.log(`  data: ${data}`)
}
if (values.partner) {
	console.log(`Share with the partner commune as bastien@${communes[1].sandbox.url}`)
}
async function stop() {
	await Promise.all(communes.map((c) => c.sandbox.close()))
	process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
