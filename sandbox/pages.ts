/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The page shells: what a Nextcloud 32 page gives an app (the layout, head
 * data, the globals core's scripts define, initial state, translations, theme
 * variables) around the app's built scripts, for the app page and the
 * dashboard. Measured on a real page: tests/contract cannot cover a page, so
 * docs/sandbox.md lists what is left out.
 */

import type { SandboxUser } from './auth.ts'

import { randomBytes } from 'node:crypto'
import { capabilities, NEXTCLOUD_VERSION } from './ocs.ts'
import { escapeXml as escapeHtml } from './webdav.ts'

export type Language = 'fr' | 'en'

export interface PageOptions {
	user: SandboxUser
	requestToken: string
	lang: Language
	instanceName: string
	/** `http://host:port`: Nextcloud gives widgets absolute URLs. */
	origin: string
	/** The app's server-side translations (l10n/<lang>.json), as the PHP side would use them. */
	translate: (text: string) => string
	/** What Nextcloud appends as `?v=` to the scripts and styles it links: it changes with each build, so browsers may keep them meanwhile. */
	assetVersion: string
}

interface ShellOptions extends PageOptions {
	appId: string
	title: string
	/** The hidden page heading: the page title, or the instance name when the app sets none. */
	heading: string
	/** Targets of the skip links, by what they skip to. */
	skipTo: { content: string, navigation?: string }
	body: string
	initialState: Record<string, unknown>
	scripts: string[]
	styles: string[]
}

const APP_ID = 'degooglisation'

/** Mirrors core's OC.L10N.register, which the app's l10n/<lang>.js calls. */
const L10N_SHIM = `
window._oc_l10n_registry_translations = window._oc_l10n_registry_translations || {};
window._oc_l10n_registry_plural_functions = window._oc_l10n_registry_plural_functions || {};
window.OC.L10N = { register(app, translations, pluralForm) {
	window._oc_l10n_registry_translations[app] = Object.assign(window._oc_l10n_registry_translations[app] || {}, translations);
	window._oc_l10n_registry_plural_functions[app] = (n) => (n > 1 ? 1 : 0);
} };`

const SKIP_LINKS: Record<Language, { content: string, navigation: string }> = {
	fr: { content: 'Passer au contenu principal', navigation: 'Passer à la navigation de l\'application' },
	en: { content: 'Skip to main content', navigation: 'Skip to navigation of app' },
}

/** The date names core gives `@nextcloud/l10n` (`dayNames`, `monthNamesShort`…), in the page's language. */
function dateNames(lang: Language): Record<string, unknown> {
	const days = [0, 1, 2, 3, 4, 5, 6].map((d) => new Date(Date.UTC(1970, 0, 4 + d)))
	const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(1970, m, 15)))
	const format = (dates: Date[], options: Intl.DateTimeFormatOptions) => dates.map((date) => new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(date))
	return {
		dayNames: format(days, { weekday: 'long' }),
		dayNamesShort: format(days, { weekday: 'short' }),
		dayNamesMin: format(days, { weekday: 'short' }).map((name) => name.slice(0, 2)),
		monthNames: format(months, { month: 'long' }),
		monthNamesShort: format(months, { month: 'short' }),
		firstDay: lang === 'fr' ? 1 : 0,
	}
}

/** JSON to write inside a <script>: no `</script>` can end it early. */
function scriptJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c')
}

