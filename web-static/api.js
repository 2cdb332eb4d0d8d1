// The JSON API as a browser uses it: the session cookie rides along, every change carries the
// CSRF token (cookie XSRF-TOKEN → header X-XSRF-TOKEN), and failures are RFC 9457 problems.

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

/** Where to go when the session has ended: the sign-in page, then back here. */
export function signInAgain() {
	const here = location.pathname + location.hash;
	location.assign(`/signin.html?next=${encodeURIComponent(here)}`);
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
		signInAgain();
		throw await problemOf(response);
	}
	if (!response.ok) {
		throw await problemOf(response);
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

/** Signs out; whatever the answer (a session that already ended, say), the sign-in page follows. */
export function signOut() {
	return api('POST', '/logout', { form: {}, anonymous: true })
		.catch(() => null)
		.then(() => location.assign('/signin.html?signedOut'));
}
