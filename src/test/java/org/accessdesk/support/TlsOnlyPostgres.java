package org.accessdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own that accepts nothing but TLS: made at test time with
 * the PostgreSQL server binaries ({@code initdb}, {@code pg_ctl}) in a temporary
 * directory, with a self-signed certificate, listening on 127.0.0.1 on a free port, and a
 * {@code pg_hba.conf} of {@code hostssl} lines only (trust), so a connection without TLS
 * finds no entry and is refused. {@link #close()} stops and deletes it. PostgreSQL
 * refuses to run as root, so when the tests run as root the cluster runs as the
 * {@code postgres} user. Without the binaries the tests fail, saying how to install them;
 * they never skip.
 */
public final class TlsOnlyPostgres implements AutoCloseable {

	public static final String HOST = "127.0.0.1";

	/** The superuser of the cluster (initdb -U); trusted over TLS. */
	public static final String SUPERUSER = "postgres";

	private static final Path BINARIES = Path.of("/usr/lib/postgresql");

	private final Path bin;

	private final Path directory;

	private final boolean asPostgres;

	private final int port;

	private final Thread stopAtExit = new Thread(this::stopAndDelete, "tls-only-postgres-stop");

	private TlsOnlyPostgres(Path bin, Path directory, boolean asPostgres, int port) {
		this.bin = bin;
		this.directory = directory;
		this.asPostgres = asPostgres;
		this.port = port;
	}

	/** Makes and starts a new cluster; close it when done. */
	public static TlsOnlyPostgres start() {
		Path bin = serverBinaries();
		boolean asPostgres = "root".equals(System.getProperty("user.name"));
		Path directory;
		try {
			directory = Files.createTempDirectory("accessdesk-tls-postgres-");
			if (asPostgres) {
				UserPrincipal postgres = directory.getFileSystem()
					.getUserPrincipalLookupService()
					.lookupPrincipalByName("postgres");
				Files.setOwner(directory, postgres);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("No temporary directory for a TLS-only PostgreSQL"
					+ " (as root the tests need an operating system user postgres, which the postgresql package makes)",
					ex);
		}
		TlsOnlyPostgres postgres = new TlsOnlyPostgres(bin, directory, asPostgres, freePort());
		Runtime.getRuntime().addShutdownHook(postgres.stopAtExit);
		try {
			postgres.initialise();
			postgres.run(bin.resolve("pg_ctl").toString(), "-D", postgres.data().toString(), "-l",
					directory.resolve("server.log").toString(), "-w", "-t", "60", "start");
		}
		catch (RuntimeException ex) {
			postgres.close();
			throw ex;
		}
		return postgres;
	}

	public int port() {
		return this.port;
	}

	/** {@code jdbc:postgresql://127.0.0.1:port/database?sslmode=require}. */
	public String jdbcUrl(String database) {
		return jdbcUrl(database, "require");
	}

	public String jdbcUrl(String database, String sslmode) {
		return "jdbc:postgresql://" + HOST + ":" + this.port + "/" + database + "?sslmode=" + sslmode;
	}

	/** {@code r2dbc:postgresql://127.0.0.1:port/database?sslMode=require}. */
	public String r2dbcUrl(String database) {
		return "r2dbc:postgresql://" + HOST + ":" + this.port + "/" + database + "?sslMode=require";
	}

	/** A JDBC connection over TLS as the superuser. */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
	}

	@Override
	public void close() {
		stopAndDelete();
		try {
			Runtime.getRuntime().removeShutdownHook(this.stopAtExit);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down already, and the hook has done the same.
		}
	}

	private void initialise() {
		run(this.bin.resolve("initdb").toString(), "-D", data().toString(), "-U", SUPERUSER, "-A", "trust", "-E",
				"UTF8", "--no-locale", "--no-sync");
		// An EC key: quicker to make than RSA, and both drivers speak ECDSA.
		run(openssl(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days",
				"2", "-subj", "/CN=" + HOST, "-keyout", data().resolve("server.key").toString(), "-out",
				data().resolve("server.crt").toString());
		try {
			// PostgreSQL will not use a key that others may read.
			Files.setPosixFilePermissions(data().resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
			Files.writeString(data().resolve("postgresql.conf"), """

					listen_addresses = '%s'
					port = %d
					unix_socket_directories = '%s'
					ssl = on
					ssl_cert_file = 'server.crt'
					ssl_key_file = 'server.key'
					max_connections = 60
					shared_buffers = 16MB
					fsync = off
					synchronous_commit = off
					full_page_writes = off
					""".formatted(HOST, this.port, this.directory), StandardOpenOption.APPEND);
			// No "host" and no "local" lines: without TLS there is no way in.
			Files.writeString(data().resolve("pg_hba.conf"), """
					hostssl all all 127.0.0.1/32 trust
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path data() {
		return this.directory.resolve("data");
	}

	private synchronized void stopAndDelete() {
		if (!Files.exists(this.directory)) {
			return;
		}
		if (Files.exists(data().resolve("postmaster.pid"))) {
			try {
				run(this.bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
			}
			catch (RuntimeException ex) {
				System.err
					.println("Could not stop the TLS-only PostgreSQL in " + this.directory + ": " + ex.getMessage());
			}
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + this.directory + ": " + ex);
		}
	}

	private void run(String... command) {
		List<String> line = new ArrayList<>();
		if (this.asPostgres) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(List.of(command));
		Path output = this.directory.resolve("commands.log");
		try {
			// Into a file, not a pipe: the server that pg_ctl starts must not hold our
			// end open.
			Process process = new ProcessBuilder(line).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(output.toFile()))
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", line) + " did not finish within 2 minutes");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed (exit " + process.exitValue() + "):\n"
						+ Files.readString(output));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + String.join(" ", line), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path serverBinaries() {
		try (Stream<Path> versions = Files.list(BINARIES)) {
			return versions.filter((version) -> version.getFileName().toString().matches("\\d+"))
				.max(Comparator.comparing((Path version) -> Integer.parseInt(version.getFileName().toString())))
				.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
				.orElseThrow(TlsOnlyPostgres::noBinaries);
		}
		catch (IOException ex) {
			throw noBinaries();
		}
	}

	private static IllegalStateException noBinaries() {
		return new IllegalStateException(
				"The TLS tests make a PostgreSQL cluster of their own and need the server binaries"
						+ " (initdb, pg_ctl) in " + BINARIES
						+ "/<version>/bin. Install them: apt-get install postgresql"
						+ " (Debian, Ubuntu; the tests do not need that package's own cluster running).");
	}

	private static String openssl() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
			if (Files.isExecutable(Path.of(dir, "openssl"))) {
				return Path.of(dir, "openssl").toString();
			}
		}
		throw new IllegalStateException(
				"The TLS tests make a self-signed certificate with the openssl command, which is"
						+ " not on the PATH. Install it: apt-get install openssl");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for a TLS-only PostgreSQL", ex);
		}
	}

}
