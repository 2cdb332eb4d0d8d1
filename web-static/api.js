// The JSON API as a browser uses it: the session cookie rides along, every change carries the
// CSRF token (cookie XSRF-TOKEN → header X-XSRF-TOKEN), and failures are RFC 9457 problems.
import { dropDraft } from './drafts.js';
import { h } from './dom.js';
import { apply } from './i18n.js';

export class Problem extends Error {

	constructor(status, body) {
		super((body && body.detail) || `HTTP ${status}`);
		this.status = status;
		this.code = (body && body.code) || (status === 0 ? 'NETWORK' : `HTTP_${status}`);
		this.detail = (body && body.detail) || '';
		this.errors = (body && body.errors) || [];
	}

}

function cookie(name) {
	const prefix = `${name}=`;
	const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
	return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/** The CSRF token; asking GET /api/csrf also sets the cookie for next time. */
export async function csrfToken(fresh = false) {
	const known = fresh ? null : cookie('XSRF-TOKEN');
	if (known) {
		return known;
	}
	const response = await fetch('/api/csrf', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
	const body = await response.json();
	return body.token;
}

/** The sign-in page, then back here (this page and tab); expired says the session ended. */
function signInAddress(expired) {
	const here = encodeURIComponent(location.pathname + location.hash);
	return `/signin.html?${expired ? 'expired&' : ''}next=${here}`;
}

/** Where to go when there is no session: the sign-in page, then back here. */
function signInAgain() {
	location.assign(signInAddress(false));
}

/** True once a call made with this page's session was answered: a 401 after it means the session ended. */
let hadSession = false;

/** Who keeps what a person typed when the session ends; each answers true if it kept something. */
const keepers = [];

export function onSessionEnded(keep) {
	keepers.push(keep);
}

/** Asks every keeper to keep what was typed; true if one kept something. */
function keepTyped() {
	let kept = false;
	for (const keep of keepers) {
		try {
			kept = keep() || kept;
		}
		catch (error) {
			console.error('What was typed could not be kept', error);
		}
	}
	return kept;
}

/**
 * The session ended under an open page (it expired, or the account was signed out
 * elsewhere): what was typed is kept, and the page says so in its language, with the way to
 * sign in and come back here, rather than leaving for the sign-in page unannounced.
 */
function sessionEnded() {
	const kept = keepTyped();
	const shown = document.getElementById('session-ended');
	if (shown) {
		// Said already (several calls may meet the ended session): only what was kept is new.
		shown.querySelector('.kept').hidden &&= !kept;
		return;
	}
	const notice = h('div', { id: 'session-ended', class: 'notice warn', role: 'alert' },
		h('p', { i18n: 'session.ended' }),
		h('p', { class: 'kept', i18n: 'session.kept', hidden: !kept }),
		h('p', {}, h('a', { class: 'button-link', href: signInAddress(true), i18n: 'session.signIn',
			// What was typed since, and the tab chosen since, go along too.
			onclick: (event) => {
				keepTyped();
				event.currentTarget.href = signInAddress(true);
			} })));
	const main = document.querySelector('main') || document.body;
	const heading = main.querySelector(':scope > h1');
	if (heading) {
		heading.after(notice);
	}
	else {
		main.prepend(notice);
	}
	apply(notice);
	notice.querySelector('a').focus();
}

async function send(method, path, { body, accept = 'application/json', headers = {}, form, freshToken = false } = {}) {
	const allHeaders = { Accept: accept, ...headers };
	let payload;
	if (form) {
		allHeaders['Content-Type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams({ ...form, _csrf: await csrfToken(freshToken) });
	}
	else if (body !== undefined) {
		allHeaders['Content-Type'] = 'application/json';
		payload = JSON.stringify(body);
	}
	if (method !== 'GET' && !form) {
		allHeaders['X-XSRF-TOKEN'] = await csrfToken(freshToken);
	}
	try {
		return await fetch(path, { method, headers: allHeaders, body: payload, credentials: 'same-origin' });
	}
	catch {
		throw new Problem(0, null);
	}
}

/**
 * One API call. Answers the parsed JSON (null for an empty answer), or a Blob when something other than
 * JSON is asked for; throws Problem otherwise. A 401 sends the browser to sign in unless
 * {anonymous: true}.
 */
export async function api(method, path, options = {}) {
	let response = await send(method, path, options);
	if (response.status === 403 && method !== 'GET') {
		const problem = await problemOf(response);
		if (problem.code !== 'CSRF_REJECTED') {
			throw problem;
		}
		// The token rotates (for instance at sign-in); fetch a fresh one and try once more.
		response = await send(method, path, { ...options, freshToken: true });
	}
	if (response.status === 401 && !options.anonymous) {
		if (hadSession) {
			sessionEnded();
		}
		else {
			signInAgain();
		}
		throw await problemOf(response);
	}
	if (!response.ok) {
		throw await problemOf(response);
	}
	if (!options.anonymous) {
		hadSession = true;
	}
	const accept = options.accept || 'application/json';
	if (accept !== 'application/json') {
		return response.blob();
	}
	// 204, and 202 without a body (a mail is on its way), answer nothing to parse.
	const text = await response.text();
	return text ? JSON.parse(text) : null;
}

async function problemOf(response) {
	let body = null;
	try {
		body = await response.json();
	}
	catch {
		// Not a problem document (a proxy's page, say): the status alone must do.
	}
	return new Problem(response.status, body);
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options = {}) => api('POST', path, { ...options, body });
export const put = (path, body, options = {}) => api('PUT', path, { ...options, body });

/**
 * Signs out; whatever the answer (a session that already ended, say), the sign-in page
 * follows. Signing out on purpose leaves nothing typed behind in the tab.
 */
export function signOut() {
	dropDraft();
	return api('POST', '/logout', { form: {}, anonymous: true })
		.catch(() => null)
		.then(() => location.assign('/signin.html?signedOut'));
}
