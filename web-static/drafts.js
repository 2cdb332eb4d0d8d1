// What a person typed into a request form, kept when their session ended (issue 15: the
// numbers and 補足事項 were lost on the way to the sign-in page). It lives in this tab's
// session storage only (gone with the tab), tagged with the account that typed it: another
// account signing in here never sees it, and a successful submission drops it.

const KEY = 'accessdesk:draft';

function storage(action) {
	try {
		return action(sessionStorage);
	}
	catch {
		// Storage switched off or full: the form is lost as before, nothing breaks.
		return null;
	}
}

function same(a, b) {
	return typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Keeps draft ({form, …its fields}) for account (the profile's email). */
export function keepDraft(account, draft) {
	storage((store) => store.setItem(KEY, JSON.stringify({ ...draft, account })));
}

function kept() {
	const text = storage((store) => store.getItem(KEY));
	try {
		return text ? JSON.parse(text) : null;
	}
	catch {
		return { unreadable: true };
	}
}

/** The kept draft if account typed it; a draft of anyone else is dropped. */
export function draftOf(account) {
	const draft = kept();
	if (draft && !same(draft.account, account)) {
		dropDraft();
		return null;
	}
	return draft;
}

/** Drops the kept draft (only if it is of the given form, when one is named). */
export function dropDraft(form) {
	const draft = kept();
	if (draft && (!form || draft.form === form)) {
		storage((store) => store.removeItem(KEY));
	}
}

/** At sign-in: a draft typed by another account than the one signing in is dropped. */
export function keepDraftOnlyFor(account) {
	draftOf(account);
}
