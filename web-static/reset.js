// "Forgot your password?" (SPEC §2a): without a token, ask for a link by mail (the answer is
// the same whether or not an account has the address); with the token from that mail's link
// (#token=…, never sent to a server log), choose the new password, then sign in with it.
import { post, Problem } from './api.js';
import { apply, msg, say, setLanguage } from './i18n.js';
import { byId } from './dom.js';
import { explain } from './shell.js';

apply(document);
for (const button of document.querySelectorAll('[data-lang]')) {
	button.addEventListener('click', () => setLanguage(button.dataset.lang));
}

let token = null;
showFormForLink();
// A link opened in a tab that shows this page already changes only the fragment.
window.addEventListener('hashchange', showFormForLink);

/** With a link's token: choose the new password; without: ask for a link. */
function showFormForLink() {
	const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
	if (fromLink) {
		token = fromLink;
		history.replaceState(null, '', location.pathname);
	}
	byId('request-form').hidden = Boolean(token);
	byId('request-sent').hidden = true;
	byId('confirm-form').hidden = !token;
	if (token) {
		byId('confirm-password').focus();
	}
}

byId('request-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const email = byId('request-email');
	const error = byId('request-error');
	say(error, null);
	email.removeAttribute('aria-invalid');
	if (!email.checkValidity()) {
		fieldError(email, error, msg(email.validity.valueMissing ? 'form.required' : 'form.email'));
		return;
	}
	const button = event.target.querySelector('button[type="submit"]');
	button.disabled = true;
	try {
		await post('/api/password-reset', { email: email.value.trim() }, { anonymous: true });
		event.target.hidden = true;
		byId('request-sent').hidden = false;
		byId('request-sent').focus();
	}
	catch (problem) {
		say(error, () => explain(problem));
		button.disabled = false;
	}
});

byId('confirm-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const password = byId('confirm-password');
	const again = byId('confirm-again');
	const error = byId('confirm-error');
	say(error, null);
	for (const field of [password, again]) {
		field.removeAttribute('aria-invalid');
	}
	if (!password.checkValidity()) {
		fieldError(password, error, msg(password.validity.valueMissing ? 'form.required' : 'signup.passwordHelp'));
		return;
	}
	if (again.value !== password.value) {
		fieldError(again, error, msg('reset.mismatch'));
		return;
	}
	const button = event.target.querySelector('button[type="submit"]');
	button.disabled = true;
	try {
		await post('/api/password-reset/confirm', { token, password: password.value }, { anonymous: true });
		location.assign('/signin.html?reset');
	}
	catch (problem) {
		say(error, problem instanceof Problem && problem.code === 'INVALID_RESET_TOKEN'
			? msg('reset.invalid') : () => explain(problem));
		button.disabled = false;
	}
});

function fieldError(field, error, message) {
	field.setAttribute('aria-invalid', 'true');
	say(error, message);
	field.focus();
}