function shell(options: ShellOptions): string {
	const { user, requestToken, lang, instanceName } = options
	// As Util::addScript: the app's catalogue comes with any of its scripts whose name does not hold "l10n".
	const withCatalogue = options.scripts.some((src) => !src.includes('l10n'))
	const config = { modRewriteWorking: false, session_keepalive: true, session_lifetime: 1440, 'sharing.maxAutocompleteResults': 25, 'sharing.minSearchStringLength': 0, version: NEXTCLOUD_VERSION.full, versionstring: NEXTCLOUD_VERSION.string }
	const theme = { entity: instanceName, name: instanceName, productName: 'Nextcloud', title: instanceName, baseUrl: 'https://nextcloud.com', docBaseUrl: 'https://docs.nextcloud.com', slogan: '' }
	const appswebroots = { [APP_ID]: `/apps/${APP_ID}`, dashboard: '/apps/dashboard' }
	// The variables core's template defines before any script runs; core-main.js then builds window.OC from them.
	const coreVariables: Record<string, unknown> = {
		_oc_debug: false,
		_oc_isadmin: false,
		_oc_webroot: '',
		_oc_appswebroots: appswebroots,
		...dateNames(lang),
		_oc_config: config,
		oc_appconfig: { core: { remoteShareAllowed: true, allowGroupSharing: true, resharingAllowed: true, sharingDisabledForUser: false } },
		_theme: theme,
		oc_userconfig: { avatar: { version: 1, generated: true } },
	}
	const initialState: Record<string, unknown> = {
		...options.initialState,
		'core-active-app': options.appId,
		'core-config': config,
		'core-capabilities': capabilities(),
		'theming-data': { name: instanceName, primaryColor: '#00679e', backgroundColor: '#00679e', defaultPrimaryColor: '#00679e', inverted: false, enabledThemes: ['default'] },
	}
	const states = Object.entries(initialState)
		.map(([key, value]) => `\t<input type="hidden" id="initial-state-${escapeHtml(key)}" value="${Buffer.from(JSON.stringify(value)).toString('base64')}">`)
		.join('\n')
	const skipText = SKIP_LINKS[lang]
	const skipLinks = [`<a href="${options.skipTo.content}" class="button primary skip-navigation skip-content">${skipText.content}</a>`]
	if (options.skipTo.navigation) {
		skipLinks.push(`<a href="${options.skipTo.navigation}" class="button primary skip-navigation">${skipText.navigation}</a>`)
	}
	const nonce = Buffer.from(requestToken).toString('base64')
	return `<!DOCTYPE html>
<html class="ng-csp" data-placeholder-focus="false" lang="${lang}" data-locale="${lang}" translate="no">
<head data-user="${escapeHtml(user.id)}" data-user-displayname="${escapeHtml(user.displayName)}" data-requesttoken="${escapeHtml(requestToken)}">
<meta charset="utf-8">
<title>${escapeHtml(options.title)} - ${escapeHtml(instanceName)}</title>
<meta name="csp-nonce" nonce="${nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1.0, minimum-scale=1.0">
<link rel="stylesheet" href="/sandbox/nextcloud-vars.css">
${options.styles.map((href) => `<link rel="stylesheet" href="${href}?v=${options.assetVersion}">`).join('\n')}
<script nonce="${nonce}">
${Object.entries(coreVariables).map(([name, value]) => `var ${name}=${scriptJson(value)};`).join('\n')}
window.OC = { config: _oc_config, appConfig: oc_appconfig, theme: _theme, webroot: _oc_webroot, appswebroots: _oc_appswebroots, coreApps: ['', 'admin', 'log', 'core/search', 'core', '3rdparty'], currentUser: ${scriptJson(user.id)},
	isUserAdmin() { return false }, getCurrentUser() { return { uid: this.currentUser, displayName: ${scriptJson(user.displayName)} } },
	filePath(app, type, file) { return '/apps/' + app + '/' + (type ? type + '/' : '') + file },
	getLocale() { return document.documentElement.dataset.locale }, getLanguage() { return document.documentElement.lang } };
window.OCA = window.OCA || {};
${L10N_SHIM}
</script>
${lang === 'fr' && withCatalogue ? `<script nonce="${nonce}" defer src="/apps/${APP_ID}/l10n/fr.js?v=${options.assetVersion}"></script>` : ''}
<meta name="color-scheme" content="light dark">
</head>
<body dir="ltr" id="body-user" data-theme-default data-themes="default">
<div id="initial-state-container" style="display: none;">
${states}
</div>
<div id="skip-actions">${skipLinks.join('')}</div>
<header id="header"><strong>${escapeHtml(instanceName)}</strong> <a href="/index.php/apps/${APP_ID}/">Dégooglisation</a> <a href="/index.php/apps/dashboard/">${lang === 'fr' ? 'Tableau de bord' : 'Dashboard'}</a> <span style="margin-left:auto">${escapeHtml(user.displayName)}</span> <a href="?lang=${lang === 'fr' ? 'en' : 'fr'}">${lang === 'fr' ? 'English' : 'Français'}</a> <a href="/index.php/logout">${lang === 'fr' ? 'Se déconnecter' : 'Log out'}</a></header>
<div id="content" class="app-${options.appId}">
<h1 class="hidden-visually" id="page-heading-level-1">${escapeHtml(options.heading)}</h1>
${options.body}
</div>
${options.scripts.map((src) => `<script nonce="${nonce}" defer src="${src}?v=${options.assetVersion}" type="module"></script>`).join('\n')}
</body>
</html>`
}

