package org.accessdesk.registry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Identifier normalisation (SPEC §3): what people paste becomes registry keys. */
class IdentifiersTests {

	@Test
	void separatorsOfEveryKindSplitAndRepeatsMerge() {
		var normalised = Identifiers.normalise(IdentifierType.CONTRACT,
				List.of("91000001,91000002、91000003，91000004 91000005\n91000006\t91000007\u300091000008 , 91000001"));
		assertThat(normalised.valid()).containsExactly("91000001", "91000002", "91000003", "91000004", "91000005",
				"91000006", "91000007", "91000008");
		assertThat(normalised.invalid()).isEmpty();
	}

	@Test
	void aListAndAStringMixAndKeepTheOrderTyped() {
		var normalised = Identifiers.normalise(IdentifierType.BILL_TO, List.of(" 3000002 ", "3000001, ３０００００２"));
		assertThat(normalised.valid()).containsExactly("3000002", "3000001");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "９１０００００１|91000001", "  91000001  |91000001" })
	void contractNumbersAreHalfWidthDigits(String typed, String expected) {
		assertThat(Identifiers.normalise(IdentifierType.CONTRACT, List.of(typed)).valid()).containsExactly(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "12345-aek67-89|12345-AEK67-89", "１２３４５－ＡＥＫ６７－８９|12345-AEK67-89",
			"374890‐gtk92—98317|374890-GTK92-98317", "abcｰ12|ABC-12" })
	void serialsAreUpperCaseWithPlainDashes(String typed, String expected) {
		assertThat(Identifiers.normalise(IdentifierType.SERIAL, List.of(typed)).valid()).containsExactly(expected);
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', value = { "9100ABC|CONTRACT", "123456789012345678901|CONTRACT", "-1|BILL_TO",
			"1.5|BILL_TO", "AB/12|SERIAL", "AB_12|SERIAL", "<script>|SERIAL", "1;DROP|CONTRACT" })
	void anythingElseIsInvalidAndNamedAsTyped(String typed, IdentifierType type) {
		var normalised = Identifiers.normalise(type, List.of(typed));
		assertThat(normalised.valid()).isEmpty();
		assertThat(normalised.invalid()).containsExactly(typed);
	}

	@Test
	void aSerialMayBeFortyLongButNotLonger() {
		assertThat(Identifiers.normalise(IdentifierType.SERIAL, List.of("A".repeat(40))).valid()).hasSize(1);
		assertThat(Identifiers.normalise(IdentifierType.SERIAL, List.of("A".repeat(41))).invalid()).hasSize(1);
	}

	@Test
	void controlCharactersMakeAnIdentifierInvalid() {
		assertThat(Identifiers.normalise(IdentifierType.CONTRACT, List.of("9100\u00000001")).invalid()).hasSize(1);
	}

	@Test
	void onlySeparatorsIsNothing() {
		var normalised = Identifiers.normalise(IdentifierType.CONTRACT, List.of(" ,、，\n ", ""));
		assertThat(normalised.valid()).isEmpty();
		assertThat(normalised.invalid()).isEmpty();
	}

	@Test
	void companyNamesMatchAcrossWidthCaseAndSpaces() {
		assertThat(CompanyNames.sameCompany("  ＥＸＡＭＰＬＥ　Ｃｏｒｐ ", "Example  corp")).isTrue();
		assertThat(CompanyNames.sameCompany("Example Corp", "Example Corporation")).isFalse();
	}

}
