package org.accessdesk.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** JSON uploads read as a stream of list elements, each bound and checked on its own. */
class RegistryJsonTests {

	final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	RegistryJson reader(String text) {
		return new RegistryJson(this.json, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void everyListInDocumentOrderOneElementAtATime() {
		var reader = reader("{\"companies\":[{\"name\":\"A\",\"emailDomains\":[\"a.example\"]}],\"billTos\":null,"
				+ "\"serials\":[{\"serial\":\"ab-1\",\"contract\":\"1\"},{\"serial\":\"AB-2\",\"contract\":\"2\"}]}");
		assertThat(reader.next()).isInstanceOfSatisfying(ImportRows.Company.class,
				(row) -> assertThat(row.emailDomains()).containsExactly("a.example"));
		assertThat(reader.next()).isInstanceOfSatisfying(ImportRows.Serial.class, (row) -> {
			assertThat(row.serial()).isEqualTo("AB-1");
			assertThat(row.row()).isZero();
		});
		assertThat(reader.next().row()).isEqualTo(1);
		assertThat(reader.next()).isNull();
	}

	@Test
	void aBadElementIsNamedAndReadingGoesOnAfterIt() {
		var reader = reader("{\"serials\":[{\"serial\":\"AB-1\",\"contract\":\"x\"},null,"
				+ "{\"serial\":\"AB-3\",\"contract\":\"3\",\"colour\":\"red\"},{\"serial\":\"AB-4\",\"contract\":\"4\"}]}");
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(reader::next)
			.withMessageStartingWith("serials[0]: contract");
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(reader::next)
			.withMessageStartingWith("serials[1]: the row is empty");
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(reader::next)
			.satisfies((rejected) -> assertThat(rejected.code()).isEqualTo("UNKNOWN_FIELD"))
			.withMessageStartingWith("serials[2]: colour");
		assertThat(reader.next().row()).isEqualTo(3);
		assertThat(reader.next()).isNull();
	}

	@Test
	void brokenJsonAndUnknownListsEndTheUpload() {
		var broken = reader("{\"serials\":[{\"serial\":\"AB-1\",\"contract\":\"1\"},{\"serial\":");
		assertThat(broken.next()).isNotNull();
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(broken::next)
			.satisfies((rejected) -> assertThat(rejected.code()).isEqualTo("MALFORMED_REQUEST"));
		assertThat(broken.next()).isNull();
		var unknown = reader("{\"colours\":[]}");
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(unknown::next)
			.satisfies((rejected) -> assertThat(rejected.code()).isEqualTo("UNKNOWN_FIELD"));
		assertThat(unknown.next()).isNull();
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(reader("[1, 2]")::next)
			.satisfies((rejected) -> assertThat(rejected.code()).isEqualTo("MALFORMED_REQUEST"));
	}

}
