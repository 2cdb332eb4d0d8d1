// A status card per number asked for (guide §6), on the tab of its kind, with what to do
// next in the service's words and the actions the item allows now; kept current by live
// status events. One card per number and kind (issue 15): its latest state, repeats and
// superseded requests folded in (requests.js); a status filter and "Show more" per list,
// both asking the service, so that every request is reachable and none is shown twice.
import { post, Problem } from '../api.js';
import { apply, dateTime, t } from '../i18n.js';
import { announce, byId, detail, h } from '../dom.js';
import { explain } from '../shell.js';
import { openAddForm } from './add-access.js';
import { refreshAccess } from './access-table.js';
import { supportDetail } from '../support.js';
import { cardErrors, cardsOf, changed, LISTS, loadMore, onChanged, reloadList, reloadRequest, replaceItem,
	requestOf } from './requests.js';
import { go } from './tabs.js';

const PENDING = ['PENDING_ADMIN', 'PENDING_VENDOR'];

/** The filter's choices: the statuses each asks the service for (none: all). */
const FILTERS = [
	{ value: 'all', i18n: 'cards.filterAll', statuses: [] },
	{ value: 'pending', i18n: 'cards.filterPending', statuses: PENDING },
	{ value: 'approved', i18n: 'cards.filterApproved', statuses: ['APPROVED'] },
	{ value: 'denied', i18n: 'cards.filterDenied', statuses: ['DENIED'] },
	{ value: 'ended', i18n: 'cards.filterEnded', statuses: ['WITHDRAWN', 'REVOKED', 'EXPIRED'] },
];

/** The cards are drawn again whenever the requests change. */
export function wireCards() {
	for (const name of Object.keys(LISTS)) {
		wireList(name);
	}
	onChanged(renderCards);
	// A D1 card's way out depends on the profile: once it is complete, the card offers
	// to submit again instead of the profile form (the banner shows the profile's state).
	new MutationObserver(renderCards).observe(byId('incomplete-banner'), { attributes: true,
		attributeFilter: ['hidden'] });
}

/** The filter above a list, and below it how much is shown and "Show more". */
function wireList(name) {
	const list = byId(`cards-${name}`);
	const filter = h('select', { id: `cards-${name}-filter`, onchange: () => filterList(name, filter) },
		FILTERS.map((choice) => h('option', { value: choice.value, i18n: choice.i18n })));
	list.before(h('div', { class: 'cards-filter' },
		h('label', { for: filter.id, i18n: 'cards.filter' }), filter));
	const more = h('button', { type: 'button', class: 'cards-more', id: `cards-${name}-more`, i18n: 'cards.more',
		hidden: true, onclick: () => showMore(name, more) });
	list.after(h('div', { class: 'cards-footer' },
		h('p', { class: 'cards-count', id: `cards-${name}-count` }),
		more,
		h('p', { class: 'card-error', id: `cards-${name}-error`, role: 'alert' })));
}

async function filterList(name, select) {
	LISTS[name].statuses = FILTERS.find((choice) => choice.value === select.value).statuses;
	LISTS[name].loaded = 0;
	if (await attempt(name, () => reloadList(name))) {
		changed();
		announce(countText(name));
	}
}

async function showMore(name, button) {
	button.disabled = true;
	const added = await attempt(name, () => loadMore(name));
	button.disabled = false;
	if (!added) {
		return;
	}
	changed();
	announce(t('cards.moreShown', { count: added.length }));
	// The first card added takes focus: the button may be gone (nothing more), and the
	// next card is where reading goes on.
	const first = added.length ? byId(`item-${added[0].item.id}`) : null;
	if (first) {
		first.focus();
	}
	else if (button.hidden) {
		byId(`cards-${name}-filter`).focus();
	}
}

