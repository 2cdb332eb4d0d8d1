// The request forms' content when the session ends (issue 15, "nothing lost"): kept for
// this account in the tab's session storage (drafts.js), and put back after signing in again
// on the same tab, not sent: the person checks it and submits. A successful submission or
// closing the form drops it (add-access.js).
import { onSessionEnded } from '../api.js';
import { draftOf, keepDraft } from '../drafts.js';
import { msg } from '../i18n.js';
import { byId, showMessage } from '../dom.js';
import { openAddForm } from './add-access.js';

/**
 * Keeps the form with something typed in it when the session ends (the one on the tab
 * shown first) and puts back what was kept for this account.
 */
export function wireDrafts(profile) {
	onSessionEnded(() => keepTyped(profile.email));
	const draft = draftOf(profile.email);
	if (draft) {
		restore(draft);
	}
}

function keepTyped(account) {
	const add = byId('add-form');
	const order = byId('order-form');
	const typed = (form) => ['identifiers', 'justification']
		.some((name) => (new FormData(form).get(name) || '').trim());
	const addTyped = !add.hidden && typed(add);
	const orderTyped = typed(order);
	const ordering = !byId('panel-ordering').hidden;
	if (orderTyped && (ordering || !addTyped)) {
		const data = new FormData(order);
		keepDraft(account, { form: order.id, identifierType: data.get('orderType'),
			identifiers: data.get('identifiers'), justification: data.get('justification') });
		return true;
	}
	if (addTyped) {
		const data = new FormData(add);
		keepDraft(account, { form: add.id, kind: data.get('kind'), identifierType: data.get('identifierType'),
			identifiers: data.get('identifiers'), justification: data.get('justification'),
			autoRetry: data.get('autoRetry') === 'on' });
		return true;
	}
	return false;
}

function restore(draft) {
	const text = (value) => (typeof value === 'string' ? value : '');
	if (draft.form === 'order-form') {
		byId(draft.identifierType === 'CONTRACT' ? 'order-contract' : 'order-billto').checked = true;
		byId('order-numbers').value = text(draft.identifiers);
		byId('order-justification').value = text(draft.justification);
		showMessage(byId('order-done'), msg('add.restored'));
		byId('order-numbers').focus();
	}
	else if (draft.form === 'add-form') {
		openAddForm({ kind: draft.kind === 'DOWNLOAD_ONLY' ? 'DOWNLOAD_ONLY' : 'FULL_SUPPORT',
			type: draft.identifierType });
		byId('add-numbers').value = text(draft.identifiers);
		byId('add-justification').value = text(draft.justification);
		byId('add-auto-retry').checked = draft.autoRetry === true;
		showMessage(byId('add-done'), msg('add.restored'));
		byId('add-numbers').focus();
	}
}
