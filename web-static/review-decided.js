// The reviewer's decided view: what their queue approved or denied in the last 30 days
// (newest first, bounded by the service), each with its status now; access that is still
// held can be revoked here, with a reason the requester reads and after a confirmation
// (the requester loses the access at once and is told by mail).
import { get, post, Problem } from './api.js';
import { apply, dateTime, t } from './i18n.js';
import { announce, byId, detail, h } from './dom.js';
import { explain, tabKeys } from './shell.js';

/** Waiting | Decided: the WAI-ARIA tabs pattern; the decided view is fetched when opened. */
export function wireTabs(queues) {
	const tablist = byId('review-tabs');
	tablist.hidden = false;
	const activate = (tab) => {
		for (const each of tablist.querySelectorAll('[role="tab"]')) {
			const selected = each === tab;
			each.setAttribute('aria-selected', String(selected));
			each.tabIndex = selected ? 0 : -1;
			byId(each.getAttribute('aria-controls')).hidden = !selected;
		}
		if (tab.dataset.view === 'decided') {
			showDecided(queues);
		}
	};
	for (const tab of tablist.querySelectorAll('[role="tab"]')) {
		tab.addEventListener('click', () => activate(tab));
	}
	tabKeys(tablist, activate);
}

/** Shows the decided view again if it is open (dates are formatted when shown). */
export async function refreshDecided(queues) {
	if (!byId('panel-decided').hidden) {
		await showDecided(queues);
	}
}

/** Loads and shows the decided view of each of the reviewer's queues. */
async function showDecided(queues) {
	await Promise.all(queues.map(async (queue) => {
		byId(`decided-${queue}`).hidden = false;
		const decided = await get(`/api/review/decided?queue=${queue}`);
		const list = byId(`decided-entries-${queue}`);
		const cards = decided.map((record) => decidedCard(record));
		list.replaceChildren(...(cards.length ? cards : [h('li', { class: 'empty', i18n: 'review.decidedEmpty' })]));
		apply(list);
	}));
}

function decidedCard(record) {
	const entry = record.entry;
	const details = [];
	if (entry.requester) {
		const who = `${entry.requester.name} <${entry.requester.email}>`
				+ (entry.requester.companyName ? ` — ${entry.requester.companyName}` : '');
		details.push(detail('review.requester', who, 'requester'));
	}
	if (entry.contractCompany) {
		details.push(detail('review.contractCompany', entry.contractCompany));
	}
	details.push(h('div', { class: 'detail decision' }, h('dt', { i18n: 'review.decision' }),
		h('dd', { i18n: `status.${record.decision}` })));
	details.push(detail('review.decider', record.decidedBy, 'decider'));
	details.push(detail('review.decidedAt', dateTime(record.decidedAt), 'decided-at'));
	if (record.comment) {
		details.push(detail('review.decisionComment', record.comment, 'comment'));
	}
	const card = h('li', { class: `card decided-entry status-${entry.status}`, 'data-item-id': entry.id,
		'data-identifier': entry.identifier },
		h('div', { class: 'card-head' },
			h('span', { class: 'identifier', text: entry.identifier }),
			h('span', { class: 'type', i18n: `type.${entry.identifierType}` }),
			h('span', { class: 'kind', i18n: `kind.${entry.kind}` }),
			h('span', { class: 'badge', i18n: `status.${entry.status}` })),
		h('dl', {}, details),
		h('div', { class: 'outcome', role: 'status' }));
	if (record.revocable) {
		card.insertBefore(revokeForm(card, entry), card.lastElementChild);
	}
	return card;
}

function revokeForm(card, entry) {
	const id = entry.id;
	const reason = h('textarea', { id: `revoke-reason-${id}`, rows: 2, maxlength: 1000, class: 'reason',
		'aria-describedby': `revoke-error-${id}` });
	const error = h('p', { class: 'form-message error', id: `revoke-error-${id}`, role: 'alert' });
	const form = h('div', { class: 'revoke stack' },
		h('div', { class: 'field' }, h('label', { for: `revoke-reason-${id}`, i18n: 'review.revokeReason' }), reason),
		error,
		h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger revoke-button', i18n: 'review.revoke',
			onclick: () => revoke(card, entry, reason, error, form) })));
	return form;
}

async function revoke(card, entry, reason, error, form) {
	error.textContent = '';
	reason.removeAttribute('aria-invalid');
	if (!reason.value.trim()) {
		reason.setAttribute('aria-invalid', 'true');
		error.textContent = t('review.revokeReasonRequired');
		reason.focus();
		return;
	}
	if (!window.confirm(t('review.revokeConfirm', { identifier: entry.identifier }))) {
		return;
	}
	const button = form.querySelector('button');
	button.disabled = true;
	try {
		const revoked = await post(`/api/review/items/${entry.id}/revoke`, { reason: reason.value });
		showNow(card, form, revoked.status, 'review.revoked');
		announce(t('review.revoked', { status: t(`status.${revoked.status}`) }));
	}
	catch (problem) {
		button.disabled = false;
		if (problem instanceof Problem && problem.code === 'STATUS_CHANGED') {
			showNow(card, form, null, 'review.revokeTooLate');
			return;
		}
		error.textContent = explain(problem);
	}
}

/** The card after a revoke (or a revoke that came too late): the form goes, a line says why. */
function showNow(card, form, status, messageKey) {
	form.remove();
	if (status) {
		card.className = `card decided-entry status-${status}`;
		card.querySelector('.badge').dataset.i18n = `status.${status}`;
	}
	const box = card.querySelector('.outcome');
	box.replaceChildren(h('p', { class: status ? 'done' : 'conflict', i18n: messageKey,
		args: { status: status ? t(`status.${status}`) : '' }, tabindex: -1 }));
	apply(card);
	box.firstElementChild.focus();
}