/** Runs a load; a failure is said under the list (the list stays as it was). */
async function attempt(name, load) {
	const error = byId(`cards-${name}-error`);
	error.textContent = '';
	try {
		return (await load()) || true;
	}
	catch (problem) {
		if (!(problem instanceof Problem)) {
			throw problem;
		}
		error.textContent = explain(problem);
		return null;
	}
}

function renderCards() {
	const focused = document.activeElement && document.activeElement.dataset.focusKey;
	for (const name of Object.keys(LISTS)) {
		const cards = cardsOf(name);
		const list = LISTS[name];
		const empty = list.statuses.length ? 'cards.emptyFiltered' : 'cards.empty';
		fill(byId(`cards-${name}`), cards.map(card), empty);
		const count = byId(`cards-${name}-count`);
		count.dataset.i18n = 'cards.shown';
		count.dataset.i18nArgs = JSON.stringify(counts(name, cards));
		count.hidden = !list.next;
		byId(`cards-${name}-more`).hidden = !list.next;
		apply(count.parentElement);
	}
	if (focused) {
		const again = document.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
		if (again) {
			again.focus();
		}
	}
}

/** Shown and in all: the service's total, plus numbers asked for since it answered. */
function counts(name, cards) {
	const added = cards.filter((one) => !LISTS[name].counted.has(one.key)).length;
	return { shown: cards.length, total: LISTS[name].total + added };
}

function countText(name) {
	const cards = cardsOf(name);
	return cards.length ? t('cards.shown', counts(name, cards))
		: t(LISTS[name].statuses.length ? 'cards.emptyFiltered' : 'cards.empty');
}

function fill(list, cards, empty) {
	list.replaceChildren(...(cards.length ? cards : [h('li', { class: 'empty', i18n: empty })]));
	apply(list);
}

function card(group) {
	const item = group.item;
	const details = [
		detail('card.reason', t(`reason.${item.reason}`)),
		detail('card.nextStep', item.nextStep, 'next-step'),
	];
	if (item.note) {
		details.push(detail('card.note', item.note, 'note'));
	}
	if (item.deciders && item.deciders.length) {
		details.push(detail('card.deciders', item.deciders.join(', '), 'deciders'));
	}
	if (item.deadline) {
		details.push(detail('card.deadline', dateTime(item.deadline), 'deadline'));
	}
	if (item.retryAfter && item.status === 'DENIED') {
		details.push(item.retryScheduled
			? detail('card.retryScheduled', dateTime(item.retryAfter), 'retry-scheduled')
			: detail('card.retryAfter', dateTime(item.retryAfter), 'retry-after'));
	}
	details.push(detail('card.requested', dateTime(new Date(group.askedAt).toISOString()), 'requested'));
	if (group.asked > 1) {
		details.push(detail('card.requestedTimes', t('card.times', { count: group.asked }), 'requested-times'));
	}
	details.push(...supportDetail(item));
	const error = cardErrors.get(item.id);
	// The card a mail linked to stays marked (and keeps focus) when cards are drawn again.
	const linked = location.hash === `#item-${item.id}`;
	return h('li', { class: `card status-${item.status}${linked ? ' linked' : ''}`, id: `item-${item.id}`,
		'data-item-id': item.id, 'data-identifier': item.identifier, 'data-kind': item.kind, 'data-status': item.status,
		// Every card can take focus (a mail's link, a submission's first number) and keeps
		// it across redraws.
		'data-focus-key': `card/${item.id}`, tabindex: -1 },
		h('div', { class: 'card-head' },
			h('span', { class: 'identifier', text: item.identifier }),
			h('span', { class: 'type', i18n: `type.${item.identifierType}` }),
			h('span', { class: 'kind', i18n: `kind.${item.kind}` }),
			h('span', { class: 'badge', i18n: `status.${item.status}` })),
		h('dl', {}, details),
		actions(item),
		h('p', { class: 'card-error', role: 'alert', text: error ? error() : '' }));
}

