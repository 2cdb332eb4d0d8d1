// Sign-in: the form login of SecurityConfiguration, over fetch so that a wrong password
// shows a message in place.
import { api, csrfToken, get, Problem } from './api.js';
import { apply, setLanguage, t } from './i18n.js';
import { byId } from './dom.js';

apply(document);
for (const button of document.querySelectorAll('[data-lang]')) {
	button.addEventListener('click', () => setLanguage(button.dataset.lang));
}
const params = new URLSearchParams(location.search);
byId('signed-out').hidden = !params.has('signedOut');
byId('signed-out-everywhere').hidden = !params.has('signedOutEverywhere');
byId('password-reset').hidden = !params.has('reset');
if (params.has('throttled')) {
	byId('signin-error').textContent = t('signin.throttled');
}
csrfToken().then((token) => {
	byId('csrf').value = token;
});

byId('signin-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = event.target;
	const error = byId('signin-error');
	const button = form.querySelector('button[type="submit"]');
	error.textContent = '';
	button.disabled = true;
	try {
		await api('POST', '/login', {
			form: { username: byId('username').value, password: byId('password').value },
			anonymous: true,
		});
		location.assign(await next());
	}
	catch (problem) {
		error.textContent = !(problem instanceof Problem) || problem.code === 'NETWORK' ? t('error.network')
			: problem.status === 401 ? t('signin.failed')
				: problem.status === 429 ? t('signin.throttled') : t('error.generic');
		byId('password').setAttribute('aria-invalid', 'true');
		byId('password').focus();
		button.disabled = false;
	}
});

/**
 * Back to where the visitor was sent from, but only to a page of ours; else reviewers to
 * their queue (their roles follow only a proved address) and everyone else to the profile.
 */
async function next() {
	const wanted = params.get('next');
	if (wanted && wanted.startsWith('/') && !wanted.startsWith('//')) {
		return wanted;
	}
	const profile = await get('/api/profile', { anonymous: true }).catch(() => null);
	const roles = (profile && profile.roles) || [];
	return roles.includes('CONTRACT_ADMIN') || roles.includes('VENDOR_REVIEWER') ? '/review.html' : '/';
}
