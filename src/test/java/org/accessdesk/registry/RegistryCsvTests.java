package org.accessdesk.registry;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** CSV uploads read as a stream, rows named by the line they start on. */
class RegistryCsvTests {

	@Test
	void quotedCellsHoldCommasQuotesAndLineBreaks() throws IOException {
		var records = new CsvRecords(new StringReader("a,\"b, \"\"c\"\"\",\"d\r\ne\"\r\nx,y,z\n"));
		var first = records.next();
		assertThat(first.cells()).containsExactly("a", "b, \"c\"", "d\r\ne");
		assertThat(first.line()).isEqualTo(1);
		var second = records.next();
		assertThat(second.cells()).containsExactly("x", "y", "z");
		assertThat(second.line()).isEqualTo(3);
		assertThat(records.next()).isNull();
	}

	@Test
	void contractsWithListsInACellAndAByteOrderMark() throws IOException {
		var csv = new RegistryCsv("contracts",
				new StringReader("\uFEFFnumber,company,billTo,supportModel,status,issuedAt,admins\n"
						+ "91000001,\"Example, Inc.\",,DIRECT,ACTIVE,2026-01-01T00:00:00Z,a@example.com; b@example.com\n"));
		assertThat(csv.next()).isInstanceOfSatisfying(ImportRows.Contract.class, (row) -> {
			assertThat(row.company()).isEqualTo("Example, Inc.");
			assertThat(row.billTo()).isNull();
			assertThat(row.admins()).containsExactly("a@example.com", "b@example.com");
			assertThat(row.row()).isEqualTo(2);
		});
		assertThat(csv.next()).isNull();
	}

	@Test
	void aBadRowIsNamedByItsLineAndReadingGoesOn() throws IOException {
		var csv = new RegistryCsv("contracts",
				new StringReader("number,company,supportModel,status,issuedAt\n"
						+ "91000001,Example,DIRECT,ACTIVE,2026-01-01T00:00:00Z\n"
						+ "91000002,Example,DIRECT,RUNNING,2026-01-01T00:00:00Z\n"
						+ "91000003,Example,DIRECT,ACTIVE,2026-01-01T00:00:00Z\n"));
		assertThat(csv.next()).isNotNull();
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(csv::next).satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo("INVALID_ROW");
			assertThat(problem.getMessage()).startsWith("line 3: status");
			assertThat(problem.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("line 3.status"));
		});
		assertThat(csv.next()).isInstanceOfSatisfying(ImportRows.Contract.class,
				(row) -> assertThat(row.number()).isEqualTo("91000003"));
	}

	@Test
	void linesCountBlankLinesAndLineBreaksInsideQuotedCells() throws IOException {
		var csv = new RegistryCsv("companies",
				new StringReader("\uFEFF\nname,emailDomains\n\nTwo Lines,\"a.example;\nb.example\"\r\n"
						+ "\r\n\"Quote \"\"d\"\"\",b.example\n\nBad\u0007Name,\n"));
		List<Integer> lines = new ArrayList<>();
		lines.add(csv.next().row());
		lines.add(csv.next().row());
		assertThat(lines).containsExactly(4, 7);
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(csv::next).withMessageStartingWith("line 9: name");
		assertThat(csv.next()).isNull();
	}

	@Test
	void aQuotedCellThatNeverClosesIsNamedWhereItOpensAndEndsTheUpload() throws IOException {
		var csv = new RegistryCsv("serials", new StringReader("serial,contract\nAB-1,1\n\nAB-2,\"2\nAB-3,3\n"));
		assertThat(csv.next()).isNotNull();
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(csv::next)
			.withMessageStartingWith("line 4: a quoted cell is not closed");
		assertThat(csv.next()).isNull();
	}

	@Test
	void anUnknownColumnOrAShortRowIsRefused() throws IOException {
		assertThatExceptionOfType(ImportRejected.class)
			.isThrownBy(() -> new RegistryCsv("serials", new StringReader("serial,contract,colour\n")).next())
			.withMessageContaining("unknown column 'colour'");
		assertThatExceptionOfType(ImportRejected.class)
			.isThrownBy(() -> new RegistryCsv("serials", new StringReader("serial,contract\nAB-1\n")).next())
			.withMessageStartingWith("line 2");
		assertThatExceptionOfType(ImportRejected.class)
			.isThrownBy(() -> new RegistryCsv("serials", new StringReader("")).next())
			.withMessageStartingWith("line 1: the header row is missing");
	}

	@Test
	void aCellMayNotGrowWithoutBound() throws IOException {
		var csv = new RegistryCsv("companies",
				new StringReader("name\n" + "x".repeat(CsvRecords.MAX_CELL + 10) + "\n"));
		assertThatExceptionOfType(ImportRejected.class).isThrownBy(csv::next)
			.withMessageStartingWith("line 2: a cell is longer than");
		assertThat(csv.next()).isNull();
	}

}
