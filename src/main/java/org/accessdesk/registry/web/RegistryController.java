package org.accessdesk.registry.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.accessdesk.registry.ImportFormat;
import org.accessdesk.registry.ImportJob;
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
import org.springframework.http.ResponseEntity;
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
import reactor.core.scheduler.Schedulers;

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
	 * JSON (all lists) or CSV (one list, named by {@code ?list=}), read here under the
	 * import limit rather than the 64 KiB of every other endpoint. An upload whose
	 * {@code Content-Length} is at most {@code accessdesk.registry.immediate-import-size}
	 * is imported while the request waits (200 and the summary, or 400 naming the bad
	 * rows); anything larger, or of unknown length, is streamed to a temporary file and
	 * answered 202 with the job that imports it ({@code Location} names it).
	 */
	@PostMapping(path = "/api/registry/import", consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	Mono<ResponseEntity<Object>> importRegistry(ServerHttpRequest request,
			@RequestParam(required = false) @Nullable String list, Principal operator) {
		MediaType type = request.getHeaders().getContentType();
		boolean csv = type != null && type.isCompatibleWith(MediaType.parseMediaType("text/csv"));
		ImportFormat format = csv ? ImportFormat.CSV : ImportFormat.JSON;
		if (csv && (list == null || list.isBlank())) {
			return Mono.error(ProblemException.invalid("list",
					"CSV uploads name their list: companies, billTos, contracts or serials"));
		}
		RegistryImport.checkList(format, list);
		long limit = this.properties.maxImportSize().toBytes();
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return Mono.error(tooLarge(limit));
		}
		if (declared >= 0 && declared <= this.properties.immediateImportSize().toBytes()) {
			return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
				.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(limit))
				.map(RegistryController::bytes)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> this.imports.importNow(format, list, body, operator.getName()))
				.map((summary) -> ResponseEntity.ok(summary));
		}
		AtomicLong received = new AtomicLong();
		return Mono.fromCallable(() -> Files.createTempFile("accessdesk-import-", ".upload"))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((file) -> DataBufferUtils.write(limited(request.getBody(), limit, received), file)
				.then(Mono.defer(
						() -> this.imports.importInBackground(format, list, file, received.get(), operator.getName())))
				.onErrorResume((ex) -> deleteQuietly(file).then(Mono.error(ex))))
			.map((job) -> ResponseEntity.accepted()
				.location(URI.create("/api/registry/imports/" + job.id()))
				.body((Object) job));
	}

	/**
	 * An import answered 202; imports are the operators' shared work, so any operator's.
	 */
	@GetMapping("/api/registry/imports/{id}")
	Mono<ImportJob> importJob(@PathVariable UUID id) {
		return this.imports.job(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Import")));
	}

	/**
	 * The body as it comes, ended with 413 once it passes the limit (the buffer that
	 * passes it is released here; the rest are never read).
	 */
	private static Flux<DataBuffer> limited(Flux<DataBuffer> body, long limit, AtomicLong received) {
		return body.handle((buffer, sink) -> {
			if (received.addAndGet(buffer.readableByteCount()) > limit) {
				DataBufferUtils.release(buffer);
				sink.error(tooLarge(limit));
			}
			else {
				sink.next(buffer);
			}
		});
	}

	private static Mono<Void> deleteQuietly(Path file) {
		return Mono.<Void>fromCallable(() -> {
			Files.deleteIfExists(file);
			return null;
		}).subscribeOn(Schedulers.boundedElastic()).onErrorResume((ex) -> Mono.empty());
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
