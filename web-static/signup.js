// Sign-up (SPEC §2), then straight in: the new account signs in with what was just typed.
import { api, post, Problem } from './api.js';
import { apply, browserZone, language, msg, say, setLanguage } from './i18n.js';
import { byId } from './dom.js';
import { explain } from './shell.js';

apply(document);
byId(`signup-${language()}`).checked = true;
for (const button of document.querySelectorAll('[data-lang]')) {
	button.addEventListener('click', () => {
		setLanguage(button.dataset.lang);
		byId(`signup-${button.dataset.lang}`).checked = true;
	});
}
for (const radio of document.querySelectorAll('input[name="language"]')) {
	radio.addEventListener('change', () => setLanguage(radio.value));
}

byId('signup-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = event.target;
	const error = byId('signup-error');
	say(error, null);
	for (const field of form.querySelectorAll('[aria-invalid]')) {
		field.removeAttribute('aria-invalid');
	}
	const invalid = [...form.querySelectorAll('input[required], input[minlength]')].find((field) => !field.checkValidity());
	if (invalid) {
		invalid.setAttribute('aria-invalid', 'true');
		say(error, msg(invalid.validity.valueMissing ? 'form.required'
			: invalid.validity.typeMismatch ? 'form.email' : 'signup.passwordHelp'));
		invalid.focus();
		return;
	}
	const data = new FormData(form);
	const account = {
		email: data.get('email'),
		password: data.get('password'),
		name: data.get('name'),
		language: data.get('language'),
		companyName: data.get('companyName').trim() || null,
		companyAddress: data.get('companyAddress').trim() || null,
		// One clock: Japan time for Japanese, else the zone this browser lives in.
		timeZone: data.get('language') === 'ja' ? 'Asia/Tokyo' : browserZone(),
	};
	const button = form.querySelector('button[type="submit"]');
	button.disabled = true;
	try {
		await post('/api/accounts', account, { anonymous: true });
		await api('POST', '/login', { form: { username: account.email, password: account.password }, anonymous: true });
		location.assign(account.companyName && account.companyAddress ? '/#access/contracts' : '/#company');
	}
	catch (problem) {
		say(error, problem instanceof Problem && problem.code === 'EMAIL_TAKEN' ? msg('signup.taken')
			: () => explain(problem));
		const field = problem instanceof Problem && problem.errors.length
			? form.querySelector(`[name="${problem.errors[0].field}"]`) : null;
		if (field) {
			field.setAttribute('aria-invalid', 'true');
			field.focus();
		}
		button.disabled = false;
	}
});
