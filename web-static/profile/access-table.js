// The access held now (guide §4): the "Full support access" table with a filter per column
// and its CSV, and download-only and direct-purchase access apart, each row with its
// "remove" button. What fails is said under the table it concerns (#…-error, role=alert): a
// removal refused (removed or changed elsewhere first, say) or a CSV not downloaded, until
// the next action; tables that could not be loaded again (the rows shown stay, and may be
// out of date), until a load succeeds.
import { api, get, post, Problem } from '../api.js';
import { apply, date, t } from '../i18n.js';
import { byId, h } from '../dom.js';
import { explain } from '../shell.js';
import { changed, reloadRequest, replaceItem, requestOf } from './requests.js';

const TABLES = ['full', 'download', 'ordering'];

const FILTER_LABELS = { contract: 'table.contract', billTo: 'table.billTo', admin: 'table.admins' };

const filters = { contract: '', billTo: '', admin: '' };

/** Counts the loads asked for, so that only the newest one is shown. */
let loads = 0;

/**
 * What went wrong, kept as problems (said again in the new words after a language switch):
 * the last load, and the last action (a removal, the CSV) with its table ('full',
 * 'download', 'ordering').
 */
const failed = { load: null, action: null };

export function wireAccessTable() {
	let timer = null;
	for (const input of document.querySelectorAll('[data-filter]')) {
		input.addEventListener('input', () => {
			filters[input.dataset.filter] = input.value;
			clearTimeout(timer);
			timer = setTimeout(refreshAccess, 200);
		});
	}
	byId('csv').addEventListener('click', downloadCsv);
}

/** Shown above each filter where a narrow screen hides the column headings (style.css). */
export function labelFilters() {
	for (const input of document.querySelectorAll('[data-filter]')) {
		input.parentElement.dataset.label = t(FILTER_LABELS[input.dataset.filter]);
	}
}

function fullSupportQuery() {
	const query = new URLSearchParams({ kind: 'FULL_SUPPORT' });
	for (const [name, value] of Object.entries(filters)) {
		if (value.trim()) {
			query.set(name, value.trim());
		}
	}
	return `/api/access?${query}`;
}

/**
 * Loads the tables again. Never fails: a failure is shown under the tables until a load
 * succeeds, so callers may leave it running.
 */
export async function refreshAccess() {
	const load = ++loads;
	let full;
	let all;
	try {
		[full, all] = await Promise.all([get(fullSupportQuery()), get('/api/access')]);
	}
	catch (problem) {
		if (load === loads) {
			failed.load = problem;
			showFailures();
		}
		return;
	}
	if (load !== loads) {
		return; // a newer filter has been typed meanwhile
	}
	failed.load = null;
	showFailures();
	const dash = '--';
	fillRows(byId('full-rows'), full.fullSupport, 4, (row) => [
		cell('table.contract', row.contractNumber || dash, 'contract'),
		cell('table.billTo', row.billToId || dash, 'bill-to'),
		contactsCell(row),
		removeCell('full', row),
	]);
	byId('full-count').textContent = t('table.count', { count: full.fullSupport.length });
	fillRows(byId('download-rows'), all.downloadOnly, 5, (row) => [
		cell('table.identifier', row.identifier, 'identifier'),
		cell('table.type', t(`type.${row.identifierType}`)),
		cell('table.contract', row.contractNumber || dash, 'contract'),
		contactsCell(row),
		removeCell('download', row),
	]);
	fillRows(byId('ordering-rows'), all.ordering, 4, (row) => [
		cell('table.identifier', row.identifier, 'identifier'),
		cell('table.type', t(`type.${row.identifierType}`)),
		cell('table.since', date(row.since)),
		removeCell('ordering', row),
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

/**
 * The guide's 「管理者に連絡してください」: each administrator as a mail link where the
 * service gives the address (an account that proved it), else as shown — a masked
 * address, not to be written to.
 */
function contactsCell(row) {
	if (!row.contacts.length) {
		return cell('table.admins', '--', 'admins');
	}
	const people = row.contacts.flatMap((contact, index) => [index ? ', ' : null, contact.email
		? h('a', { href: `mailto:${contact.email}`, class: 'admin-contact', text: contact.name,
			label: 'table.mailAdmin', args: { name: contact.name } })
		: h('span', { class: 'admin-masked', text: contact.name })]);
	return h('td', { 'data-label': t('table.admins'), class: 'admins' }, people);
}

function removeCell(table, row) {
	return h('td', { 'data-label': t('table.actions') },
		h('button', { type: 'button', class: 'remove', i18n: 'card.remove',
			label: 'table.removeLabel', args: { identifier: row.identifier },
			onclick: (event) => remove(table, row, event.target) }));
}

async function remove(table, row, button) {
	// Removing cannot be undone: ask first (the card's remove asks the same).
	if (!window.confirm(t('confirm.remove', { identifier: row.identifier }))) {
		return;
	}
	button.disabled = true;
	failed.action = null;
	showFailures();
	try {
		replaceItem(await post(`/api/items/${row.itemId}/remove`));
		changed();
	}
	catch (problem) {
		failed.action = { table, problem };
		showFailures();
		button.disabled = false;
		const requestId = requestOf(row.itemId);
		if (problem instanceof Problem && problem.code === 'STATUS_CHANGED' && requestId) {
			// Its card shows what it is now, as the table is about to.
			await reloadRequest(requestId).then(changed, () => {});
		}
	}
	await refreshAccess();
}

/** Writes each table's message only when it changes, so that an alert is not repeated. */
function showFailures() {
	for (const table of TABLES) {
		const lines = [];
		// A failed load concerns every table: said once on each tab (download-only access
		// is on the same tab as full support).
		if (failed.load && table !== 'download') {
			lines.push(t('table.loadFailed', { reason: explain(failed.load) }));
		}
		if (failed.action && failed.action.table === table) {
			lines.push(explain(failed.action.problem));
		}
		const element = byId(`${table}-error`);
		const text = lines.join(' ');
		if (element.textContent !== text) {
			element.textContent = text;
		}
	}
}

async function downloadCsv() {
	failed.action = null;
	showFailures();
	let blob;
	try {
		blob = await api('GET', fullSupportQuery(), { accept: 'text/csv' });
	}
	catch (problem) {
		failed.action = { table: 'full', problem };
		showFailures();
		return;
	}
	const url = URL.createObjectURL(blob);
	const link = h('a', { href: url, download: 'access.csv', hidden: true });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}
