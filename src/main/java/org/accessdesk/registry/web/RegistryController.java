package org.accessdesk.registry.web;

import org.accessdesk.registry.RegistryImport;
import org.accessdesk.registry.RegistryProperties;
import org.accessdesk.registry.RegistryReads;
import org.accessdesk.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registry data for OPERATOR (security allows nobody else under /api/registry). */
@RestController
class RegistryController {

	private final RegistryImport imports;

	private final RegistryReads reads;

	private final RegistryProperties properties;

	RegistryController(RegistryImport imports, RegistryReads reads, RegistryProperties properties) {
		this.imports = imports;
		this.reads = reads;
		this.properties = properties;
	}

	/**
	 * JSON (all lists) or CSV (one list, named by {@code ?list=}). The body is read here
	 * under the import limit rather than the 64 KiB of every other endpoint.
	 */
	@PostMapping(path = "/api/registry/import", consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	Mono<RegistryImport.ImportSummary> importRegistry(ServerHttpRequest request,
			@RequestParam(required = false) @Nullable String list) {
		MediaType type = request.getHeaders().getContentType();
		boolean csv = type != null && type.isCompatibleWith(MediaType.parseMediaType("text/csv"));
		if (csv && (list == null || list.isBlank())) {
			return Mono.error(ProblemException.invalid("list",
					"CSV uploads name their list: companies, billTos, contracts or serials"));
		}
		long limit = this.properties.maxImportSize().toBytes();
		if (request.getHeaders().getContentLength() > limit) {
			return Mono.error(tooLarge(limit));
		}
		return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(limit))
			.map(RegistryController::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> csv ? this.imports.importCsv(list, body) : this.imports.importJson(body));
	}

	@GetMapping("/api/registry/companies")
	Flux<RegistryReads.CompanyView> companies() {
		return this.reads.companies();
	}

	@GetMapping("/api/registry/contracts")
	Flux<RegistryReads.ContractView> contracts(@RequestParam(required = false) @Nullable String company,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.reads.contracts(company, page, size);
	}

	@GetMapping("/api/registry/contracts/{number}")
	Mono<RegistryReads.ContractView> contract(@PathVariable String number) {
		return this.reads.contract(number).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Contract")));
	}

	@GetMapping("/api/registry/bill-tos/{id}")
	Mono<RegistryReads.BillToView> billTo(@PathVariable String id) {
		return this.reads.billTo(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Bill-to ID")));
	}

	@GetMapping("/api/registry/serials/{serial}")
	Mono<RegistryReads.SerialView> serial(@PathVariable String serial) {
		return this.reads.serial(serial).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Serial number")));
	}

	private static ProblemException tooLarge(long limit) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
				"A registry upload may be at most " + limit + " bytes; split it.");
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
