// What every signed-in page shares: the header (who is signed in, the review link for
// reviewers with the count waiting for them, sign out) and the language switch, which is
// remembered on the profile.
import { get, put, signOut, Problem } from './api.js';
import { apply, has, language, setLanguage, t } from './i18n.js';
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
