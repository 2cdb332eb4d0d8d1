// The account profile page: the guide's tabs, adding access with live status cards, and the
// access held now (guide §3, §4, §6).
import { get, post, put, api, Problem } from './api.js';
import { apply, dateTime, date, t } from './i18n.js';
import { announce, byId, h, linkedItem, reveal } from './dom.js';
import { explain, startPage, switchLanguage, tabKeys } from './shell.js';
import { follow } from './live.js';
import { wireAccountSecurity, wireVerificationBanner } from './account.js';

const TABS = ['personal', 'company', 'access', 'preferences'];
const SUBS = ['contracts', 'ordering'];
const TYPES = { FULL_SUPPORT: ['BILL_TO', 'CONTRACT'], DOWNLOAD_ONLY: ['CONTRACT', 'SERIAL'] };
const PENDING = ['PENDING_ADMIN', 'PENDING_VENDOR'];

const state = {
	profile: null,
	/** Requests shown as cards, by id, as the API answers them (items carry their next step). */
	requests: new Map(),
	/** Per-card messages (a refused action), by item id. */
	cardErrors: new Map(),
	filters: { contract: '', billTo: '', admin: '' },
	accessSeq: 0,
};

start().catch((error) => {
	if (!(error instanceof Problem && error.status === 401)) {
		throw error;
	}
});

async function start() {
	state.profile = await startPage(reloadAll);
	fillProfileForms();
	wireTabs();
	wireAddForm();
	wireOrderForm();
	wireProfileForms();
	wireAccessTable();
	wireVerificationBanner(state.profile);
	wireAccountSecurity(state.profile);
	route();
	if (!state.profile.emailVerified) {
		// Requests, access and live status wait until the address is proved (SPEC §2a).
		apply(document);
		return;
	}
	follow('/api/me/events', onStatusEvent, (live, resumed) => {
		byId('live-state').hidden = live === 'live';
		if (live === 'live' && resumed) {
			// Safety net: whatever the replay could not carry (nothing was seen yet) is reloaded.
			reloadAll();
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

const FILTER_LABELS = { contract: 'table.contract', billTo: 'table.billTo', admin: 'table.admins' };

async function reloadAll() {
	apply(document);
	fillProfileForms();
	for (const input of document.querySelectorAll('[data-filter]')) {
		// Shown above each filter where a narrow screen hides the column headings (style.css).
		input.parentElement.dataset.label = t(FILTER_LABELS[input.dataset.filter]);
	}
	if (!state.profile.emailVerified) {
		return;
	}
	const page = await get('/api/access-requests?size=20');
	state.requests = new Map(page.requests.map((request) => [request.id, request]));
	renderCards();
	await refreshAccess();
}

// ---- tabs -------------------------------------------------------------------------------

function wireTabs() {
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

function go(hash) {
	if (location.hash !== `#${hash}`) {
		history.pushState(null, '', `#${hash}`);
	}
	route();
}

function route() {
	const [wanted, wantedSub] = location.hash.slice(1).split('/');
	const tab = TABS.includes(wanted) ? wanted : 'access';
	const sub = SUBS.includes(wantedSub) ? wantedSub : 'contracts';
	select('#profile-tabs', 'tab', tab);
	select('#access-tabs', 'sub', sub);
}

function select(tablistSelector, key, value) {
	for (const tab of document.querySelectorAll(`${tablistSelector} [role="tab"]`)) {
		const selected = tab.dataset[key] === value;
		tab.setAttribute('aria-selected', String(selected));
		tab.tabIndex = selected ? 0 : -1;
		byId(tab.getAttribute('aria-controls')).hidden = !selected;
	}
}

// ---- profile ----------------------------------------------------------------------------

function fillProfileForms() {
	const profile = state.profile;
	byId('personal-name').value = profile.name;
	byId('personal-email').value = profile.email;
	byId('personal-roles').textContent = profile.roles.map((role) => t(`role.${role}`)).join(', ');
	byId('company-name').value = profile.companyName || '';
	byId('company-address').value = profile.companyAddress || '';
	byId(`pref-${profile.language}`).checked = true;
	byId('incomplete-banner').hidden = profile.complete;
}

function wireProfileForms() {
	byId('personal-form').addEventListener('submit', (event) => {
		event.preventDefault();
		saveProfile({ name: byId('personal-name').value }, byId('personal-message'), byId('personal-name'));
	});
	byId('company-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const saved = await saveProfile(
				{ companyName: byId('company-name').value, companyAddress: byId('company-address').value },
				byId('company-message'), byId('company-name'));
		byId('company-back').hidden = !(saved && saved.complete);
	});
	byId('preferences-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const chosen = new FormData(event.target).get('language');
		await switchLanguage(state.profile, chosen, reloadAll);
		message(byId('preferences-message'), t('saved'));
	});
}

async function saveProfile(changes, messageElement, firstField) {
	const profile = state.profile;
	const body = {
		name: profile.name,
		language: profile.language,
		companyName: profile.companyName,
		companyAddress: profile.companyAddress,
		...changes,
	};
	try {
		const saved = await put('/api/profile', body);
		Object.assign(profile, saved);
		fillProfileForms();
		firstField.removeAttribute('aria-invalid');
		message(messageElement, t('saved'));
		return saved;
	}
	catch (problem) {
		firstField.setAttribute('aria-invalid', 'true');
		message(messageElement, explain(problem), true);
		return null;
	}
}

function message(element, text, error = false) {
	element.textContent = text;
	element.classList.toggle('error', error);
}

// ---- adding access ------------------------------------------------------------------------

function wireAddForm() {
	const form = byId('add-form');
	const toggle = byId('add-toggle');
	toggle.addEventListener('click', () => openAddForm(!form.hidden ? null : {}));
	byId('add-close').addEventListener('click', () => openAddForm(null));
	for (const radio of form.querySelectorAll('input[name="kind"]')) {
		radio.addEventListener('change', () => renderTypes());
	}
	renderTypes();
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const data = new FormData(form);
		submit(form, {
			kind: data.get('kind'),
			identifierType: data.get('identifierType'),
			identifiers: data.get('identifiers'),
			justification: data.get('justification'),
			autoRetry: data.get('autoRetry') === 'on',
		}, byId('add-numbers'), byId('add-error'), byId('add-done'));
	});
}

