/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Nextcloud's avatar endpoints (`core.avatar.getAvatar`, `core.guest_avatar.getAvatar`):
 * `/index.php/avatar/<user>/<size>[/dark]` and `/index.php/avatar/guest/<name>/<size>[/dark]`.
 * Nextcloud generates a picture with the person's initials when they uploaded
 * none; with `?guestFallback=true` an unknown user gets a guest picture, else 404.
 * `@nextcloud/vue`'s NcAvatar asks with `guestFallback=true` and must get an
 * image: it remembers a failed one as "has an avatar" (it keeps `false` as a
 * string) and shows a broken image in every avatar it draws for that person afterwards.
 */

import type { ServerResponse } from 'node:http'
import type { SandboxUser } from './auth.ts'

const AVATAR_PATH = /^\/index\.php\/avatar\/(?:(guest)\/)?([^/]+)\/(\d+)(\/dark)?$/

/** Sizes as Nextcloud serves them: 64 up to 64, else 512. */
const servedSize = (asked: number) => (asked <= 64 ? 64 : 512)

function initials(name: string): string {
	return name.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => [...word][0]!.toUpperCase()).join('') || '?'
}

/** A colour from the name, stable across requests, as Nextcloud's placeholder avatars have. */
function hueOf(name: string): number {
	let hash = 0
	for (const char of name) {
		hash = (hash * 31 + char.codePointAt(0)!) % 360
	}
	return hash
}

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function placeholder(name: string, size: number, dark: boolean): string {
	const hue = hueOf(name)
	const [background, text] = dark ? [`hsl(${hue} 45% 30%)`, `hsl(${hue} 70% 88%)`] : [`hsl(${hue} 70% 88%)`, `hsl(${hue} 45% 30%)`]
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100"><rect width="100" height="100" fill="${background}"/>`
		+ `<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="40" fill="${text}">${escapeXml(initials(name))}</text></svg>`
}

/** Answers an avatar request and returns true, or returns false for any other path. */
export function handleAvatar(path: string, query: URLSearchParams, users: SandboxUser[], res: ServerResponse): boolean {
	const match = AVATAR_PATH.exec(path)
	if (!match) {
		return false
	}
	const [, guest, rawName, size, dark] = match
	const name = decodeURIComponent(rawName!)
	const user = guest ? undefined : users.find((u) => u.id === name)
	if (!guest && !user && query.get('guestFallback') !== 'true') {
		res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' })
		res.end('[]')
		return true
	}
	const headers: Record<string, string> = { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'private, max-age=86400, immutable' }
	if (user) {
		headers['X-NC-IsCustomAvatar'] = '0'
	}
	res.writeHead(200, headers)
	res.end(placeholder(user?.displayName ?? name, servedSize(Number(size)), dark !== undefined))
	return true
}
