// The review consoles (SPEC §6, §9): contract administrators and the vendor's contract desk
// see what waits for them, overdue first, live; they approve or deny with a reason. When
// someone else decided first, the entry says so plainly instead of silently vanishing.
// Each entry says why it waits; a second tab shows what the queue decided lately.
import { get, post, Problem } from './api.js';
import { apply, dateTime, msg, say, t } from './i18n.js';
import { announce, byId, detail, h, linkedItem, reveal } from './dom.js';
import { explain, refreshWaiting, startPage } from './shell.js';
import { follow } from './live.js';
import { refreshDecided, wireTabs } from './review-decided.js';

/** Why an item waits (its reason code), in the reviewer's words. */
const WHY = {
	AWAITING_ADMIN: 'review.why.awaitingAdmin',
	COMPANY_MISMATCH: 'review.why.companyMismatch',
	NO_ADMIN: 'review.why.noAdmin',
	ORDERING_REVIEW: 'review.why.ordering',
	ESCALATED: 'review.why.escalated',
};

const state = {
	profile: null,
	queues: [],
	/** Per queue: item id → { entry, outcome } where outcome says how it left the queue. */
	records: { admin: new Map(), vendor: new Map() },
};

start().catch((error) => {
	if (!(error instanceof Problem && error.status === 401)) {
		throw error;
	}
});

async function start() {
	state.profile = await startPage(languageChanged, { followsReview: true });
	const roles = state.profile.roles;
	if (roles.includes('CONTRACT_ADMIN')) {
		state.queues.push('admin');
	}
	if (roles.includes('VENDOR_REVIEWER')) {
		state.queues.push('vendor');
	}
	byId('no-role').hidden = state.queues.length > 0;
	for (const queue of state.queues) {
		byId(`queue-${queue}`).hidden = false;
	}
	if (!state.queues.length) {
		return;
	}
	wireTabs(state.queues);
	follow('/api/review/events', onEvent, (live, resumed) => {
		byId('live-state').hidden = live === 'live';
		if (live === 'live' && resumed) {
			reloadSoon();
		}
	});
	await reload();
	// A mail's link (`/review.html#item-<id>`) opens the entry it is about.
	const linked = linkedItem();
	if (linked) {
		reveal(linked);
	}
}

async function reload() {
	apply(document);
	refreshWaiting();
	await Promise.all(state.queues.map(async (queue) => {
		const entries = await get(`/api/review/items?queue=${queue}`);
		const records = state.records[queue];
		const present = new Set(entries.map((entry) => entry.id));
		for (const [id, record] of records) {
			// Entries that left the queue stay until dismissed when there is something to say,
			// and while this reviewer's own decision is on its way (its event may come first).
			if (!present.has(id) && !record.outcome && !record.deciding) {
				records.delete(id);
			}
		}
		for (const entry of entries) {
			// Updated in place: a decision on its way holds this very record.
			const record = records.get(entry.id);
			if (record) {
				record.entry = entry;
			}
			else {
				records.set(entry.id, { entry, outcome: null });
			}
		}
		render(queue);
	}));
}

/** Dates are formatted when shown: a language switch shows the decided view again. */
async function languageChanged() {
	await reload();
	await refreshDecided(state.queues);
}

let reloadTimer = null;

function reloadSoon() {
	clearTimeout(reloadTimer);
	reloadTimer = setTimeout(reload, 150);
}

function onEvent(event) {
	for (const queue of state.queues) {
		const record = state.records[queue].get(event.itemId);
		if (record && !record.outcome && event.to !== record.entry.status
				&& event.actor.toLowerCase() !== state.profile.email.toLowerCase()) {
			record.outcome = { kind: 'elsewhere', status: event.to, actor: event.actor };
			render(queue);
			announce(t('review.decidedBy', { actor: event.actor, status: t(`status.${event.to}`) }));
		}
	}
	if (!event.from || (event.to === 'PENDING_VENDOR' && state.queues.includes('vendor'))) {
		announce(t('review.new', { identifier: event.identifier }));
	}
	reloadSoon();
}

/** Overdue first, then whatever has waited longest. */
function ordered(queue) {
	return [...state.records[queue].values()].sort((a, b) => (b.entry.overdue - a.entry.overdue)
			|| a.entry.waitingSince.localeCompare(b.entry.waitingSince));
}

/**
 * Keeps existing entry elements (and what a reviewer has typed, and focus) and only adds,
 * removes and re-orders.
 */
function render(queue) {
	const list = byId(`entries-${queue}`);
	const existing = new Map([...list.children].filter((li) => li.dataset.itemId).map((li) => [li.dataset.itemId, li]));
	const wanted = ordered(queue).map((record) => {
		const element = existing.get(record.entry.id) || entryCard(queue, record.entry);
		showOutcome(element, queue, record);
		return element;
	});
	if (!wanted.length) {
		wanted.push(h('li', { class: 'empty', i18n: 'review.empty' }));
	}
	wanted.forEach((element, index) => {
		if (list.children[index] !== element) {
			list.insertBefore(element, list.children[index] || null);
		}
	});
	while (list.children.length > wanted.length) {
		list.lastElementChild.remove();
	}
	apply(list);
}

