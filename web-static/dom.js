// Builds elements from data with textContent only, so nothing from the server or the user is
// ever parsed as HTML (and the Content-Security-Policy needs no inline anything).
import { say } from './i18n.js';

/**
 * h('p', {class: 'x', i18n: 'key', args: {n: 1}}, child, 'text') — i18n names the text
 * (see i18n.js); other attributes are set as given; false or null attributes are left out.
 */
export function h(tag, attributes = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === false || value === null || value === undefined) {
			continue;
		}
		if (name === 'i18n') {
			element.dataset.i18n = value;
		}
		else if (name === 'args') {
			element.dataset.i18nArgs = JSON.stringify(value);
		}
		else if (name === 'label') {
			element.dataset.i18nLabel = value;
		}
		else if (name === 'text') {
			element.textContent = value;
		}
		else if (name.startsWith('on')) {
			element.addEventListener(name.slice(2), value);
		}
		else {
			element.setAttribute(name, value === true ? '' : String(value));
		}
	}
	for (const child of children.flat()) {
		if (child !== null && child !== undefined && child !== false) {
			element.append(child instanceof Node ? child : document.createTextNode(String(child)));
		}
	}
	return element;
}

export function byId(id) {
	return document.getElementById(id);
}

/** Says something to screen readers through a polite live region. */
export function announce(text) {
	const region = byId('announcer');
	if (!region) {
		return;
	}
	// Cleared first so that the same words twice are announced twice.
	region.textContent = '';
	setTimeout(() => {
		region.textContent = text;
	}, 50);
}

/**
 * The card a system mail linked to (`…#item-<id>`), once it is on the page: every mail
 * points at the item it is about.
 */
export function linkedItem() {
	const match = /^#item-([0-9a-f-]{36})$/.exec(location.hash);
	return match ? document.querySelector(`[data-item-id="${match[1]}"]`) : null;
}

/** Brings a card into view, marked and focused, so keyboard and screen reader start there. */
export function reveal(card) {
	card.classList.add('linked');
	card.tabIndex = -1;
	card.scrollIntoView({ block: 'center' });
	card.focus({ preventScroll: true });
}

/**
 * One line of a card's details, label and value (a status card, a review entry): the label
 * names its text, the value is shown as it is.
 */
export function detail(labelKey, value, className) {
	return h('div', { class: className ? `detail ${className}` : 'detail' },
		h('dt', { i18n: labelKey }), h('dd', { text: value }));
}

/**
 * A form's message line: what was saved, or (error) what went wrong. message is msg(key,
 * params) or a function answering the text, so that a change of language words it again
 * (i18n.js say); null or '' clears the line.
 */
export function showMessage(element, message, error = false) {
	say(element, message);
	element.classList.toggle('error', error);
}
