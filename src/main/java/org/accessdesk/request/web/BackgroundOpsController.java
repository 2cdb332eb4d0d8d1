package org.accessdesk.request.web;

import org.accessdesk.request.BackgroundWork;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;

/**
 * Background work that failed, for OPERATOR (security allows nobody else under /api/ops):
 * which job, which item, how often, the last error, when it is tried again.
 */
@RestController
class BackgroundOpsController {

	private final BackgroundWork work;

	BackgroundOpsController(BackgroundWork work) {
		this.work = work;
	}

	@GetMapping("/api/ops/background")
	Flux<BackgroundWork.Failure> failures() {
		return this.work.failures();
	}

}