function actions(item) {
	const buttons = [];
	const action = (name, key) => h('button', { type: 'button', class: name, 'data-focus-key': `${item.id}/${name}`,
		i18n: key, onclick: () => act(item, name) });
	if (item.status === 'DENIED' && item.reason === 'PROFILE_INCOMPLETE') {
		// Once the profile is complete the form is no way forward: submitting again is.
		buttons.push(byId('incomplete-banner').hidden
			? h('button', { type: 'button', class: 'submit-again', i18n: 'card.submitAgain',
				onclick: () => submitAgain(item) })
			: h('a', { href: '#company', class: 'complete-profile button-link', i18n: 'card.completeProfile' }));
	}
	if (item.status === 'DENIED' && item.reason === 'FULL_SUPPORT_NOT_INCLUDED') {
		buttons.push(item.identifierType === 'CONTRACT'
			? h('button', { type: 'button', i18n: 'card.requestDownload',
				onclick: () => openAddForm({ kind: 'DOWNLOAD_ONLY', type: 'CONTRACT', number: item.identifier }) })
			: h('button', { type: 'button', i18n: 'card.useOrdering', onclick: () => toOrdering('BILL_TO', item) }));
	}
	if (PENDING.includes(item.status)) {
		buttons.push(action('withdraw', 'card.withdraw'));
	}
	if (item.status === 'PENDING_ADMIN') {
		buttons.push(action('escalate', 'card.escalate'));
	}
	if (item.status === 'APPROVED') {
		buttons.push(action('remove', 'card.remove'));
	}
	return buttons.length ? h('div', { class: 'card-actions' }, buttons) : null;
}

/** The add form (or Direct purchase's), filled in with the card's number. */
function submitAgain(item) {
	if (item.kind === 'ORDERING') {
		toOrdering(item.identifierType, item);
		return;
	}
	openAddForm({ kind: item.kind, type: item.identifierType, number: item.identifier });
}

function toOrdering(type, item) {
	go('access/ordering');
	byId(type === 'CONTRACT' ? 'order-contract' : 'order-billto').checked = true;
	byId('order-numbers').value = item.identifier;
	byId('order-numbers').focus();
}

/** Withdrawing and removing cannot be undone: each asks first. */
const ASK_FIRST = { withdraw: 'confirm.withdraw', remove: 'confirm.remove' };

async function act(item, name) {
	if (ASK_FIRST[name] && !window.confirm(t(ASK_FIRST[name], { identifier: item.identifier }))) {
		return;
	}
	cardErrors.delete(item.id);
	try {
		const moved = await post(`/api/items/${item.id}/${name}`);
		replaceItem(moved);
	}
	catch (problem) {
		// Kept as a wording, so that a language switch words it again.
		cardErrors.set(item.id, () => explain(problem));
		if (problem instanceof Problem && problem.code === 'STATUS_CHANGED') {
			await reloadRequest(requestOf(item.id) || item.requestId);
		}
	}
	changed();
	// Under a filter the card may have left its list: focus goes to the filter, not the page.
	if (!byId(`item-${item.id}`)) {
		byId(item.kind === 'ORDERING' ? 'cards-ordering-filter' : 'cards-contracts-filter').focus();
	}
	if (name === 'remove') {
		refreshAccess();
	}
}

/** One status event: fetch the item's request again (its next step is the server's words). */
export async function onStatusEvent(event) {
	try {
		// The first event of an item (no "from") is a new item: a submission elsewhere,
		// an automatic retry.
		await reloadRequest(event.requestId, event.from ? null : event.itemId);
	}
	catch (problem) {
		if (!(problem instanceof Problem)) {
			throw problem;
		}
		// Gone as the event came (the network, say): the stream drops too, and everything
		// is loaded again when it is back (app.js).
		return;
	}
	changed();
	if (event.from && event.from !== event.to) {
		announce(t('live.changed', { identifier: event.identifier, status: t(`status.${event.to}`) }));
	}
	if (event.to === 'APPROVED' || event.from === 'APPROVED') {
		refreshAccess();
	}
}
