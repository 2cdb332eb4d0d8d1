// The profile's own forms (guide §3): Personal profile (name), Company/Organization (without
// which no access is approved) and Preferences (the language of screens and mail).
import { put } from '../api.js';
import { msg, t } from '../i18n.js';
import { byId, showMessage } from '../dom.js';
import { explain, switchLanguage } from '../shell.js';

/** Shows the profile as saved. */
export function fillProfileForms(profile) {
	byId('personal-name').value = profile.name;
	byId('personal-email').value = profile.email;
	byId('personal-roles').textContent = profile.roles.map((role) => t(`role.${role}`)).join(', ');
	byId('company-name').value = profile.companyName || '';
	byId('company-address').value = profile.companyAddress || '';
	byId(`pref-${profile.language}`).checked = true;
	byId('incomplete-banner').hidden = profile.complete;
}

/** onLanguageChanged redraws the page once a new language is chosen. */
export function wireProfileForms(profile, onLanguageChanged) {
	byId('personal-form').addEventListener('submit', (event) => {
		event.preventDefault();
		saveProfile(profile, { name: byId('personal-name').value }, byId('personal-message'), byId('personal-name'));
	});
	byId('company-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const saved = await saveProfile(profile,
				{ companyName: byId('company-name').value, companyAddress: byId('company-address').value },
				byId('company-message'), byId('company-name'));
		byId('company-back').hidden = !(saved && saved.complete);
	});
	byId('preferences-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const chosen = new FormData(event.target).get('language');
		await switchLanguage(profile, chosen, onLanguageChanged);
		showMessage(byId('preferences-message'), msg('saved'));
	});
}

async function saveProfile(profile, changes, messageElement, firstField) {
	const body = {
		name: profile.name,
		language: profile.language,
		companyName: profile.companyName,
		companyAddress: profile.companyAddress,
		...changes,
	};
	try {
		const saved = await put('/api/profile', body);
		Object.assign(profile, saved);
		fillProfileForms(profile);
		firstField.removeAttribute('aria-invalid');
		showMessage(messageElement, msg('saved'));
		return saved;
	}
	catch (problem) {
		firstField.setAttribute('aria-invalid', 'true');
		showMessage(messageElement, () => explain(problem), true);
		return null;
	}
}
