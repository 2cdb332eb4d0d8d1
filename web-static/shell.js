// What every signed-in page shares: the header (who is signed in, the review link for
// reviewers, sign out) and the language switch, which is remembered on the profile.
import { get, put, signOut, Problem } from './api.js';
import { apply, has, language, setLanguage, t } from './i18n.js';
import { byId } from './dom.js';

/** Loads the profile (or sends the browser to sign in) and wires the header. */
export async function startPage(onLanguageChanged) {
	apply(document);
	const profile = await get('/api/profile');
	await setLanguage(profile.language);
	const who = byId('who');
	who.dataset.i18n = 'who';
	who.dataset.i18nArgs = JSON.stringify({ name: profile.name });
	who.textContent = t('who', { name: profile.name });
	const reviewer = profile.roles.includes('CONTRACT_ADMIN') || profile.roles.includes('VENDOR_REVIEWER');
	byId('review-link').hidden = !reviewer;
	const registry = document.getElementById('registry-link');
	if (registry) {
		registry.hidden = !profile.roles.includes('OPERATOR');
	}
	byId('signout').addEventListener('click', () => signOut());
	for (const button of document.querySelectorAll('[data-lang]')) {
		button.addEventListener('click', () => switchLanguage(profile, button.dataset.lang, onLanguageChanged));
	}
	return profile;
}

/** Changes the language on the page at once and on the profile (for mail and next steps). */
export async function switchLanguage(profile, lang, onLanguageChanged) {
	if (lang === language() && lang === profile.language) {
		return;
	}
	await setLanguage(lang);
	try {
		const saved = await put('/api/profile', {
			name: profile.name,
			language: lang,
			companyName: profile.companyName,
			companyAddress: profile.companyAddress,
		});
		Object.assign(profile, saved);
	}
	catch (problem) {
		if (!(problem instanceof Problem)) {
			throw problem;
		}
	}
	await onLanguageChanged();
}

/** A problem in words for the reader: known codes in their language, else the detail. */
export function explain(problem) {
	if (!(problem instanceof Problem)) {
		return t('error.generic');
	}
	if (problem.code === 'NETWORK') {
		return t('error.network');
	}
	const key = `error.${problem.code}`;
	if (!has(key)) {
		return problem.detail || t('error.generic');
	}
	let detail = problem.detail;
	if (problem.code === 'INVALID_IDENTIFIER') {
		detail = problem.errors.map((error) => error.message.replace(/^[^:]*:\s*/, '')).join(', ');
	}
	else if (problem.errors.length) {
		detail = problem.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
	}
	return t(key, { detail });
}

/** Arrow keys, Home and End move between tabs of a tablist (WAI-ARIA tabs pattern). */
export function tabKeys(tablist, activate) {
	tablist.addEventListener('keydown', (event) => {
		const tabs = [...tablist.querySelectorAll('[role="tab"]')];
		const index = tabs.indexOf(document.activeElement);
		if (index < 0) {
			return;
		}
		let next = null;
		if (event.key === 'ArrowRight') {
			next = tabs[(index + 1) % tabs.length];
		}
		else if (event.key === 'ArrowLeft') {
			next = tabs[(index - 1 + tabs.length) % tabs.length];
		}
		else if (event.key === 'Home') {
			next = tabs[0];
		}
		else if (event.key === 'End') {
			next = tabs[tabs.length - 1];
		}
		if (next) {
			event.preventDefault();
			next.focus();
			activate(next);
		}
	});
}