/** Opens the form (optionally filled in: kind, type, number) or, given null, closes it. */
function openAddForm(prefill) {
	const form = byId('add-form');
	const toggle = byId('add-toggle');
	form.hidden = prefill === null;
	toggle.setAttribute('aria-expanded', String(!form.hidden));
	if (prefill === null) {
		toggle.focus();
		return;
	}
	if (prefill.kind) {
		byId(prefill.kind === 'FULL_SUPPORT' ? 'kind-full' : 'kind-download').checked = true;
		renderTypes(prefill.type);
	}
	if (prefill.number) {
		byId('add-numbers').value = prefill.number;
	}
	form.querySelector('input[name="kind"]:checked').focus();
}

function renderTypes(preferred) {
	const form = byId('add-form');
	const kind = form.querySelector('input[name="kind"]:checked').value;
	const previous = form.querySelector('input[name="identifierType"]:checked');
	const types = TYPES[kind];
	const chosen = [preferred, previous && previous.value].find((type) => types.includes(type)) || 'CONTRACT';
	const container = byId('add-types');
	container.replaceChildren(...types.map((type) => h('span', { class: 'choice-inline' },
			h('input', { type: 'radio', name: 'identifierType', id: `type-${type}`, value: type,
				checked: type === chosen }),
			h('label', { for: `type-${type}`, i18n: `type.${type}` }))));
	byId('add-type-help').hidden = !types.includes('BILL_TO');
	byId('add-kind-intro').dataset.i18n = kind === 'FULL_SUPPORT' ? 'add.fullIntro' : 'add.downloadIntro';
	apply(form);
}

function wireOrderForm() {
	const form = byId('order-form');
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const data = new FormData(form);
		submit(form, {
			kind: 'ORDERING',
			identifierType: data.get('orderType'),
			identifiers: data.get('identifiers'),
			justification: data.get('justification'),
		}, byId('order-numbers'), byId('order-error'), byId('order-done'));
	});
}

