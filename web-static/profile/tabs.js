// The profile's tabs (guide §3): Personal profile | Company/Organization | Additional Access
// (sub-tabs Service contracts | Direct purchase) | Preferences, one address each
// (#company, #access/ordering, …), by mouse and by keyboard (WAI-ARIA tabs pattern).
import { byId } from '../dom.js';
import { tabKeys } from '../shell.js';

const TABS = ['personal', 'company', 'access', 'preferences'];
const SUBS = ['contracts', 'ordering'];

export function wireTabs() {
	window.addEventListener('hashchange', route);
	for (const tab of document.querySelectorAll('#profile-tabs [role="tab"]')) {
		tab.addEventListener('click', () => go(tab.dataset.tab === 'access' ? 'access/contracts' : tab.dataset.tab));
	}
	for (const tab of document.querySelectorAll('#access-tabs [role="tab"]')) {
		tab.addEventListener('click', () => go(`access/${tab.dataset.sub}`));
	}
	tabKeys(byId('profile-tabs'), (tab) => go(tab.dataset.tab === 'access' ? 'access/contracts' : tab.dataset.tab));
	tabKeys(byId('access-tabs'), (tab) => go(`access/${tab.dataset.sub}`));
	// "Complete your profile" is one click from a PROFILE_INCOMPLETE denial (SPEC §2).
	document.addEventListener('click', (event) => {
		const link = event.target.closest('a.complete-profile');
		if (link) {
			event.preventDefault();
			go('company');
			byId('company-name').focus();
		}
	});
}

/** Shows the tab of hash ('company', 'access/ordering'), remembered in the history. */
export function go(hash) {
	if (location.hash !== `#${hash}`) {
		history.pushState(null, '', `#${hash}`);
	}
	route();
}

export function route() {
	const [wanted, wantedSub] = location.hash.slice(1).split('/');
	const tab = TABS.includes(wanted) ? wanted : 'access';
	const sub = SUBS.includes(wantedSub) ? wantedSub : 'contracts';
	select('#profile-tabs', 'tab', tab);
	select('#access-tabs', 'sub', sub);
}

/** Marks one tab of a tablist selected and shows its panel only. */
export function select(tablistSelector, key, value) {
	for (const tab of document.querySelectorAll(`${tablistSelector} [role="tab"]`)) {
		const selected = tab.dataset[key] === value;
		tab.setAttribute('aria-selected', String(selected));
		tab.tabIndex = selected ? 0 : -1;
		byId(tab.getAttribute('aria-controls')).hidden = !selected;
	}
}
