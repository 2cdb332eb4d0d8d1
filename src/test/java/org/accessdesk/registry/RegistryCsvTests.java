package org.accessdesk.registry;

import java.util.List;

import org.accessdesk.web.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegistryCsvTests {

	@Test
	void quotedCellsHoldCommasQuotesAndLineBreaks() {
		assertThat(RegistryCsv.records("a,\"b, \"\"c\"\"\",\"d\r\ne\"\r\nx,y,z\n"))
			.containsExactly(List.of("a", "b, \"c\"", "d\r\ne"), List.of("x", "y", "z"));
	}

	@Test
	void contractsWithListsInACellAndAByteOrderMark() {
		var document = RegistryCsv
			.parse("contracts", "\uFEFFnumber,company,billTo,supportModel,status,issuedAt,admins\n"
					+ "91000001,\"Example, Inc.\",,DIRECT,ACTIVE,2026-01-01T00:00:00Z,a@example.com; b@example.com\n");
		assertThat(document.contracts()).singleElement().satisfies((row) -> {
			assertThat(row.company()).isEqualTo("Example, Inc.");
			assertThat(row.billTo()).isEmpty();
			assertThat(row.admins()).containsExactly("a@example.com", "b@example.com");
		});
	}

	@Test
	void aBadRowIsNamedByItsLine() {
		var document = RegistryCsv.parse("contracts",
				"number,company,supportModel,status,issuedAt\n"
						+ "91000001,Example,DIRECT,ACTIVE,2026-01-01T00:00:00Z\n"
						+ "91000002,Example,DIRECT,RUNNING,2026-01-01T00:00:00Z\n");
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> ImportRows.validate(document, ImportRows.RowNames.CSV))
			.satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo("INVALID_ROW");
				assertThat(problem.getMessage()).startsWith("line 3: status");
			});
	}

	@Test
	void anUnknownColumnOrAShortRowIsRefused() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> RegistryCsv.parse("serials", "serial,contract,colour\n"))
			.withMessageContaining("unknown column 'colour'");
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> RegistryCsv.parse("serials", "serial,contract\nAB-1\n"))
			.withMessageStartingWith("line 2");
	}

}
