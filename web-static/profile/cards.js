// A status card per number asked for (guide §6), on the tab of its kind, with what to do
// next in the service's words and the actions the item allows now; kept current by live
// status events.
import { post, Problem } from '../api.js';
import { apply, dateTime, t } from '../i18n.js';
import { announce, byId, detail, h } from '../dom.js';
import { explain } from '../shell.js';
import { openAddForm } from './add-access.js';
import { refreshAccess } from './access-table.js';
import { supportDetail } from '../support.js';
import { cardErrors, changed, onChanged, reloadRequest, replaceItem, requests } from './requests.js';
import { go } from './tabs.js';

const PENDING = ['PENDING_ADMIN', 'PENDING_VENDOR'];

/** The cards are drawn again whenever the requests change. */
export function wireCards() {
	onChanged(renderCards);
}

function renderCards() {
	const focused = document.activeElement && document.activeElement.dataset.focusKey;
	const newestFirst = [...requests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	const contracts = [];
	const ordering = [];
	for (const request of newestFirst) {
		for (const item of request.items) {
			(item.kind === 'ORDERING' ? ordering : contracts).push(card(request, item));
		}
	}
	fill(byId('cards-contracts'), contracts);
	fill(byId('cards-ordering'), ordering);
	if (focused) {
		const again = document.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
		if (again) {
			again.focus();
		}
	}
}

function fill(list, cards) {
	list.replaceChildren(...(cards.length ? cards : [h('li', { class: 'empty', i18n: 'cards.empty' })]));
	apply(list);
}

function card(request, item) {
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
		details.push(detail('card.retryAfter', dateTime(item.retryAfter), 'retry-after'));
	}
	details.push(detail('card.requested', dateTime(request.createdAt)));
	details.push(...supportDetail(item));
	const error = cardErrors.get(item.id);
	// The card a mail linked to stays marked (and keeps focus) when cards are drawn again.
	const linked = location.hash === `#item-${item.id}`;
	return h('li', { class: `card status-${item.status}${linked ? ' linked' : ''}`, id: `item-${item.id}`,
		'data-item-id': item.id, 'data-identifier': item.identifier, 'data-status': item.status,
		// Every card can take focus (a mail's link, a submission's first number) and keeps
		// it across redraws.
		'data-focus-key': `card/${item.id}`, tabindex: -1 },
		h('div', { class: 'card-head' },
			h('span', { class: 'identifier', text: item.identifier }),
			h('span', { class: 'type', i18n: `type.${request.identifierType}` }),
			h('span', { class: 'kind', i18n: `kind.${item.kind}` }),
			h('span', { class: 'badge', i18n: `status.${item.status}` })),
		h('dl', {}, details),
		actions(request, item),
		h('p', { class: 'card-error', role: 'alert', text: error || '' }));
}

function actions(request, item) {
	const buttons = [];
	const action = (name, key) => h('button', { type: 'button', class: name, 'data-focus-key': `${item.id}/${name}`,
		i18n: key, onclick: () => act(item, name) });
	if (item.status === 'DENIED' && item.reason === 'PROFILE_INCOMPLETE') {
		buttons.push(h('a', { href: '#company', class: 'complete-profile button-link', i18n: 'card.completeProfile' }));
	}
	if (item.status === 'DENIED' && item.reason === 'FULL_SUPPORT_NOT_INCLUDED') {
		buttons.push(request.identifierType === 'CONTRACT'
			? h('button', { type: 'button', i18n: 'card.requestDownload',
				onclick: () => openAddForm({ kind: 'DOWNLOAD_ONLY', type: 'CONTRACT', number: item.identifier }) })
			: h('button', { type: 'button', i18n: 'card.useOrdering', onclick: () => {
				go('access/ordering');
				byId('order-billto').checked = true;
				byId('order-numbers').value = item.identifier;
				byId('order-numbers').focus();
			} }));
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
		cardErrors.set(item.id, explain(problem));
		if (problem instanceof Problem && problem.code === 'STATUS_CHANGED') {
			await reloadRequest(item.requestId);
		}
	}
	changed();
	if (name === 'remove') {
		refreshAccess();
	}
}

/** One status event: fetch the item's request again (its next step is the server's words). */
export async function onStatusEvent(event) {
	try {
		await reloadRequest(event.requestId);
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
