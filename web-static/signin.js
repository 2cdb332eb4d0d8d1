// Sign-in: the form login of SecurityConfiguration, over fetch so that a wrong password
// shows a message in place. Sent here because the session ended, it says so, and after
// signing in goes back to the page and tab the person was on (returnTarget); with nowhere
// to go back to, reviewers go to their queue and everyone else to the profile (home).
import { api, csrfToken, get, Problem } from './api.js';
import { keepDraftOnlyFor } from './drafts.js';
import { apply, msg, say, setLanguage } from './i18n.js';
import { byId } from './dom.js';

apply(document);
for (const button of document.querySelectorAll('[data-lang]')) {
	button.addEventListener('click', () => setLanguage(button.dataset.lang));
}
const params = new URLSearchParams(location.search);
byId('session-ended').hidden = !params.has('expired');
byId('signed-out').hidden = !params.has('signedOut');
byId('signed-out-everywhere').hidden = !params.has('signedOutEverywhere');
byId('password-reset').hidden = !params.has('reset');
if (params.has('throttled')) {
	say(byId('signin-error'), msg('signin.throttled'));
}
csrfToken().then((token) => {
	byId('csrf').value = token;
});

byId('signin-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = event.target;
	const error = byId('signin-error');
	const button = form.querySelector('button[type="submit"]');
	say(error, null);
	button.disabled = true;
	try {
		await api('POST', '/login', {
			form: { username: byId('username').value, password: byId('password').value },
			anonymous: true,
		});
		// A form kept when another account's session ended in this tab is not this one's.
		keepDraftOnlyFor(byId('username').value);
		location.assign(returnTarget() || await home());
	}
	catch (problem) {
		say(error, msg(!(problem instanceof Problem) || problem.code === 'NETWORK' ? 'error.network'
			: problem.status === 401 ? 'signin.failed'
				: problem.status === 429 ? 'signin.throttled' : 'error.generic'));
		byId('password').setAttribute('aria-invalid', 'true');
		byId('password').focus();
		button.disabled = false;
	}
});

/**
 * Where a signed-in person starts: reviewers at their queue (their roles follow only a
 * proved address), everyone else at the profile.
 */
async function home() {
	const profile = await get('/api/profile', { anonymous: true }).catch(() => null);
	const roles = (profile && profile.roles) || [];
	return roles.includes('CONTRACT_ADMIN') || roles.includes('VENDOR_REVIEWER') ? '/review.html' : '/';
}

/** The pages one may be sent back to after signing in, and the tabs of the profile page. */
const PAGES = ['/', '/index.html', '/review.html', '/registry.html'];

const TABS = /^#(?:personal|company|preferences|access(?:\/(?:contracts|ordering))?|item-[0-9a-f-]{36})$/;

/**
 * Back to the page and tab the visitor was sent from (?next=), but only to one of ours:
 * same origin, a known page, a known tab (no open redirect: `//elsewhere`, `/\elsewhere`
 * and `https://…` are refused). Null when none was given or it is not one of those.
 */
function returnTarget() {
	const wanted = params.get('next');
	if (!wanted || !wanted.startsWith('/')) {
		return null;
	}
	let url;
	try {
		url = new URL(wanted, location.origin);
	}
	catch {
		return null;
	}
	if (url.origin !== location.origin || !PAGES.includes(url.pathname) || url.search) {
		return null;
	}
	return TABS.test(url.hash) ? url.pathname + url.hash : url.pathname;
}
