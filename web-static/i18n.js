// Every word the browser UI shows lives in i18n/ja.json and i18n/en.json (one key, one text
// per language; I18nCatalogTests keeps the two in step with each other and with the code).
// This module loads the catalog of the page's language before anything renders (every
// module that imports it waits for the top-level await below) and fills the page: elements
// name their text with data-i18n (text), data-i18n-label (aria-label) or
// data-i18n-placeholder, so switching language is one fetch of the other catalog and one
// pass over the page. Texts that come from the server (an item's next step, a reviewer's
// note) are already in the profile's language. A message a script shows (a status line, an
// error, a count) is kept as what it is made of, never as finished text: say() stores its key
// and params, or a function that words it, and apply() words it again in the new language.

const LANGUAGES = ['ja', 'en'];

const STORAGE_KEY = 'accessdesk.language';

/** Language → the promise of its catalog; each is fetched once per page. */
const catalogs = new Map();

let current = initialLanguage();

let strings = await catalog(current);

/** The language asked for last: a slower catalog must not win over a later click. */
let wanted = current;

function initialLanguage() {
	const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
	if (LANGUAGES.includes(stored)) {
		return stored;
	}
	// Japanese is the service's default (SPEC §2); English for browsers that ask for it.
	return (navigator.language || 'ja').toLowerCase().startsWith('en') ? 'en' : 'ja';
}

function safeStorage(action) {
	try {
		return action();
	}
	catch {
		return null;
	}
}

/**
 * The catalog of lang. A catalog that cannot be fetched leaves the keys on screen rather than
 * a page that does not start (and is fetched again on the next switch).
 */
function catalog(lang) {
	if (!catalogs.has(lang)) {
		catalogs.set(lang, fetch(`/i18n/${lang}.json`, { headers: { Accept: 'application/json' } })
			.then((response) => {
				if (!response.ok) {
					throw new Error(`/i18n/${lang}.json: HTTP ${response.status}`);
				}
				return response.json();
			})
			.catch((error) => {
				catalogs.delete(lang);
				console.error('The texts could not be loaded', error);
				return {};
			}));
	}
	return catalogs.get(lang);
}

export function language() {
	return current;
}

/** Sets the language, remembers it in this browser and rewrites every labelled element. */
export async function setLanguage(lang) {
	if (!LANGUAGES.includes(lang)) {
		return;
	}
	wanted = lang;
	const loaded = await catalog(lang);
	if (wanted !== lang) {
		return;
	}
	current = lang;
	strings = loaded;
	safeStorage(() => localStorage.setItem(STORAGE_KEY, lang));
	apply(document);
}

/**
 * The text of key in the page's language, with its {placeholders} filled in from params. A
 * param that is itself a message (msg(key, params)) is worded too, in the same language.
 */
export function t(key, params = {}) {
	const text = strings[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? word(params[name]) : whole));
}

function word(value) {
	return value !== null && typeof value === 'object' && typeof value.key === 'string'
		? t(value.key, value.params || {}) : String(value);
}

/** A message to show: its key and params, worded only when shown (see say). */
export function msg(key, params = {}) {
	return { key, params };
}

/**
 * Shows message as the text of element, and keeps it so that a change of language words it
 * again: message is msg(key, params), or a function answering the text (a problem explained,
 * say), or null / '' to clear. A plain string is shown as it is (it cannot be re-worded).
 */
export function say(element, message) {
	delete element.dataset.i18n;
	delete element.dataset.i18nArgs;
	delete element.dataset.i18nRender;
	element.i18nRender = null;
	if (!message) {
		element.textContent = '';
	}
	else if (typeof message === 'function') {
		element.i18nRender = message;
		element.dataset.i18nRender = '';
		element.textContent = message();
	}
	else if (typeof message === 'object') {
		element.dataset.i18n = message.key;
		if (message.params && Object.keys(message.params).length) {
			element.dataset.i18nArgs = JSON.stringify(message.params);
		}
		element.textContent = t(message.key, message.params || {});
	}
	else {
		element.textContent = String(message);
	}
}

export function has(key) {
	return key in strings;
}

/** Fills every element under root that names its text. */
export function apply(root) {
	if (root === document) {
		document.documentElement.lang = current;
	}
	for (const element of root.querySelectorAll('[data-i18n]')) {
		element.textContent = t(element.dataset.i18n, params(element));
	}
	for (const element of root.querySelectorAll('[data-i18n-render]')) {
		if (typeof element.i18nRender === 'function') {
			element.textContent = element.i18nRender();
		}
	}
	for (const element of root.querySelectorAll('[data-i18n-label]')) {
		element.setAttribute('aria-label', t(element.dataset.i18nLabel, params(element)));
	}
	for (const element of root.querySelectorAll('[data-i18n-placeholder]')) {
		element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
	}
	for (const element of root.querySelectorAll('[data-i18n-title]')) {
		document.title = `${t(element.dataset.i18nTitle)} — Access Desk`;
	}
	for (const button of root.querySelectorAll('[data-lang]')) {
		button.setAttribute('aria-pressed', String(button.dataset.lang === current));
	}
}

function params(element) {
	return element.dataset.i18nArgs ? JSON.parse(element.dataset.i18nArgs) : {};
}

/**
 * The zone times are shown in (one clock, issue 15): the profile's, else Asia/Tokyo for
 * Japanese readers and the browser's own for others. The mail names it the same way.
 */
let chosenZone = null;

export function setTimeZone(zone) {
	chosenZone = zone || null;
}

export function timeZone() {
	return chosenZone || (current === 'ja' ? 'Asia/Tokyo' : browserZone());
}

export function browserZone() {
	return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * How a zone is named after a time (as MailWording.zoneName does): abbreviations differ
 * between browsers and Java and are ambiguous, so the IANA id, except JST and UTC.
 */
function zoneName(zone) {
	return zone === 'Asia/Tokyo' ? 'JST' : (zone === 'UTC' || zone === 'Etc/UTC') ? 'UTC' : zone;
}

/** Dates and times in the reader's language and zone, the zone named: 2026/12/02 15:28 JST. */
export function dateTime(iso) {
	if (!iso) {
		return '';
	}
	const zone = timeZone();
	const format = current === 'ja'
		? new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
			minute: '2-digit', hourCycle: 'h23', timeZone: zone })
		: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit',
			minute: '2-digit', hourCycle: 'h23', timeZone: zone });
	return `${format.format(new Date(iso))} ${zoneName(zone)}`;
}

export function date(iso) {
	if (!iso) {
		return '';
	}
	return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeZone: timeZone() })
		.format(new Date(iso));
}
