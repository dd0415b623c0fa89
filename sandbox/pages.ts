/**
 * The page shells: what a Nextcloud page gives an app (globals, head data,
 * initial state, translations, theme variables) around the app's built
 * scripts, for the app page and the dashboard.
 */
import type { SandboxUser } from './auth'
import { NEXTCLOUD_VERSION } from './ocs'
import { escapeXml as escapeHtml } from './webdav'

export interface PageOptions {
	user: SandboxUser
	requestToken: string
	lang: 'fr' | 'en'
	instanceName: string
	initialState?: Record<string, unknown>
}

interface ShellOptions extends PageOptions {
	appId: string
}

/** Mirrors core's OC.L10N.register, which the app's l10n/<lang>.js calls. */
const L10N_SHIM = `
window._oc_l10n_registry_translations = window._oc_l10n_registry_translations || {};
window._oc_l10n_registry_plural_functions = window._oc_l10n_registry_plural_functions || {};
window.OC.L10N = { register(app, translations, pluralForm) {
	window._oc_l10n_registry_translations[app] = Object.assign(window._oc_l10n_registry_translations[app] || {}, translations);
	window._oc_l10n_registry_plural_functions[app] = (n) => (n > 1 ? 1 : 0);
} };`

function shell(options: ShellOptions, title: string, body: string, scripts: string[], styles: string[]): string {
	const { user, requestToken, lang } = options
	const states = Object.entries(options.initialState ?? {})
		.map(([key, value]) => `<input type="hidden" id="initial-state-degooglisation-${escapeHtml(key)}" value="${Buffer.from(JSON.stringify(value)).toString('base64')}">`)
		.join('\n')
	const globals = {
		config: { version: NEXTCLOUD_VERSION.full, versionstring: NEXTCLOUD_VERSION.string, modRewriteWorking: false, sharing: { federatedCloudShareDoc: '' } },
		webroot: '',
		appswebroots: { degooglisation: '/apps/degooglisation', dashboard: '/apps/dashboard' },
		currentUser: user.id,
		theme: { name: options.instanceName },
	}
	return `<!DOCTYPE html>
<html lang="${lang}" data-locale="${lang === 'fr' ? 'fr_FR' : 'en_GB'}">
<head data-user="${escapeHtml(user.id)}" data-user-displayname="${escapeHtml(user.displayName)}" data-requesttoken="${escapeHtml(requestToken)}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${escapeHtml(options.instanceName)}</title>
<link rel="stylesheet" href="/sandbox/nextcloud-vars.css">
${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<script>
window.OC = Object.assign(${JSON.stringify(globals)}, { isUserAdmin() { return false }, filePath(app, type, file) { return '/apps/' + app + '/' + (type ? type + '/' : '') + file }, getLocale() { return document.documentElement.dataset.locale }, getLanguage() { return document.documentElement.lang } });
window.OCA = window.OCA || {};
window._oc_webroot = '';
window._oc_appswebroots = window.OC.appswebroots;
window._oc_isadmin = false;
${L10N_SHIM}
</script>
${lang === 'fr' ? '<script src="/apps/degooglisation/l10n/fr.js"></script>' : ''}
</head>
<body id="body-user">
<div id="skip-actions"></div>
<header id="header"><strong>${escapeHtml(options.instanceName)}</strong> <a href="/index.php/apps/degooglisation/">Dégooglisation</a> <a href="/index.php/apps/dashboard/">Dashboard</a> <span style="margin-left:auto">${escapeHtml(user.displayName)}</span> <a href="?lang=${lang === 'fr' ? 'en' : 'fr'}">${lang === 'fr' ? 'English' : 'Français'}</a> <a href="/index.php/logout">${lang === 'fr' ? 'Se déconnecter' : 'Log out'}</a></header>
${states}
<div id="content" class="app-${options.appId}">
<h1 class="hidden-visually" id="page-heading-level-1">${escapeHtml(title)}</h1>
${body}
</div>
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
</body>
</html>`
}

export function appPage(options: PageOptions): string {
	return shell({ ...options, appId: 'degooglisation' }, 'Dégooglisation', '<div id="degooglisation-app"></div>', ['/apps/degooglisation/js/degooglisation-main.mjs'], ['/apps/degooglisation/css/degooglisation-main.css'])
}

/**
 * Nextcloud 32's dashboard calls each registered callback with the panel's
 * element once the layout is drawn; widgets register on DOMContentLoaded.
 */
export function dashboardPage(options: PageOptions): string {
	const body = `<main id="app-dashboard"><h2 style="margin:16px">${options.lang === 'fr' ? 'Tableau de bord' : 'Dashboard'}</h2>
<div class="panels" style="display:flex;gap:16px;padding:0 16px">
<section class="panel" style="width:320px;height:460px;border-radius:var(--border-radius-large);padding:8px;background:var(--color-main-background);box-shadow:0 0 10px var(--color-box-shadow)">
<h3 class="panel--header">Dégooglisation</h3><div class="panel--content" id="panel-degooglisation" style="height:400px"></div></section></div></main>
<script>
window.OCA.Dashboard = {
	callbacks: {},
	register(appId, callback) { this.callbacks[appId] = callback },
	registerStatus() {},
};
window.addEventListener('load', () => {
	const callback = window.OCA.Dashboard.callbacks.degooglisation;
	if (callback) callback(document.getElementById('panel-degooglisation'), { widget: { id: 'degooglisation', title: 'Dégooglisation', iconClass: 'icon-degooglisation', url: '/index.php/apps/degooglisation/' } });
});
</script>`
	return shell({ ...options, appId: 'dashboard' }, options.lang === 'fr' ? 'Tableau de bord' : 'Dashboard', body, ['/apps/degooglisation/js/degooglisation-dashboard.mjs'], ['/apps/degooglisation/css/degooglisation-dashboard.css'])
}

export function loginPage(users: SandboxUser[], error: string | null, redirect: string): string {
	return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Connexion - Sandbox</title><link rel="stylesheet" href="/sandbox/nextcloud-vars.css"></head>
<body><main id="content-vue" style="padding:32px;max-width:420px;margin:auto;position:static">
<h1>Dégooglisation — sandbox</h1>
${error ? `<p role="alert" style="color:var(--color-error-text)">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/index.php/login">
<input type="hidden" name="redirect_url" value="${escapeHtml(redirect)}">
<p><label for="user">Compte</label><br><select id="user" name="user">${users.map((u) => `<option value="${escapeHtml(u.id)}">${escapeHtml(u.displayName)} (${escapeHtml(u.id)})</option>`).join('')}</select></p>
<p><label for="password">Mot de passe</label><br><input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Se connecter</button></p>
<p>Comptes de démonstration : ${users.map((u) => `${escapeHtml(u.id)} / ${escapeHtml(u.password)}`).join(', ')}</p>
</form></main></body></html>`
}
