// What every signed-in page shares: the header (who is signed in, the review link for
// reviewers with the count waiting for them, sign out) and the language switch, which is
// remembered on the profile.
import { get, put, signOut, Problem } from './api.js';
import { apply, has, language, setLanguage, setTimeZone, t, timeZone } from './i18n.js';
import { byId, h } from './dom.js';
import { follow } from './live.js';

/**
 * Loads the profile (or sends the browser to sign in) and wires the header. A page that
 * follows the review queue itself (followsReview) calls refreshWaiting() on its events;
 * elsewhere the header follows the queue for its count.
 */
export async function startPage(onLanguageChanged, { followsReview = false } = {}) {
	apply(document);
	const profile = await get('/api/profile');
	setTimeZone(profile.timeZone);
	await setLanguage(profile.language);
	const who = byId('who');
	who.dataset.i18n = 'who';
	who.dataset.i18nArgs = JSON.stringify({ name: profile.name });
	who.textContent = t('who', { name: profile.name });
	const reviewer = profile.roles.includes('CONTRACT_ADMIN') || profile.roles.includes('VENDOR_REVIEWER');
	byId('review-link').hidden = !reviewer;
	if (reviewer) {
		watchWaiting(followsReview);
	}
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

let waitingTimer = null;

/**
 * The review link shows how many items wait for this reviewer; its accessible name says
 * it in words ("Review queue, 3 waiting"). The link's text moves into a span so that the
 * language switch rewrites the words and keeps the count.
 */
function watchWaiting(followedByPage) {
	const link = byId('review-link');
	delete link.dataset.i18n;
	link.replaceChildren(h('span', { i18n: 'nav.review' }),
		h('span', { id: 'review-count', class: 'count-badge', 'aria-hidden': 'true', hidden: true }));
	apply(link);
	refreshWaiting();
	if (!followedByPage) {
		follow('/api/review/events', refreshWaiting, (live, resumed) => {
			if (live === 'live' && resumed) {
				refreshWaiting();
			}
		});
	}
}

/** Asks for the count again, once for a burst of events. */
export function refreshWaiting() {
	clearTimeout(waitingTimer);
	waitingTimer = setTimeout(async () => {
		const link = byId('review-link');
		const badge = byId('review-count');
		if (!link || !badge) {
			return;
		}
		try {
			const waiting = await get('/api/review/waiting');
			badge.textContent = String(waiting.total);
			badge.hidden = false;
			link.dataset.i18nLabel = 'nav.reviewWaiting';
			link.dataset.i18nArgs = JSON.stringify({ count: waiting.total });
			link.setAttribute('aria-label', t('nav.reviewWaiting', { count: waiting.total }));
		}
		catch (problem) {
			if (!(problem instanceof Problem)) {
				throw problem;
			}
		}
	}, 100);
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
			// Unset until now: the zone the reader has been shown is the one kept.
			timeZone: profile.timeZone || timeZone(),
		});
		Object.assign(profile, saved);
		setTimeZone(saved.timeZone);
	}
	catch (problem) {
		if (!(problem instanceof Problem)) {
			throw problem;
		}
	}
	await onLanguageChanged();
}

/**
 * What a form field is called on screen, for a VALIDATION_FAILED that names it: the
 * server's field names never reach the reader (issue 15).
 */
const FIELDS = {
	identifiers: 'add.numbers',
	justification: 'add.justification',
	name: 'personal.name',
	companyName: 'company.name',
	companyAddress: 'company.address',
	timeZone: 'preferences.timeZone',
	language: 'preferences.language',
	email: 'signup.email',
	password: 'signup.password',
	currentPassword: 'password.current',
	newPassword: 'password.new',
	reason: 'review.reason',
	comment: 'review.comment',
};

/**
 * A problem in words for the reader, in the page's language: a text per code, and for
 * VALIDATION_FAILED one per field error, naming the field as the form does. The server's
 * detail is English for developers and is never shown; a code without a text reads as
 * the generic message.
 */
export function explain(problem) {
	if (!(problem instanceof Problem)) {
		return t('error.generic');
	}
	if (problem.code === 'NETWORK') {
		return t('error.network');
	}
	if (problem.code === 'VALIDATION_FAILED') {
		const lines = problem.errors.map(fieldError);
		return lines.length ? [...new Set(lines)].join(' ') : t('error.VALIDATION_FAILED');
	}
	if (problem.code === 'INVALID_IDENTIFIER') {
		// The numbers at fault are the reader's own input: shown as typed.
		const detail = problem.errors.map((error) => error.message.replace(/^.*:\s*/, '')).join(', ');
		return t('error.INVALID_IDENTIFIER', { detail });
	}
	const key = `error.${problem.code}`;
	return has(key) ? t(key) : t('error.generic');
}

function fieldError(error) {
	if (error.field === 'identifiers') {
		// Submissions: "at most 50 identifiers per request, …; this one has 51".
		const tooMany = /at most (\d+)\D.*?(\d+)\s*$/.exec(error.message || '');
		if (tooMany) {
			return t('add.tooMany', { max: tooMany[1], count: tooMany[2] });
		}
		if (/at least one/.test(error.message || '')) {
			return t('add.numbersMissing');
		}
	}
	const label = FIELDS[error.field];
	return label ? t('error.fieldInvalid', { field: t(label).replace(/（.*）|\s*\(.*\)/g, '') }) : t('error.VALIDATION_FAILED');
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
