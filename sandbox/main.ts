/**
 * `npm run sandbox -- [--port 8090] [--data .sandbox-data] [--demo]`
 * Starts the sandbox; with --demo, seeds the demo roadmap on first start.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { seedDemo } from './demo'
import { startSandbox } from './server'

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.SANDBOX_PORT ?? '8090' },
		host: { type: 'string', default: '127.0.0.1' },
		data: { type: 'string', default: join(import.meta.dirname, '..', '.sandbox-data') },
		demo: { type: 'boolean', default: false },
		'allow-hazard-control': { type: 'boolean', default: false },
	},
})

const users = [
	{ id: 'alice', displayName: 'Alice Martin', password: 'alice' },
	{ id: 'bob', displayName: 'Bruno Petit', password: 'bob' },
	{ id: 'claire', displayName: 'Claire Dubois', password: 'claire' },
]

const sandbox = await startSandbox({ port: Number(values.port), host: values.host, dataDir: values.data, users, allowHazardControl: values['allow-hazard-control'] })
if (values.demo && await seedDemo(sandbox.url, users[0])) console.log('Demo roadmap created in alice\'s files: /Dégooglisation/Saint-Exemple')
console.log(`Dégooglisation sandbox: ${sandbox.url}/index.php/apps/degooglisation/`)
console.log(`Dashboard:               ${sandbox.url}/index.php/apps/dashboard/`)
console.log(`Demo accounts: ${users.map((u) => `${u.id} / ${u.password}`).join(', ')}`)
console.log(`Data: ${values.data}`)
const stop = async () => {
	await sandbox.close()
	process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