export function appPage(options: PageOptions): string {
	return shell({
		...options,
		appId: APP_ID,
		title: 'Dégooglisation',
		heading: options.instanceName,
		skipTo: { content: '#app-content', navigation: '#app-navigation' },
		body: `<div id="${APP_ID}-app"></div>`,
		initialState: {},
		scripts: [`/apps/${APP_ID}/js/${APP_ID}-main.mjs`],
		styles: [`/apps/${APP_ID}/css/${APP_ID}-main.css`],
	})
}

/**
 * Nextcloud 32's dashboard (apps/dashboard/src/DashboardApp.vue): a widget
 * registers its callback with OCA.Dashboard.register, and on the next tick
 * the dashboard calls it with the panel's inner element and the panel's data
 * (id, title, iconClass, iconUrl, url; absolute URLs), then marks it mounted.
 */
export function dashboardPage(options: PageOptions): string {
	const title = options.lang === 'fr' ? 'Tableau de bord' : 'Dashboard'
	const panel = {
		id: APP_ID,
		title: options.translate('Dégooglisation: my tasks'),
		iconClass: `icon-${APP_ID}`,
		iconUrl: `${options.origin}/apps/${APP_ID}/img/app-dark.svg`,
		url: `${options.origin}/index.php/apps/${APP_ID}/`,
	}
	const greeting = `${options.lang === 'fr' ? 'Bonjour' : 'Hello'}, ${options.user.displayName}`
	const body = `<main id="app-dashboard"><h2>${escapeHtml(greeting)}</h2>
<ul class="statuses"></ul>
<div class="panels">
<div class="panel">
<div class="panel--header"><h2><span class="${panel.iconClass}" aria-hidden="true"></span> ${escapeHtml(panel.title)}</h2></div>
<div class="panel--content loading"><div data-id="${APP_ID}"></div></div></div></div></main>
<script>
(() => {
	const panels = ${scriptJson({ [APP_ID]: panel })};
	window.OCA.Dashboard = {
		register(app, callback) {
			queueMicrotask(() => {
				const element = document.querySelector('[data-id="' + app + '"]');
				if (!panels[app] || panels[app].mounted) return;
				if (!element) return console.error('Failed to register panel in the frontend as no backend data was provided for ' + app);
				callback(element, { widget: panels[app] });
				panels[app].mounted = true;
				element.parentElement.classList.remove('loading');
			});
		},
		registerStatus() {},
	};
})();
</script>`
	return shell({
		...options,
		appId: 'dashboard',
		title,
		heading: title,
		skipTo: { content: '#app-dashboard' },
		body,
		initialState: { 'dashboard-panels': { [APP_ID]: panel }, 'dashboard-statuses': [], 'dashboard-layout': [APP_ID] },
		scripts: [`/apps/${APP_ID}/js/${APP_ID}-dashboard-with-l10n.mjs`],
		styles: [`/apps/${APP_ID}/css/${APP_ID}-dashboard-with-l10n.css`],
	})
}

/** The sandbox's login form. Like Nextcloud's, its head carries a request token for the form; the sandbox does not check it. */
export function loginPage(users: SandboxUser[], error: string | null, redirect: string): string {
	return `<!DOCTYPE html><html lang="fr"><head data-requesttoken="${randomBytes(24).toString('base64url')}"><meta charset="utf-8"><title>Connexion - Sandbox</title><link rel="stylesheet" href="/sandbox/nextcloud-vars.css"></head>
<body><main id="content-vue" style="padding:32px;max-width:420px;margin:auto;position:static">
<h1>Dégooglisation — sandbox</h1>
${error ? `<p role="alert" style="color:var(--color-text-error)">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/index.php/login">
<input type="hidden" name="redirect_url" value="${escapeHtml(redirect)}">
<p><label for="user">Compte</label><br><select id="user" name="user">${users.map((u) => `<option value="${escapeHtml(u.id)}">${escapeHtml(u.displayName)} (${escapeHtml(u.id)})</option>`).join('')}</select></p>
<p><label for="password">Mot de passe</label><br><input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Se connecter</button></p>
<p>Comptes de démonstration : ${users.map((u) => `${escapeHtml(u.id)} / ${escapeHtml(u.password)}`).join(', ')}</p>
</form></main></body></html>`
}
