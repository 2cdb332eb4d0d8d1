// The account profile page: the guide's tabs, adding access with live status cards, and the
// access held now (guide §3, §4, §6). Each part is its own module under profile/; this one
// starts them and loads what they show.
import { get, Problem } from './api.js';
import { apply } from './i18n.js';
import { byId, linkedItem, reveal } from './dom.js';
import { startPage } from './shell.js';
import { follow } from './live.js';
import { wireAccountSecurity, wireVerificationBanner } from './profile/account.js';
import { labelFilters, refreshAccess, wireAccessTable } from './profile/access-table.js';
import { wireAddForm, wireOrderForm } from './profile/add-access.js';
import { onStatusEvent, wireCards } from './profile/cards.js';
import { fillProfileForms, wireProfileForms } from './profile/forms.js';
import { wireDrafts } from './profile/kept-forms.js';
import { changed, loadMore, reloadAllLists } from './profile/requests.js';
import { route, select, wireTabs } from './profile/tabs.js';

let profile = null;

start().catch((error) => {
	if (!(error instanceof Problem && error.status === 401)) {
		throw error;
	}
});

async function start() {
	profile = await startPage(reloadAll);
	fillProfileForms(profile);
	wireTabs();
	wireCards();
	wireAddForm();
	wireOrderForm();
	wireProfileForms(profile, reloadAll);
	wireAccessTable();
	wireVerificationBanner(profile);
	wireAccountSecurity(profile);
	route();
	// After route(): a form kept when the session ended is put back on the tab it was on.
	wireDrafts(profile);
	if (!profile.emailVerified) {
		// Requests, access and live status wait until the address is proved (SPEC §2a).
		apply(document);
		return;
	}
	follow('/api/me/events', onStatusEvent, (live, resumed) => {
		byId('live-state').hidden = live === 'live';
		if (live === 'live' && resumed) {
			// Safety net: whatever the replay could not carry (nothing was seen yet) is reloaded;
			// a reload that fails as the network goes again is done at the next resumption.
			reloadAll().catch((problem) => {
				if (!(problem instanceof Problem)) {
					throw problem;
				}
			});
		}
	});
	await reloadAll();
	showLinkedItem();
}

/**
 * A mail's link (`/#item-<id>`) opens the card of that item, on whichever sub-tab it is. The
 * item may have no card of its own: a later request of the same number took its card (one
 * card per number and kind), or the card lies beyond the pages shown; then the card of its
 * number is opened, loading further pages (a few at most) to find it.
 */
async function showLinkedItem() {
	const card = linkedItem() || await cardOfLinkedNumber();
	if (card) {
		if (card.closest('#cards-ordering')) {
			select('#access-tabs', 'sub', 'ordering');
		}
		reveal(card);
	}
}

async function cardOfLinkedNumber() {
	const match = /^#item-([0-9a-f-]{36})$/.exec(location.hash);
	if (!match) {
		return null;
	}
	const item = await get(`/api/items/${match[1]}`).catch(() => null);
	if (!item) {
		return null;
	}
	const list = item.kind === 'ORDERING' ? 'ordering' : 'contracts';
	const selector = `.card[data-identifier="${CSS.escape(item.identifier)}"][data-kind="${item.kind}"]`;
	for (let pages = 0; pages < 10; pages++) {
		const card = document.querySelector(selector);
		if (card) {
			return card;
		}
		if (!(await loadMore(list)).length) {
			return null;
		}
		changed();
	}
	return document.querySelector(selector);
}

/** Everything again, in the language chosen now. */
async function reloadAll() {
	apply(document);
	fillProfileForms(profile);
	labelFilters();
	if (!profile.emailVerified) {
		return;
	}
	await reloadAllLists();
	changed();
	await refreshAccess();
}
