/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * `degooglisation`: Dégooglisation roadmaps from a terminal, for
 * administrators. Parses the command line, runs one command, and turns any
 * failure into one message and an exit code (see ./errors.ts).
 */

import type { Command, CommandContext, Connection, OptionSpec } from './commands.ts'

import { parseArgs } from 'node:util'
import { COMMANDS as CORE_COMMANDS } from './commands.ts'
import { reportError, UsageError } from './errors.ts'
import { SHARE_COMMANDS } from './shareCommands.ts'
import { SPREADSHEET_COMMANDS } from './spreadsheetCommands.ts'
import { STRUCTURE_COMMANDS } from './structureCommands.ts'

// A spreadsheet command takes the place of the core command of the same name (export adds ODS).
const COMMANDS = [...CORE_COMMANDS.filter((core) => !SPREADSHEET_COMMANDS.some((command) => command.name === core.name)), ...SPREADSHEET_COMMANDS, ...STRUCTURE_COMMANDS, ...SHARE_COMMANDS]

const CONNECTION_OPTIONS: Record<string, OptionSpec & { env: string }> = {
	url: { type: 'string', value: 'url', env: 'NEXTCLOUD_URL', help: 'the Nextcloud server, e.g. https://cloud.mairie.fr' },
	user: { type: 'string', value: 'user-id', env: 'NEXTCLOUD_USER', help: 'the Nextcloud user id' },
	password: { type: 'string', value: 'secret', env: 'NEXTCLOUD_PASSWORD', help: 'an app password (Personal settings → Security)' },
}

function argumentsSynopsis(command: Command): string {
	return command.args.map((name) => (name.endsWith('...') ? `<${name.slice(0, -3)}>...` : `<${name}>`)).join(' ')
}

function optionSynopsis(name: string, spec: OptionSpec): string {
	const text = spec.type === 'string' ? `--${name} <${spec.value}>` : `--${name}`
	return spec.required ? text : `[${text}]`
}

function synopsis(command: Command): string {
	return [command.name, argumentsSynopsis(command), ...Object.entries(command.options).map(([name, spec]) => optionSynopsis(name, spec))].filter(Boolean).join(' ')
}

function optionLines(options: Record<string, OptionSpec & { env?: string }>): string {
	const rows = Object.entries(options).map(([name, spec]) => [spec.type === 'string' ? `--${name} <${spec.value}>` : `--${name}`, spec.env ?? '', spec.help + (spec.required ? ' (required)' : '')])
	const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length)))
	return rows.map(([flag, env, help]) => `  ${flag.padEnd(widths[0])}  ${widths[1] ? `${env.padEnd(widths[1])}  ` : ''}${help}`).join('\n')
}

const COMMON_HELP = `<folder> is a folder of the user's files. A name without a slash is taken in
/Dégooglisation: "Saint-Exemple" means /Dégooglisation/Saint-Exemple.

Connection, as options or environment variables (every command):
${optionLines(CONNECTION_OPTIONS)}
Prefer the variable for the password: a command line is visible to other local users.

Exit codes: 0 done, 1 usage, connection or server error, 2 invalid input data.
`

function mainHelp(): string {
	return `degooglisation — the command line of Dégooglisation ("dégoogliser" sa commune):
the shared migration roadmaps of communes leaving Google and Microsoft, stored in
Nextcloud. Works with a real Nextcloud or the sandbox.

Usage: degooglisation <command> [arguments] [options]

Commands:
${COMMANDS.map((command) => `  ${synopsis(command)}\n      ${command.summary}`).join('\n')}

${COMMON_HELP}
Run "degooglisation <command> --help" for the details of a command.
`
}

function commandHelp(command: Command): string {
	const options = Object.keys(command.options).length ? `Options:\n${optionLines(command.options)}\n\n` : ''
	return `Usage: degooglisation ${synopsis(command)}

${command.summary}${command.details ? `\n${command.details}` : ''}

${options}${COMMON_HELP}`
}

/** parseArgs' messages, shortened for people. */
function parseError(error: Error & { code?: string }, command: string): UsageError {
	if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
		return new UsageError(`unknown option ${/'([^']+)'/.exec(error.message)?.[1] ?? ''} for ${command}`, command)
	}
	if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
		return new UsageError(error.message.replace(/^Option '([^']+)'.*/, (_, flag: string) => `${flag.replace(/ <value>$/, '')} needs a value`), command)
	}
	return new UsageError(error.message, command)
}

function checkArgumentCount(command: Command, positionals: string[]): void {
	const variadic = command.args.at(-1)?.endsWith('...') ?? false
	if (positionals.length < command.args.length) {
		throw new UsageError(`missing ${command.args.slice(positionals.length).map((name) => `<${name.replace(/\.\.\.$/, '')}>`).join(' ')}`, command.name)
	}
	if (!variadic && positionals.length > command.args.length) {
		throw new UsageError(`unexpected argument "${positionals[command.args.length]}"`, command.name)
	}
}

function connectionFrom(values: Record<string, string | boolean | undefined>): Connection {
	const given = Object.entries(CONNECTION_OPTIONS).map(([name, spec]) => (values[name] as string | undefined) ?? process.env[spec.env] ?? '')
	const missing = Object.entries(CONNECTION_OPTIONS).filter((_, i) => !given[i]).map(([name, spec]) => `--${name} (or ${spec.env})`)
	if (missing.length) {
		throw new UsageError(`missing connection: give ${missing.join(', ')}`)
	}
	const [url, user, password] = given
	if (!/^https?:\/\/[^/]/.test(url)) {
		throw new UsageError(`not a server address: "${url}" (expected http:// or https://)`)
	}
	return { url, user, password }
}

/** Runs one command line; returns the exit code. */
async function main(argv: string[]): Promise<number> {
	let values: Record<string, string | boolean | undefined> = {}
	try {
		const [name, ...rest] = argv
		if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
			const asked = COMMANDS.find((command) => command.name === rest[0])
			process.stdout.write(asked ? commandHelp(asked) : mainHelp())
			return 0
		}
		const command = COMMANDS.find((c) => c.name === name)
		if (!command) {
			throw new UsageError(name.startsWith('-') ? `give a command before ${name}` : `unknown command "${name}"`)
		}
		let positionals: string[]
		try {
			const parsed = parseArgs({
				args: rest,
				allowPositionals: true,
				options: { ...command.options, ...CONNECTION_OPTIONS, help: { type: 'boolean', short: 'h' } },
			})
			values = parsed.values
			positionals = parsed.positionals
		} catch (error) {
			throw parseError(error as Error, command.name)
		}
		if (values.help) {
			process.stdout.write(commandHelp(command))
			return 0
		}
		checkArgumentCount(command, positionals)
		let connection: Connection | undefined
		const context: CommandContext = {
			args: positionals,
			options: values,
			connection: () => (connection ??= connectionFrom(values)),
			out: (text) => process.stdout.write(`${text}\n`),
			warn: (text) => process.stderr.write(`${text}\n`),
		}
		await command.run(context)
		return 0
	} catch (error) {
		const { message, code } = reportError(error, (values.url as string | undefined) ?? process.env.NEXTCLOUD_URL)
		process.stderr.write(`degooglisation: ${message}\n`)
		return code
	}
}

// `degooglisation tasks … | head` closes the pipe early: not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') {
		process.exit(process.exitCode ?? 0)
	}
	throw error
})

process.exitCode = await main(process.argv.slice(2))
