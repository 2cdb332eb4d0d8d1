// Registry import for operators: upload a CSV (one list) or JSON file and follow its job.
// Small uploads are answered at once with the summary; larger ones answer 202 with a job,
// polled here every second (GET /api/registry/imports/{id}) until it SUCCEEDED or FAILED.
import { csrfToken, get, Problem } from './api.js';
import { apply, msg, say } from './i18n.js';
import { byId, h } from './dom.js';
import { explain, startPage } from './shell.js';

const PHASES = ['READING', 'CHECKING', 'MERGING', 'DONE'];

async function upload(file, list) {
	const csv = file.name.toLowerCase().endsWith('.csv');
	const path = csv ? `/api/registry/import?list=${encodeURIComponent(list)}` : '/api/registry/import';
	let response;
	try {
		response = await fetch(path, {
			method: 'POST',
			headers: {
				Accept: 'application/json',
				'Content-Type': csv ? 'text/csv' : 'application/json',
				'X-XSRF-TOKEN': await csrfToken(),
			},
			body: file,
			credentials: 'same-origin',
		});
	}
	catch {
		throw new Problem(0, null);
	}
	const body = await response.json().catch(() => null);
	if (!response.ok) {
		throw new Problem(response.status, body);
	}
	return { status: response.status, body };
}

function show(job) {
	byId('job').hidden = false;
	say(byId('job-state'), msg(`registry.state.${job.state}`, { phase: msg(`registry.phase.${job.phase}`) }));
	byId('job-progress').value = PHASES.indexOf(job.phase) + 1;
	byId('job-read').textContent = job.rowsRead.toLocaleString();
	byId('job-written').textContent = job.state === 'RUNNING' ? '…' : job.rowsWritten.toLocaleString();
	byId('job-errors').replaceChildren(...(job.errors || []).map((error) =>
		h('li', { text: [error.row, error.field, error.message].filter(Boolean).join(': ') })));
}

async function follow(id) {
	const job = await get(`/api/registry/imports/${id}`);
	show(job);
	if (job.state === 'RUNNING') {
		setTimeout(() => follow(id).catch(failed), 1000);
	}
}

function failed(problem) {
	byId('job').hidden = false;
	say(byId('job-state'), () => explain(problem));
	byId('job-errors').replaceChildren(...(problem.errors || []).map((error) =>
		h('li', { text: `${error.field}: ${error.message}` })));
}

async function main() {
	const profile = await startPage(async () => apply(document));
	if (!profile.roles.includes('OPERATOR')) {
		byId('no-role').hidden = false;
		return;
	}
	const form = byId('upload');
	form.hidden = false;
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const file = byId('file').files[0];
		if (!file) {
			return;
		}
		try {
			const { status, body } = await upload(file, byId('list').value);
			if (status === 202) {
				show(body);
				await follow(body.id);
			}
			else {
				const written = ['companies', 'billTos', 'contracts', 'serials']
					.reduce((sum, list) => sum + body[list].inserted + body[list].updated, 0);
				show({ state: 'SUCCEEDED', phase: 'DONE', rowsRead: NaN, rowsWritten: written, errors: [] });
				byId('job-read').textContent = '—';
			}
		}
		catch (problem) {
			failed(problem);
		}
	});
}

main();
