// The customer's items as status cards show them: one card per number (and kind), the item
// that says where the number stands now (GET /api/items folds repeats and superseded items
// into it, and pages by a cursor). Submissions, actions and live events add or change items
// here; the same rule as the service's picks the item a card shows, so a number never gets
// a second card. Whoever changes them calls changed(), and the cards are drawn again.
import { get } from '../api.js';

/** Every item known, by id (those the service answered, and newer ones seen since). */
const items = new Map();

/** Per-card messages (a refused action), by item id. */
export const cardErrors = new Map();

/**
 * The two card lists: their kinds, their filter (statuses), how far they are loaded
 * (the cursor of the next page), the service's total and the cards it counted.
 */
export const LISTS = {
	contracts: { kinds: ['FULL_SUPPORT', 'DOWNLOAD_ONLY'], statuses: [], next: null, total: 0, loaded: 0,
		counted: new Set() },
	ordering: { kinds: ['ORDERING'], statuses: [], next: null, total: 0, loaded: 0, counted: new Set() },
};

const PAGE = 20;

const LIVE = ['APPROVED', 'PENDING_ADMIN', 'PENDING_VENDOR'];

let redraw = () => {};

/** Who draws the requests (the cards). */
export function onChanged(listener) {
	redraw = listener;
}

export function changed() {
	redraw();
}

/**
 * Loads a list's first page again (its filter changed, the language changed, the stream
 * came back): as many cards as were shown, so that nothing loaded disappears.
 */
export async function reloadList(name) {
	const list = LISTS[name];
	const size = Math.min(100, Math.max(PAGE, list.loaded));
	const page = await get(query(list, size, null));
	for (const [id, item] of items) {
		if (list.kinds.includes(item.kind)) {
			items.delete(id);
		}
	}
	take(list, page, false);
}

/** Loads the next page of a list; answers the cards it added (by key). */
export async function loadMore(name) {
	const list = LISTS[name];
	if (!list.next) {
		return [];
	}
	const before = new Set(cardsOf(name).map((card) => card.key));
	const page = await get(query(list, PAGE, list.next));
	take(list, page, true);
	return cardsOf(name).filter((card) => !before.has(card.key));
}

export async function reloadAllLists() {
	await Promise.all(Object.keys(LISTS).map(reloadList));
}

function query(list, size, cursor) {
	const params = new URLSearchParams({ size: String(size), kind: list.kinds.join(',') });
	if (list.statuses.length) {
		params.set('status', list.statuses.join(','));
	}
	if (cursor) {
		params.set('cursor', cursor);
	}
	return `/api/items?${params}`;
}

function take(list, page, more) {
	if (!more) {
		list.counted.clear();
	}
	for (const item of page.items) {
		remember(item);
		list.counted.add(groupKey(item));
	}
	list.next = page.next;
	list.total = page.total;
	list.loaded = (more ? list.loaded : 0) + page.items.length;
}

function remember(item) {
	const known = items.get(item.id);
	items.set(item.id, known ? { ...known, ...item } : item);
}

/** A new request: its items go first, as the newest. */
export function addFirst(created) {
	for (const item of created.items) {
		remember({ ...item, identifierType: created.identifierType, createdAt: created.createdAt,
			askedAt: created.createdAt });
	}
}

/** An item after an action on it (withdraw, escalate, remove). */
export function replaceItem(moved) {
	if (items.has(moved.id)) {
		remember(moved);
	}
}

/** The id of the request an item belongs to, if it is shown. */
export function requestOf(itemId) {
	const item = items.get(itemId);
	return item ? item.requestId : null;
}

/**
 * The cards of a list, most recently asked for first: per number and kind the item that
 * speaks for it (as the service picks it), filtered on that item's status.
 */
export function cardsOf(name) {
	const list = LISTS[name];
	const groups = new Map();
	for (const item of items.values()) {
		if (!list.kinds.includes(item.kind)) {
			continue;
		}
		const key = groupKey(item);
		const group = groups.get(key);
		// How often the number was asked for: the service's count, plus items seen since.
		const asked = item.asked === undefined ? { seen: 1, counted: 0 } : { seen: 0, counted: item.asked };
		if (!group) {
			groups.set(key, { key, item, askedAt: time(item.askedAt || item.createdAt), ...asked });
			continue;
		}
		group.askedAt = Math.max(group.askedAt, time(item.askedAt || item.createdAt));
		group.seen += asked.seen;
		group.counted = Math.max(group.counted, asked.counted);
		if (speaksBefore(item, group.item)) {
			group.item = item;
		}
	}
	for (const group of groups.values()) {
		group.asked = Math.max(group.counted, 1) + group.seen - (group.counted ? 0 : 1);
	}
	return [...groups.values()]
		.filter((group) => !list.statuses.length || list.statuses.includes(group.item.status))
		.sort((a, b) => b.askedAt - a.askedAt || (a.item.id < b.item.id ? 1 : -1));
}

function groupKey(item) {
	return `${item.kind}/${item.identifierType}/${item.identifier}`;
}

/** The service's rule: a live item first, then the latest change, then the newest. */
function speaksBefore(a, b) {
	const live = Number(LIVE.includes(a.status)) - Number(LIVE.includes(b.status));
	if (live) {
		return live > 0;
	}
	const changedAt = time(a.updatedAt) - time(b.updatedAt);
	if (changedAt) {
		return changedAt > 0;
	}
	const created = time(a.createdAt) - time(b.createdAt);
	return created ? created > 0 : a.id > b.id;
}

function time(iso) {
	return iso ? Date.parse(iso) : 0;
}

const reloading = new Map();

/**
 * Fetches one request again and takes what changed in items already known. An item not
 * known yet is taken only when it is new (newItemId: a live event's first one, a
 * submission elsewhere or an automatic retry) or competes for a card shown now: an older
 * item of a later page must not come back as a card of its own.
 * Coalesces bursts: one fetch in flight per request, and one more after it if asked meanwhile.
 */
export function reloadRequest(requestId, newItemId = null) {
	const running = reloading.get(requestId);
	if (running) {
		running.again = true;
		if (newItemId) {
			running.fresh.add(newItemId);
		}
		return running.promise;
	}
	const entry = { again: false, fresh: new Set(newItemId ? [newItemId] : []) };
	entry.promise = (async () => {
		try {
			do {
				entry.again = false;
				const request = await get(`/api/access-requests/${requestId}`);
				const shown = new Set([...items.values()].map(groupKey));
				for (const item of request.items) {
					const known = items.get(item.id);
					const full = { ...item, identifierType: request.identifierType,
						createdAt: known ? known.createdAt : item.updatedAt,
						askedAt: known ? known.askedAt : item.updatedAt };
					if (known || entry.fresh.has(item.id) || shown.has(groupKey(full))) {
						remember(full);
					}
				}
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
