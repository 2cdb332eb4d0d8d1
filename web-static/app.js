// The account profile page: the guide's tabs, adding access with live status cards, and the
// access held now (guide §3, §4, §6). Each part is its own module under profile/; this one
// starts them and loads what they show.
import { Problem } from './api.js';
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
import { changed, reloadAllLists } from './profile/requests.js';
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

/** A mail's link (`/#item-<id>`) opens the card of that item, on whichever sub-tab it is. */
function showLinkedItem() {
	const card = linkedItem();
	if (card) {
		if (card.closest('#cards-ordering')) {
			select('#access-tabs', 'sub', 'ordering');
		}
		reveal(card);
	}
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
