package org.accessdesk.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support desk for the browser UI's page footer and status cards: public (the sign-in
 * page names it too) and the same for everyone, so browsers may keep it a while — it only
 * changes with the configuration, at a restart.
 */
@RestController
class SupportContactController {

	static final Duration KEEP = Duration.ofMinutes(10);

	private final SupportContact contact;

	SupportContactController(SupportContact contact) {
		this.contact = contact;
	}

	@GetMapping("/api/support-contact")
	ResponseEntity<SupportContact> contact() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(KEEP).cachePublic()).body(this.contact);
	}

}
