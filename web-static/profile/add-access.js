// Adding access (guide §4): "Add access" on the Service contracts tab (full support or
// download only, by Bill-to ID, contract or serial number) and the request form of the
// Direct purchase tab. Each number submitted gets its status card (cards.js). What was typed
// outlives a session that ends before it is sent (kept-forms.js).
import { post } from '../api.js';
import { dropDraft } from '../drafts.js';
import { apply, msg } from '../i18n.js';
import { byId, h, showMessage } from '../dom.js';
import { explain } from '../shell.js';
import { refreshAccess } from './access-table.js';
import { addFirst, changed } from './requests.js';

/** The types of number each kind of access can be asked for by. */
const TYPES = { FULL_SUPPORT: ['BILL_TO', 'CONTRACT'], DOWNLOAD_ONLY: ['CONTRACT', 'SERIAL'] };

export function wireAddForm() {
	const form = byId('add-form');
	const toggle = byId('add-toggle');
	toggle.addEventListener('click', () => openAddForm(!form.hidden ? null : {}));
	byId('add-close').addEventListener('click', () => openAddForm(null));
	// Esc closes the form, as it closes any dialog-like panel; focus returns to its toggle.
	form.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && !event.defaultPrevented) {
			event.preventDefault();
			openAddForm(null);
		}
	});
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
export function openAddForm(prefill) {
	const form = byId('add-form');
	const toggle = byId('add-toggle');
	form.hidden = prefill === null;
	toggle.setAttribute('aria-expanded', String(!form.hidden));
	if (prefill === null) {
		// Closing the form sets its content aside on purpose: nothing to bring back.
		dropDraft(form.id);
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

export function wireOrderForm() {
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
	showMessage(errorElement, null);
	showMessage(doneElement, null);
	if (!request.identifiers || !request.identifiers.trim()) {
		numbersField.setAttribute('aria-invalid', 'true');
		showMessage(errorElement, msg('add.numbersMissing'), true);
		numbersField.focus();
		return;
	}
	// The service's own limit, checked here first so that the person reads it in their
	// language (the service's answer names a field and is in English).
	const count = distinctNumbers(request.identifiers);
	if (count > MAX_NUMBERS) {
		numbersField.setAttribute('aria-invalid', 'true');
		showMessage(errorElement, msg('add.tooMany', { max: MAX_NUMBERS, count }), true);
		numbersField.focus();
		return;
	}
	const button = form.querySelector('button[type="submit"]');
	let focusNext = null;
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
		dropDraft(form.id);
		addFirst(created);
		changed();
		showMessage(doneElement, msg('add.submitted', { count: created.items.length }));
		if (created.items.some((item) => item.status === 'APPROVED')) {
			refreshAccess();
		}
		// The pressed button was disabled while sending, which dropped focus to the page;
		// move it to what the submission made, so a keyboard user carries on from there.
		focusNext = () => focusCardOf(created) || numbersField.focus();
	}
	catch (problem) {
		if (problem.status === 401) {
			// The session ended: the page says so (api.js) and has kept what was typed;
			// focus stays on its way to signing in again.
			return;
		}
		// Only an answer about the numbers marks the numbers field; a lost connection or a
		// server's failure says so and leaves the field as it was.
		const aboutTheNumbers = problem.status === 400 || problem.status === 422;
		if (aboutTheNumbers) {
			numbersField.setAttribute('aria-invalid', 'true');
		}
		else {
			numbersField.removeAttribute('aria-invalid');
		}
		showMessage(errorElement, () => explain(problem), true);
		focusNext = () => (aboutTheNumbers ? numbersField : button).focus();
	}
	finally {
		button.disabled = false;
		button.dataset.i18n = 'add.submit';
		apply(form);
	}
	// After the button is enabled again: a disabled button cannot take focus.
	if (focusNext) {
		focusNext();
	}
}
/** Numbers a request may carry, after repeats are removed (Submissions.MAX_IDENTIFIERS). */
const MAX_NUMBERS = 50;

/** How many different numbers the text holds, split and folded as the service does (Identifiers). */
function distinctNumbers(text) {
	const folded = text.normalize('NFKC').toUpperCase().replace(/[\u2010-\u2015\u2212\u30FC\uFF0D\uFF70]/g, '-');
	return new Set(folded.split(/[,、，\s\u3000]+/).filter((number) => number)).size;
}

/** Focuses the card of the submission's first number, if it is shown; true when it was. */
function focusCardOf(created) {
	const first = created.items[0];
	// A repeat folds into the card its number already has (one card per number and kind).
	const card = !first ? null : document.getElementById(`item-${first.id}`)
		|| document.querySelector(`.card[data-identifier="${CSS.escape(first.identifier)}"][data-kind="${first.kind}"]`);
	if (!card) {
		return false;
	}
	card.focus();
	return true;
}

/** A double click or a retried network call submits once (the API honours Idempotency-Key). */
function idempotencyKey() {
	if (crypto.randomUUID) {
		return crypto.randomUUID();
	}
	return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
