// Live status over server-sent events. The browser's EventSource reconnects by itself and
// sends Last-Event-ID; when it gives up (the service answered with an error, or was away) we
// open a new one with ?lastEventId= (an EventSource cannot set the header on its first
// connection), so nothing that happened in between is missed.

/**
 * Follows path, calling onEvent(data) for each status event and onState('live' | 'down',
 * resumed) as the connection comes and goes. Answers a function that stops following.
 */
export function follow(path, onEvent, onState = () => {}) {
	let lastEventId = null;
	let source = null;
	let delay = 1000;
	let timer = null;
	let stopped = false;
	let everOpen = false;

	function open() {
		if (stopped) {
			return;
		}
		const url = lastEventId ? `${path}?lastEventId=${encodeURIComponent(lastEventId)}` : path;
		source = new EventSource(url);
		source.addEventListener('open', () => {
			delay = 1000;
			onState('live', everOpen);
			everOpen = true;
		});
		source.addEventListener('status', (message) => {
			if (message.lastEventId) {
				lastEventId = message.lastEventId;
			}
			onEvent(JSON.parse(message.data));
		});
		source.addEventListener('error', () => {
			onState('down', false);
			if (source.readyState === EventSource.CLOSED) {
				source = null;
				timer = setTimeout(open, delay);
				delay = Math.min(delay * 2, 30000);
			}
		});
	}

	const stop = () => {
		stopped = true;
		clearTimeout(timer);
		if (source) {
			source.close();
			source = null;
		}
	};
	open();
	window.addEventListener('pagehide', stop);
	// Back from the browser's back-forward cache: pick up where the stream stopped.
	window.addEventListener('pageshow', (event) => {
		if (event.persisted && stopped) {
			stopped = false;
			open();
		}
	});
	return stop;
}
