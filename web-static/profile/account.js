// Looking after one's own account (SPEC §2a): the banner and "send the link again" while the
// email address is not proved, and under Preferences the password change and signing out of
// every browser.
import { api, put, post, Problem } from '../api.js';
import { msg } from '../i18n.js';
import { byId, showMessage } from '../dom.js';
import { explain } from '../shell.js';

/** Shows the banner of an unproved address, with the button that mails a new link. */
export function wireVerificationBanner(profile) {
	const banner = byId('unverified-banner');
	banner.hidden = profile.emailVerified;
	const button = byId('resend-verification');
	button.addEventListener('click', async () => {
		const status = byId('resend-message');
		button.disabled = true;
		try {
			await post('/api/accounts/verification/resend', {});
			showMessage(status, msg('verify.resent', { email: profile.email }));
		}
		catch (problem) {
			showMessage(status, problem instanceof Problem && problem.code === 'ALREADY_VERIFIED' ? msg('verify.already')
				: problem instanceof Problem && problem.status === 429 ? msg('verify.tooMany') : () => explain(problem), true);
		}
		finally {
			button.disabled = false;
		}
	});
}

/** Preferences: change the password; sign out everywhere. */
export function wireAccountSecurity(profile) {
	byId('password-username').value = profile.email;
	byId('password-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const current = byId('password-current');
		const fresh = byId('password-new');
		const status = byId('password-message');
		for (const field of [current, fresh]) {
			field.removeAttribute('aria-invalid');
		}
		const invalid = [current, fresh].find((field) => !field.checkValidity());
		if (invalid) {
			invalid.setAttribute('aria-invalid', 'true');
			showMessage(status, msg(invalid.validity.valueMissing ? 'form.required' : 'signup.passwordHelp'), true);
			invalid.focus();
			return;
		}
		const button = event.target.querySelector('button[type="submit"]');
		button.disabled = true;
		try {
			await put('/api/profile/password', { currentPassword: current.value, newPassword: fresh.value });
			event.target.reset();
			showMessage(status, msg('password.changed'));
		}
		catch (problem) {
			const wrongCurrent = problem instanceof Problem && problem.code === 'BAD_CREDENTIALS';
			const field = wrongCurrent ? current : fresh;
			if (wrongCurrent || (problem instanceof Problem && problem.code === 'VALIDATION_FAILED')) {
				field.setAttribute('aria-invalid', 'true');
				field.focus();
			}
			showMessage(status, wrongCurrent ? msg('password.wrongCurrent')
				: problem instanceof Problem && problem.status === 429 ? msg('signin.throttled') : () => explain(problem), true);
		}
		finally {
			button.disabled = false;
		}
	});
	byId('signout-everywhere').addEventListener('click', async () => {
		try {
			await api('DELETE', '/api/sessions', { anonymous: true });
			location.assign('/signin.html?signedOutEverywhere');
		}
		catch (problem) {
			showMessage(byId('sessions-message'), () => explain(problem), true);
		}
	});
}