async function submit(form, request, numbersField, errorElement, doneElement) {
	message(errorElement, '');
	message(doneElement, '');
	if (!request.identifiers || !request.identifiers.trim()) {
		numbersField.setAttribute('aria-invalid', 'true');
		message(errorElement, t('add.numbersMissing'), true);
		numbersField.focus();
		return;
	}
	const button = form.querySelector('button[type="submit"]');
	button.disabled = true;
	button.dataset.i18n = 'add.submitting';
	apply(form);
	try {
		const created = await post('/api/access-requests', {
			...request,
			justification: request.justification && request.justification.trim() ? request.justification : null,
		}, { headers: { 'Idempotency-Key': idempotencyKey() } });
		numbersField.removeAttribute('aria-invalid');
		numbersField.value = '';
		state.requests = new Map([[created.id, created], ...state.requests]);
		renderCards();
		message(doneElement, t('add.submitted', { count: created.items.length }));
		if (created.items.some((item) => item.status === 'APPROVED')) {
			refreshAccess();
		}
	}
	catch (problem) {
		numbersField.setAttribute('aria-invalid', 'true');
		message(errorElement, explain(problem), true);
		numbersField.focus();
	}
	finally {
		button.disabled = false;
		button.dataset.i18n = 'add.submit';
		apply(form);
	}
}

