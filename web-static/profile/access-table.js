// The access held now (guide §4): the "Full support access" table with a filter per column
// and its CSV, and download-only and direct-purchase access apart, each row with its
// "remove" button.
import { api, get, post } from '../api.js';
import { apply, date, t } from '../i18n.js';
import { byId, h } from '../dom.js';
import { explain } from '../shell.js';
import { changed, replaceItem } from './requests.js';

const FILTER_LABELS = { contract: 'table.contract', billTo: 'table.billTo', admin: 'table.admins' };

const filters = { contract: '', billTo: '', admin: '' };

/** Counts the loads asked for, so that only the newest one is shown. */
let loads = 0;

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

export async function refreshAccess() {
	const load = ++loads;
	const [full, all] = await Promise.all([get(fullSupportQuery()), get('/api/access')]);
	if (load !== loads) {
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
					changed();
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
