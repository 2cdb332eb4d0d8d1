// The page a "confirm your email address" mail links to (SPEC §2a): the token is in the
// fragment (#token=…), so it never reaches a server log or a Referer; it is posted once and
// taken out of the address bar.
import { post, Problem } from './api.js';
import { apply, msg, say, setLanguage } from './i18n.js';
import { byId } from './dom.js';

apply(document);
for (const button of document.querySelectorAll('[data-lang]')) {
	button.addEventListener('click', () => setLanguage(button.dataset.lang));
}

verify(takeToken());
// A link opened in a tab that shows this page already changes only the fragment.
window.addEventListener('hashchange', () => {
	const token = takeToken();
	if (token) {
		for (const id of ['verify-done', 'verify-failed']) {
			byId(id).hidden = true;
		}
		byId('verify-busy').hidden = false;
		verify(token);
	}
});

/** The link's token, taken out of the address bar (history, bookmarks, screen shares). */
function takeToken() {
	const token = new URLSearchParams(location.hash.slice(1)).get('token');
	history.replaceState(null, '', location.pathname);
	return token;
}

async function verify(token) {
	try {
		if (!token) {
			throw new Problem(400, { code: 'INVALID_VERIFICATION' });
		}
		const profile = await post('/api/accounts/verification', { token }, { anonymous: true });
		await setLanguage(profile.language);
		show('verify-done');
	}
	catch (problem) {
		say(byId('verify-failed-text'), msg(problem instanceof Problem && problem.status === 400
			? 'verify.invalid' : 'error.network'));
		show('verify-failed');
	}
}

function show(id) {
	byId('verify-busy').hidden = true;
	byId(id).hidden = false;
	byId('main').focus();
}