/** A double click or a retried network call submits once (the API honours Idempotency-Key). */
function idempotencyKey() {
	if (crypto.randomUUID) {
		return crypto.randomUUID();
	}
	return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- status cards -----------------------------------------------------------------------------

function renderCards() {
	const focused = document.activeElement && document.activeElement.dataset.focusKey;
	const requests = [...state.requests.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	const contracts = [];
	const ordering = [];
	for (const request of requests) {
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
	const error = state.cardErrors.get(item.id);
	// The card a mail linked to stays marked (and keeps focus) when cards are drawn again.
	const linked = location.hash === `#item-${item.id}`;
	return h('li', { class: `card status-${item.status}${linked ? ' linked' : ''}`, id: `item-${item.id}`,
		'data-item-id': item.id, 'data-identifier': item.identifier, 'data-status': item.status,
		'data-focus-key': linked ? `card/${item.id}` : null, tabindex: linked ? -1 : null },
		h('div', { class: 'card-head' },
			h('span', { class: 'identifier', text: item.identifier }),
			h('span', { class: 'type', i18n: `type.${request.identifierType}` }),
			h('span', { class: 'kind', i18n: `kind.${item.kind}` }),
			h('span', { class: 'badge', i18n: `status.${item.status}` })),
		h('dl', {}, details),
		actions(request, item),
		h('p', { class: 'card-error', role: 'alert', text: error || '' }));
}

function detail(labelKey, value, className) {
	return h('div', { class: className ? `detail ${className}` : 'detail' },
		h('dt', { i18n: labelKey }), h('dd', { text: value }));
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

async function act(item, name) {
	state.cardErrors.delete(item.id);
	try {
		const moved = await post(`/api/items/${item.id}/${name}`);
		replaceItem(moved);
	}
	catch (problem) {
		state.cardErrors.set(item.id, explain(problem));
		if (problem instanceof Problem && problem.code === 'STATUS_CHANGED') {
			await reloadRequest(item.requestId);
		}
	}
	renderCards();
	if (name === 'remove') {
		refreshAccess();
	}
}

function replaceItem(moved) {
	const request = state.requests.get(moved.requestId);
	if (request) {
		request.items = request.items.map((item) => (item.id === moved.id ? { ...item, ...moved } : item));
	}
}

// ---- live status ------------------------------------------------------------------------------

const reloading = new Map();

/** One status event: fetch the item's request again (its next step is the server's words). */
async function onStatusEvent(event) {
	await reloadRequest(event.requestId);
	renderCards();
	if (event.from && event.from !== event.to) {
		announce(t('live.changed', { identifier: event.identifier, status: t(`status.${event.to}`) }));
	}
	if (event.to === 'APPROVED' || event.from === 'APPROVED') {
		refreshAccess();
	}
}

/** Coalesces bursts: one fetch in flight per request, and one more after it if asked meanwhile. */
function reloadRequest(requestId) {
	const running = reloading.get(requestId);
	if (running) {
		running.again = true;
		return running.promise;
	}
	const entry = { again: false };
	entry.promise = (async () => {
		try {
			do {
				entry.again = false;
				const request = await get(`/api/access-requests/${requestId}`);
				state.requests.set(request.id, request);
			}
			while (entry.again);
		}
		finally {
			reloading.delete(requestId);
		}
	})();
	reloading.set(requestId, entry);
	return entry.promise;
}

// ---- access held now -----------------------------------------------------------------------

function wireAccessTable() {
	let timer = null;
	for (const input of document.querySelectorAll('[data-filter]')) {
		input.addEventListener('input', () => {
			state.filters[input.dataset.filter] = input.value;
			clearTimeout(timer);
			timer = setTimeout(refreshAccess, 200);
		});
	}
	byId('csv').addEventListener('click', downloadCsv);
}

function fullSupportQuery() {
	const query = new URLSearchParams({ kind: 'FULL_SUPPORT' });
	for (const [name, value] of Object.entries(state.filters)) {
		if (value.trim()) {
			query.set(name, value.trim());
		}
	}
	return `/api/access?${query}`;
}

async function refreshAccess() {
	const seq = ++state.accessSeq;
	const [full, all] = await Promise.all([get(fullSupportQuery()), get('/api/access')]);
	if (seq !== state.accessSeq) {
		return; // a newer filter has been typed meanwhile
	}
	const dash = '--';
	fillRows(byId('full-rows'), full.fullSupport, 4, (row) => [
		cell('table.contract', row.contractNumber || dash, 'contract'),
		cell('table.billTo', row.billToId || dash, 'bill-to'),
		cell('table.admins', row.administrators.length ? row.administrators.join(', ') : dash, 'admins'),
		removeCell(row),
	]);
	byId('full-count').textContent = t('table.count', { count: full.fullSupport.length });
	fillRows(byId('download-rows'), all.downloadOnly, 5, (row) => [
		cell('table.identifier', row.identifier, 'identifier'),
		cell('table.type', t(`type.${row.identifierType}`)),
		cell('table.contract', row.contractNumber || dash, 'contract'),
		cell('table.admins', row.administrators.length ? row.administrators.join(', ') : dash, 'admins'),
		removeCell(row),
	]);
	fillRows(byId('ordering-rows'), all.ordering, 4, (row) => [
		cell('table.identifier', row.identifier, 'identifier'),
		cell('table.type', t(`type.${row.identifierType}`)),
		cell('table.since', date(row.since)),
		removeCell(row),
	]);
}

function fillRows(body, rows, columns, cells) {
	body.replaceChildren(...(rows.length
		? rows.map((row) => h('tr', { 'data-item-id': row.itemId }, cells(row)))
		: [h('tr', { class: 'empty' }, h('td', { colspan: columns, i18n: 'table.empty' }))]));
	apply(body);
}

/** data-label lets a narrow screen show each cell under its column's name (style.css). */
function cell(labelKey, text, className) {
	return h('td', { 'data-label': t(labelKey), class: className, text });
}

function removeCell(row) {
	return h('td', { 'data-label': t('table.actions') },
		h('button', { type: 'button', class: 'remove', i18n: 'card.remove',
			label: 'table.removeLabel', args: { identifier: row.identifier },
			onclick: async (event) => {
				event.target.disabled = true;
				try {
					const moved = await post(`/api/items/${row.itemId}/remove`);
					replaceItem(moved);
					renderCards();
				}
				catch (problem) {
					byId('full-count').textContent = explain(problem);
				}
				await refreshAccess();
			} }));
}

async function downloadCsv() {
	const blob = await api('GET', fullSupportQuery(), { accept: 'text/csv' });
	const url = URL.createObjectURL(blob);
	const link = h('a', { href: url, download: 'access.csv', hidden: true });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}