function entryCard(queue, entry) {
	const id = entry.id;
	const details = [];
	if (WHY[entry.reason]) {
		details.push(h('div', { class: 'detail why' }, h('dt', { i18n: 'review.why' }),
			h('dd', { i18n: WHY[entry.reason] })));
	}
	if (entry.requester) {
		const who = `${entry.requester.name} <${entry.requester.email}>`
				+ (entry.requester.companyName ? ` — ${entry.requester.companyName}` : '');
		details.push(detail('review.requester', who, 'requester'));
	}
	if (entry.contractCompany) {
		details.push(detail('review.contractCompany', entry.contractCompany));
	}
	if (entry.justification) {
		details.push(detail('review.justification', entry.justification, 'justification'));
	}
	details.push(detail('review.waiting', dateTime(entry.waitingSince)));
	if (entry.deadline) {
		details.push(detail('review.deadline', dateTime(entry.deadline)));
	}
	const reason = h('textarea', { id: `reason-${id}`, rows: 2, maxlength: 1000, class: 'reason',
		'aria-describedby': `error-${id}` });
	const comment = h('textarea', { id: `comment-${id}`, rows: 2, maxlength: 1000, class: 'comment' });
	const error = h('p', { class: 'form-message error', id: `error-${id}`, role: 'alert' });
	const decide = (verdict) => async () => {
		say(error, null);
		reason.removeAttribute('aria-invalid');
		if (verdict === 'DENY' && !reason.value.trim()) {
			reason.setAttribute('aria-invalid', 'true');
			say(error, msg('review.reasonRequired'));
			reason.focus();
			return;
		}
		await submitDecision(queue, entry, verdict, reason.value, comment.value, error);
	};
	return h('li', { class: `card review-entry${entry.overdue ? ' overdue' : ''}`, 'data-item-id': id,
		'data-identifier': entry.identifier },
		h('div', { class: 'card-head' },
			h('span', { class: 'identifier', text: entry.identifier }),
			h('span', { class: 'type', i18n: `type.${entry.identifierType}` }),
			h('span', { class: 'kind', i18n: `kind.${entry.kind}` }),
			entry.overdue ? h('span', { class: 'badge overdue-badge', i18n: 'review.overdue' }) : null),
		h('dl', {}, details),
		h('div', { class: 'decide stack' },
			h('div', { class: 'field' }, h('label', { for: `reason-${id}`, i18n: 'review.reason' }), reason),
			h('div', { class: 'field' }, h('label', { for: `comment-${id}`, i18n: 'review.comment' }), comment),
			error,
			h('div', { class: 'actions' },
				h('button', { type: 'button', class: 'primary approve', i18n: 'review.approve',
					onclick: decide('APPROVE') }),
				h('button', { type: 'button', class: 'danger deny', i18n: 'review.deny', onclick: decide('DENY') }))),
		h('div', { class: 'outcome', role: 'status' }));
}

async function submitDecision(queue, entry, verdict, reason, comment, error) {
	const record = state.records[queue].get(entry.id);
	record.deciding = true;
	try {
		const decided = await post(`/api/review/items/${entry.id}/decision`, {
			decision: verdict,
			reason: reason.trim() ? reason : null,
			comment: comment.trim() ? comment : null,
		});
		record.outcome = { kind: 'done', status: decided.status };
	}
	catch (problem) {
		if (!(problem instanceof Problem && problem.code === 'STATUS_CHANGED')) {
			say(error, () => explain(problem));
			return;
		}
		// Someone else was first: say who and what, from the audit trail.
		record.outcome = { kind: 'conflict', ...(await lastChange(entry)) };
	}
	finally {
		record.deciding = false;
	}
	render(queue);
	const element = document.querySelector(`#entries-${queue} [data-item-id="${entry.id}"] .dismiss`);
	if (element) {
		element.focus();
	}
}

async function lastChange(entry) {
	try {
		const events = await get(`/api/access-requests/${entry.requestId}/events`);
		const last = events.filter((event) => event.itemId === entry.id).pop();
		return last ? { status: last.to, actor: last.actor } : { status: null, actor: null };
	}
	catch {
		return { status: null, actor: null };
	}
}

function showOutcome(element, queue, record) {
	const outcome = record.outcome;
	const box = element.querySelector('.outcome');
	const form = element.querySelector('.decide');
	element.classList.toggle('resolved', Boolean(outcome));
	element.dataset.outcome = outcome ? outcome.kind : '';
	if (!outcome) {
		box.replaceChildren();
		form.hidden = false;
		return;
	}
	form.hidden = true;
	const status = outcome.status ? t(`status.${outcome.status}`) : '?';
	const lines = [];
	if (outcome.kind === 'done') {
		lines.push(h('p', { class: 'done', i18n: 'review.done', args: { status } }));
	}
	else {
		lines.push(h('p', { class: 'conflict', i18n: outcome.kind === 'conflict' ? 'review.conflict' : 'review.changed',
			args: { status } }));
		if (outcome.actor) {
			lines.push(h('p', { i18n: 'review.decidedBy', args: { actor: outcome.actor, status } }));
		}
	}
	lines.push(h('button', { type: 'button', class: 'dismiss', i18n: 'review.dismiss', onclick: () => {
		state.records[queue].delete(record.entry.id);
		render(queue);
		byId(`queue-${queue}-heading`).focus();
	} }));
	box.replaceChildren(...lines);
}
