// The customer's requests as the API answers them (each item carries its next step), shown
// as status cards by cards.js. Whoever changes them (a submission, an action on a card or in
// the access table, a live status event) calls changed(), and the cards are drawn again.
import { get } from '../api.js';

/** Requests by id. */
export const requests = new Map();

/** Per-card messages (a refused action), by item id. */
export const cardErrors = new Map();

let redraw = () => {};

/** Who draws the requests (the cards). */
export function onChanged(listener) {
	redraw = listener;
}

export function changed() {
	redraw();
}

export function replaceAll(list) {
	requests.clear();
	for (const request of list) {
		requests.set(request.id, request);
	}
}

/** A new request goes first, as the newest. */
export function addFirst(created) {
	const rest = [...requests];
	requests.clear();
	for (const [id, request] of [[created.id, created], ...rest]) {
		requests.set(id, request);
	}
}

export function replaceItem(moved) {
	const request = requests.get(moved.requestId);
	if (request) {
		request.items = request.items.map((item) => (item.id === moved.id ? { ...item, ...moved } : item));
	}
}

/** The id of the request an item belongs to, if it is shown. */
export function requestOf(itemId) {
	for (const request of requests.values()) {
		if (request.items.some((item) => item.id === itemId)) {
			return request.id;
		}
	}
	return null;
}

const reloading = new Map();

/** Fetches one request again. Coalesces bursts: one fetch in flight per request, and one more after it if asked meanwhile. */
export function reloadRequest(requestId) {
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
				requests.set(request.id, request);
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
