// Someone to ask (SPEC §10): the vendor's support desk (GET /api/support-contact, from the
// service's configuration) in the footer of every page and on pending and denied status
// cards. Every page loads this module; a page whose footer cannot be filled (the network)
// simply shows none — nothing else waits for it.
import { get, Problem } from './api.js';
import { apply, language, t } from './i18n.js';
import { byId, h } from './dom.js';

/** The desk, or null when it could not be loaded; asked for once per page. */
const contact = await get('/api/support-contact', { anonymous: true }).catch((problem) => {
	if (!(problem instanceof Problem)) {
		throw problem;
	}
	return null;
});

fillFooter();
// The hours are the service's own words in both languages: written again whenever the
// page's language changes (i18n.js marks it on <html lang>).
new MutationObserver(writeHours).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

function fillFooter() {
	const footer = byId('site-footer');
	if (!footer || !contact) {
		return;
	}
	footer.replaceChildren(
		h('p', { class: 'footer-heading', i18n: 'support.heading' }),
		h('p', {},
			h('span', { i18n: 'support.desk' }), ' ',
			emailLink(), ' ',
			h('a', { href: contact.url, class: 'support-url', i18n: 'support.site' }), ' ',
			hours()),
		h('p', { class: 'note', i18n: 'support.forward' }));
	apply(footer);
	writeHours();
	footer.hidden = false;
}

function emailLink() {
	return h('a', { href: `mailto:${contact.email}`, class: 'support-email', text: contact.email });
}

function hours() {
	return h('span', { class: 'support-hours' });
}

function writeHours() {
	if (!contact) {
		return;
	}
	const text = t('support.hours', { hours: contact.hours[language()] || contact.hours.ja });
	for (const element of document.querySelectorAll('.support-hours')) {
		element.textContent = text;
	}
}

/**
 * The desk as one more line of a status card, for items that wait or were denied (the
 * ones a person may have a question about); nothing for the others or without a desk.
 */
export function supportDetail(item) {
	if (!contact || !['PENDING_ADMIN', 'PENDING_VENDOR', 'DENIED'].includes(item.status)) {
		return [];
	}
	const line = h('div', { class: 'detail support' },
		h('dt', { i18n: 'card.support' }),
		h('dd', {}, emailLink(), ' ', hours()));
	line.querySelector('.support-hours').textContent = t('support.hours',
		{ hours: contact.hours[language()] || contact.hours.ja });
	return [line];
}
