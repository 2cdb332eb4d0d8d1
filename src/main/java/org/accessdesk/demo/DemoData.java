package org.accessdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.accessdesk.account.AccountErrors;
import org.accessdesk.account.AccountRegistration;
import org.accessdesk.registry.RegistryImport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo accounts (password {@code demo-password}) and registry
 * ({@code demo/registry.json}) when {@code accessdesk.demo.enabled} is true — the
 * {@code demo} profile sets it. Idempotent: accounts that exist are kept, the registry is
 * upserted. Contract 91000005 is re-dated to two hours ago at every start, so that the
 * TOO_NEW case (D3) stays reachable on any day. Accounts are signed up through the same
 * path as everyone else's. Instances that start together load one after the other: each
 * load holds a PostgreSQL advisory lock, so two never interleave their writes.
 */
@Component
@ConditionalOnBooleanProperty("accessdesk.demo.enabled")
public class DemoData {

	public static final String PASSWORD = "demo-password";

	static final String TOO_NEW_CONTRACT = "91000005";

	private static final Log logger = LogFactory.getLog(DemoData.class);

	/** The advisory lock key of the demo load ("ADdemo" in ASCII). */
	static final long LOCK = 0x414464656d6fL;

	private final AccountRegistration registration;

	private final RegistryImport registry;

	private final JsonMapper json;

	private final Clock clock;

	private final ConnectionFactory connections;

	private final Mono<Void> loaded;

	DemoData(AccountRegistration registration, RegistryImport registry, JsonMapper json, Clock clock,
			ConnectionFactory connections) {
		this.registration = registration;
		this.registry = registry;
		this.json = json;
		this.clock = clock;
		this.connections = connections;
		this.loaded = Mono.defer(this::loadAlone).cache();
	}

	/** Loads in the background once the service is up; start-up does not wait for it. */
	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		this.loaded.subscribe(null, (failure) -> logger.error("Loading the demo data failed", failure));
	}

	/** Completes when the demo data is in (tests wait on this). */
	public Mono<Void> loaded() {
		return this.loaded;
	}

	/**
	 * Holds the session-level advisory lock on a connection of its own while the load
	 * runs on others, and always unlocks before that connection goes back to the pool.
	 */
	private Mono<Void> loadAlone() {
		return Mono.usingWhen(Mono.from(this.connections.create()),
				(connection) -> advisory(connection, "pg_advisory_lock").then(load()),
				(connection) -> unlockAndClose(connection), (connection, failure) -> unlockAndClose(connection),
				(connection) -> unlockAndClose(connection));
	}

	private static Mono<Void> unlockAndClose(Connection connection) {
		return advisory(connection, "pg_advisory_unlock").onErrorResume((failure) -> Mono.empty())
			.then(Mono.from(connection.close()));
	}

	static Mono<Void> advisory(Connection connection, String function) {
		return Flux.from(connection.createStatement("SELECT " + function + "($1)").bind(0, LOCK).execute())
			.concatMap((result) -> result.map((row, meta) -> Boolean.TRUE))
			.then();
	}

	private Mono<Void> load() {
		List<DemoAccount> accounts = read("demo/accounts.json", DemoAccount[].class);
		// The demo's addresses are ours: their accounts count as proved, also those made
		// before addresses had to be proved.
		return Flux.fromIterable(accounts)
			.concatMap((account) -> this.registration
				.signUpProved(account.email(), PASSWORD, account.name(), account.language(), account.companyName(),
						account.companyAddress())
				.then()
				.onErrorResume(AccountErrors.EmailTaken.class,
						(taken) -> this.registration.markProved(account.email())))
			.then(Mono.defer(() -> this.registry.importJson(registry())))
			.doOnNext((summary) -> logger.info("Demo data ready: " + accounts.size() + " accounts (password " + PASSWORD
					+ "), registry " + summary))
			.then();
	}

	private byte[] registry() {
		JsonNode document = readTree("demo/registry.json");
		for (JsonNode contract : document.path("contracts")) {
			if (TOO_NEW_CONTRACT.equals(contract.path("number").asString())) {
				((ObjectNode) contract).put("issuedAt", this.clock.instant().minus(Duration.ofHours(2)).toString());
			}
		}
		return this.json.writeValueAsBytes(document);
	}

	private <T> List<T> read(String path, Class<T[]> type) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return List.of(this.json.readValue(in, type));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The demo data set is part of the jar: " + path, ex);
		}
	}

	private JsonNode readTree(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The demo data set is part of the jar: " + path, ex);
		}
	}

	record DemoAccount(String email, String name, String language, @Nullable String companyName,
			@Nullable String companyAddress) {
	}

}
