// The profile's own forms (guide §3): Personal profile (name), Company/Organization (without
// which no access is approved) and Preferences (the language and the time zone of screens
// and mail).
import { put } from '../api.js';
import { msg, setTimeZone, t, timeZone } from '../i18n.js';
import { byId, h, showMessage } from '../dom.js';
import { explain, switchLanguage } from '../shell.js';

/** Shows the profile as saved. */
export function fillProfileForms(profile) {
	byId('personal-name').value = profile.name;
	byId('personal-email').value = profile.email;
	byId('personal-roles').textContent = profile.roles.map((role) => t(`role.${role}`)).join(', ');
	byId('company-name').value = profile.companyName || '';
	byId('company-address').value = profile.companyAddress || '';
	byId(`pref-${profile.language}`).checked = true;
	fillZones(byId('pref-time-zone'), timeZone());
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
		const chosen = new FormData(event.target);
		const zone = chosen.get('timeZone');
		const zoneChanged = zone !== profile.timeZone;
		if (zoneChanged) {
			const saved = await saveProfile(profile, { timeZone: zone }, byId('preferences-message'),
					byId('pref-time-zone'));
			if (!saved) {
				return;
			}
		}
		const lang = chosen.get('language');
		if (lang !== profile.language) {
			await switchLanguage(profile, lang, onLanguageChanged);
		}
		else if (zoneChanged) {
			// Every time on the page again, in the new zone.
			await onLanguageChanged();
		}
		showMessage(byId('preferences-message'), msg('saved'));
	});
}

async function saveProfile(profile, changes, messageElement, firstField) {
	const body = {
		name: profile.name,
		language: profile.language,
		companyName: profile.companyName,
		companyAddress: profile.companyAddress,
		// Unset until now: the zone the reader has been shown is the one kept.
		timeZone: profile.timeZone || timeZone(),
		...changes,
	};
	try {
		const saved = await put('/api/profile', body);
		Object.assign(profile, saved);
		setTimeZone(saved.timeZone);
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

/** Every zone the browser knows (IANA ids), the current one selected even if it knows it not. */
function fillZones(select, current) {
	if (!select.options.length) {
		const zones = new Set(Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : []);
		zones.add('Asia/Tokyo');
		zones.add('UTC');
		select.replaceChildren(...[...zones].sort().map((zone) => h('option', { value: zone }, zone.replaceAll('_', ' '))));
	}
	if (![...select.options].some((option) => option.value === current)) {
		select.append(h('option', { value: current }, current.replaceAll('_', ' ')));
	}
	select.value = current;
}
