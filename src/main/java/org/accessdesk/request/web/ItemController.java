package org.accessdesk.request.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.accessdesk.account.AccountUser;
import org.accessdesk.request.AccessKind;
import org.accessdesk.request.HeldAccess;
import org.accessdesk.request.ItemActions;
import org.accessdesk.request.ItemId;
import org.accessdesk.request.RequestViews;
import org.accessdesk.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Lifecycle actions on one's own items, and the access one holds now (SPEC §6, §9). */
@RestController
class ItemController {

	private final ItemActions actions;

	private final HeldAccess access;

	ItemController(ItemActions actions, HeldAccess access) {
		this.actions = actions;
		this.access = access;
	}

	@PostMapping("/api/items/{id}/withdraw")
	Mono<RequestViews.ItemView> withdraw(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
		return this.actions.withdraw(user, ItemId.of(id));
	}

	@PostMapping("/api/items/{id}/escalate")
	Mono<RequestViews.ItemView> escalate(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
		return this.actions.escalate(user, ItemId.of(id));
	}

	@PostMapping("/api/items/{id}/remove")
	Mono<RequestViews.ItemView> remove(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
		return this.actions.remove(user, ItemId.of(id));
	}

	@GetMapping(path = "/api/access", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<HeldAccess.AccessTables> access(@AuthenticationPrincipal AccountUser user,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String contract,
			@RequestParam(required = false) @Nullable String billTo,
			@RequestParam(required = false) @Nullable String admin) {
		return this.access.of(user, filter(kind, contract, billTo, admin));
	}

	/**
	 * The same table as a spreadsheet: one row per access held, UTF-8 with a BOM so Excel
	 * reads Japanese.
	 */
	@GetMapping(path = "/api/access", produces = "text/csv")
	Mono<ResponseEntity<byte[]>> accessCsv(@AuthenticationPrincipal AccountUser user,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String contract,
			@RequestParam(required = false) @Nullable String billTo,
			@RequestParam(required = false) @Nullable String admin) {
		return this.access.of(user, filter(kind, contract, billTo, admin)).map((tables) -> {
			StringBuilder csv = new StringBuilder(
					"\uFEFFkind,identifierType,identifier,contractNumber,billToId,administrators,since\r\n");
			for (HeldAccess.AccessRow row : tables.all()) {
				csv.append(cell(row.kind().name()))
					.append(',')
					.append(cell(row.identifierType().name()))
					.append(',')
					.append(cell(row.identifier()))
					.append(',')
					.append(cell(row.contractNumber()))
					.append(',')
					.append(cell(row.billToId()))
					.append(',')
					.append(cell(String.join("; ", row.administrators())))
					.append(',')
					.append(cell(row.since().toString()))
					.append("\r\n");
			}
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access.csv\"")
				.body(csv.toString().getBytes(StandardCharsets.UTF_8));
		});
	}

	private static HeldAccess.Filter filter(@Nullable String kind, @Nullable String contract, @Nullable String billTo,
			@Nullable String admin) {
		AccessKind parsedKind = null;
		if (kind != null && !kind.isBlank()) {
			try {
				parsedKind = AccessKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw ProblemException.invalid("kind", "must be FULL_SUPPORT, DOWNLOAD_ONLY or ORDERING");
			}
		}
		for (String text : new String[] { contract, billTo, admin }) {
			if (text != null && text.length() > 100) {
				throw ProblemException.invalid("filter", "at most 100 characters");
			}
		}
		return new HeldAccess.Filter(parsedKind, contract, billTo, admin);
	}

	/**
	 * RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it
	 * as a formula.
	 */
	static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
