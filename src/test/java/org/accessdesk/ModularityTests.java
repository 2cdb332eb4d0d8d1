package org.accessdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The modules talk only through their public API, only to the modules each one's
 * {@code package-info} allows, with no cycles; and the module docs in
 * {@code docs/modules} are the ones this code generates.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(AccessDeskApplication.class);

	static final Path COMMITTED = Path.of("docs", "modules");

	static final Path GENERATED = Path.of("target", "spring-modulith-docs");

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The check can fail: a module that uses one it did not declare (a fixture under test
	 * sources, {@code org.accessdesk.modularityfixture}) is a violation.
	 */
	@Test
	void anUndeclaredDependencyIsAViolation() {
		ApplicationModules fixture = ApplicationModules.of("org.accessdesk.modularityfixture", (location) -> true);
		assertThatExceptionOfType(Violations.class).isThrownBy(fixture::verify)
			.withMessageContaining("Module 'reaching' depends on module 'notify'");
	}

	/**
	 * {@code docs/modules} is what the code says. After changing a module's dependencies,
	 * copy {@code target/spring-modulith-docs} over it.
	 */
	@Test
	void committedModuleDocsAreCurrent() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		Map<String, String> generated = read(GENERATED);
		assertThat(generated).containsKey("components.puml");
		assertThat(read(COMMITTED)).as("docs/modules differs from the generated %s; copy it over", GENERATED)
			.isEqualTo(generated);
	}

	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path path : paths.filter((file) -> file.toString().endsWith(".puml")).toList()) {
				// Line order follows the class path scan's, which may differ between
				// checkouts: compare what is said, not in which order.
				files.put(path.getFileName().toString(),
						String.join("\n", Files.readAllLines(path).stream().sorted().toList()));
			}
		}
		return files;
	}

}
