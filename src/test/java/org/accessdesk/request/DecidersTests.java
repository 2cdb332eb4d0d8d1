package org.accessdesk.request;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecidersTests {

	@Test
	void administratorsWithAnAccountAreShownByNameOthersByMaskedEmail() {
		List<String> shown = Deciders.shown(List.of("it-admin@example.com", "Keiko@Tanaka.example", "bo@x.example"),
				Map.of("keiko@tanaka.example", "田中 恵子"));
		assertThat(shown).containsExactly("it-a…@example.com", "田中 恵子", "b…@x.example");
	}

	@Test
	void somethingThatIsNotAnEmailRevealsNothing() {
		assertThat(Deciders.masked("no-at-sign")).isEqualTo("…");
	}

}
