package org.accessdesk.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.accessdesk.registry.ContractStatus;
import org.accessdesk.registry.IdentifierType;
import org.accessdesk.registry.RegistryEntry;
import org.accessdesk.registry.SupportModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.accessdesk.request.AccessKind.DOWNLOAD_ONLY;
import static org.accessdesk.request.AccessKind.FULL_SUPPORT;
import static org.accessdesk.request.AccessKind.ORDERING;
import static org.accessdesk.registry.IdentifierType.BILL_TO;
import static org.accessdesk.registry.IdentifierType.CONTRACT;
import static org.accessdesk.registry.IdentifierType.SERIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** SPEC §5 row by row, with the guide's own cases. Pure: no database, a fixed clock. */
class DecisionTableTests {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

	static final Applicant ALICE = new Applicant("alice@example.com", "Example Corp", "東京都港区赤坂9-7-1");

	static final String ADMIN = "it-admin@example.com";

	static RegistryEntry.Contract contract(SupportModel model, List<String> admins) {
		return new RegistryEntry.Contract("91000001", ContractStatus.ACTIVE, model, LONG_AGO, "Example Corp",
				List.of("example.com"), null, admins);
	}

	static RegistryEntry.Contract otherCompanysContract(SupportModel model, List<String> admins) {
		return new RegistryEntry.Contract("92000001", ContractStatus.ACTIVE, model, LONG_AGO, "Tanaka Trading",
				List.of(), null, admins);
	}

	static RegistryEntry.BillTo billTo(boolean fullSupport, List<String> admins) {
		return new RegistryEntry.BillTo("3000001", "Example Corp", List.of("example.com"), fullSupport, admins);
	}

	static Stream<Arguments> rows() {
		RegistryEntry.Contract direct = contract(SupportModel.DIRECT, List.of());
		RegistryEntry.Contract partnerWithAdmins = contract(SupportModel.PARTNER, List.of(ADMIN));
		return Stream.of(
				row("D1 no company name", new Applicant("a@example.com", null, "Tokyo"), FULL_SUPPORT, CONTRACT, direct,
						Holdings.none(), "DENIED D1 PROFILE_INCOMPLETE"),
				row("D1 blank address", new Applicant("a@example.com", "Example Corp", "  "), FULL_SUPPORT, CONTRACT,
						direct, Holdings.none(), "DENIED D1 PROFILE_INCOMPLETE"),
				row("D1 before D2: incomplete profile, unknown number", new Applicant("a@example.com", "", ""),
						FULL_SUPPORT, CONTRACT, RegistryEntry.UNKNOWN, Holdings.none(), "DENIED D1 PROFILE_INCOMPLETE"),
				row("D2 unknown contract", ALICE, FULL_SUPPORT, CONTRACT, RegistryEntry.UNKNOWN, Holdings.none(),
						"DENIED D2 NOT_FOUND"),
				row("D2 unknown Bill-to ID", ALICE, FULL_SUPPORT, BILL_TO, RegistryEntry.UNKNOWN, Holdings.none(),
						"DENIED D2 NOT_FOUND"),
				row("D2 expired contract", ALICE, FULL_SUPPORT, CONTRACT, withStatus(direct, ContractStatus.EXPIRED),
						Holdings.none(), "DENIED D2 NOT_FOUND"),
				row("D2 terminated contract behind a serial", ALICE, DOWNLOAD_ONLY, SERIAL,
						withStatus(partnerWithAdmins, ContractStatus.TERMINATED), Holdings.none(),
						"DENIED D2 NOT_FOUND"),
				row("D2 before D3: expired and issued an hour ago", ALICE, FULL_SUPPORT, CONTRACT,
						issued(withStatus(direct, ContractStatus.EXPIRED), NOW.minus(Duration.ofHours(1))),
						Holdings.none(), "DENIED D2 NOT_FOUND"),
				row("D3 issued an hour ago", ALICE, FULL_SUPPORT, CONTRACT,
						issued(direct, NOW.minus(Duration.ofHours(1))), Holdings.none(), "DENIED D3 TOO_NEW"),
				row("D3 serial of a contract issued 47h59m ago", ALICE, DOWNLOAD_ONLY, SERIAL,
						issued(partnerWithAdmins, NOW.minus(Duration.ofHours(48)).plusSeconds(60)), Holdings.none(),
						"DENIED D3 TOO_NEW"),
				row("D3 boundary: exactly 48h old is old enough", ALICE, FULL_SUPPORT, CONTRACT,
						issued(direct, NOW.minus(Duration.ofHours(48))), Holdings.none(), "APPROVED A1 AUTO_APPROVED"),
				row("D4 already holds the contract", ALICE, FULL_SUPPORT, CONTRACT, direct,
						Holdings.none().with(FULL_SUPPORT, "C:91000001", ItemStatus.APPROVED),
						"DENIED D4 ALREADY_REGISTERED"),
				row("D4 already waits for the contract", ALICE, FULL_SUPPORT, CONTRACT, direct,
						Holdings.none().with(FULL_SUPPORT, "C:91000001", ItemStatus.PENDING_VENDOR),
						"DENIED D4 ALREADY_REGISTERED"),
				row("D4 a serial counts as its contract", ALICE, DOWNLOAD_ONLY, SERIAL, partnerWithAdmins,
						Holdings.none().with(DOWNLOAD_ONLY, "C:91000001", ItemStatus.PENDING_ADMIN),
						"DENIED D4 ALREADY_REGISTERED"),
				row("D4 holds the Bill-to ID containing the contract", ALICE, FULL_SUPPORT, CONTRACT,
						withBillTo(direct, "3000001"),
						Holdings.none().with(FULL_SUPPORT, "B:3000001", ItemStatus.APPROVED),
						"DENIED D4 ALREADY_REGISTERED"),
				row("D4 waiting for the Bill-to ID does not count for its contracts", ALICE, FULL_SUPPORT, CONTRACT,
						withBillTo(direct, "3000001"),
						Holdings.none().with(FULL_SUPPORT, "B:3000001", ItemStatus.PENDING_ADMIN),
						"APPROVED A1 AUTO_APPROVED"),
				row("D4 another kind of access is no repeat", ALICE, ORDERING, CONTRACT, direct,
						Holdings.none().with(FULL_SUPPORT, "C:91000001", ItemStatus.APPROVED),
						"PENDING_VENDOR P3 ORDERING_REVIEW"),
				row("D4 before D5: already waits, download-only on DIRECT", ALICE, DOWNLOAD_ONLY, CONTRACT, direct,
						Holdings.none().with(DOWNLOAD_ONLY, "C:91000001", ItemStatus.PENDING_ADMIN),
						"DENIED D4 ALREADY_REGISTERED"),
				row("D5 download-only on a DIRECT contract", ALICE, DOWNLOAD_ONLY, CONTRACT, direct, Holdings.none(),
						"DENIED D5 ADMIN_NOT_FOUND"),
				row("D5 download-only by serial of a DIRECT contract", ALICE, DOWNLOAD_ONLY, SERIAL,
						contract(SupportModel.DIRECT, List.of(ADMIN)), Holdings.none(), "DENIED D5 ADMIN_NOT_FOUND"),
				row("D6 download-only on PARTNER without administrators", ALICE, DOWNLOAD_ONLY, CONTRACT,
						contract(SupportModel.PARTNER, List.of()), Holdings.none(), "DENIED D6 ADMIN_NOT_FOUND"),
				row("D7 full support on a PARTNER contract", ALICE, FULL_SUPPORT, CONTRACT, partnerWithAdmins,
						Holdings.none(), "DENIED D7 FULL_SUPPORT_NOT_INCLUDED"),
				row("D8 full support by Bill-to ID without it", ALICE, FULL_SUPPORT, BILL_TO,
						billTo(false, List.of(ADMIN)), Holdings.none(), "DENIED D8 FULL_SUPPORT_NOT_INCLUDED"),
				row("A1 own DIRECT contract", ALICE, FULL_SUPPORT, CONTRACT, direct, Holdings.none(),
						"APPROVED A1 AUTO_APPROVED"),
				row("A1 beats P1: own contract with administrators", ALICE, FULL_SUPPORT, CONTRACT,
						contract(SupportModel.DIRECT, List.of(ADMIN)), Holdings.none(), "APPROVED A1 AUTO_APPROVED"),
				row("A1 company in full-width with spaces",
						new Applicant("alice@example.com", "  ＥＸＡＭＰＬＥ　ｃｏｒｐ ", "Tokyo"), FULL_SUPPORT, CONTRACT, direct,
						Holdings.none(), "APPROVED A1 AUTO_APPROVED"),
				row("A1 company in another case", new Applicant("alice@EXAMPLE.com", "EXAMPLE CORP", "Tokyo"),
						FULL_SUPPORT, CONTRACT, direct, Holdings.none(), "APPROVED A1 AUTO_APPROVED"),
				row("A1 owner lists no email domains",
						new Applicant("someone@gmail.example", "Tanaka Trading", "Osaka"), FULL_SUPPORT, CONTRACT,
						otherCompanysContract(SupportModel.DIRECT, List.of()), Holdings.none(),
						"APPROVED A1 AUTO_APPROVED"),
				row("A1 Private Use", new Applicant("me@home.example", "Private Use", "自宅"), FULL_SUPPORT, CONTRACT,
						new RegistryEntry.Contract("93000001", ContractStatus.ACTIVE, SupportModel.DIRECT, LONG_AGO,
								"private use", List.of(), null, List.of()),
						Holdings.none(), "APPROVED A1 AUTO_APPROVED"),
				row("P1 other company's contract with administrators", ALICE, FULL_SUPPORT, CONTRACT,
						otherCompanysContract(SupportModel.DIRECT, List.of(ADMIN)), Holdings.none(),
						"PENDING_ADMIN P1 AWAITING_ADMIN"),
				row("P1 own name but email outside the listed domains",
						new Applicant("alice@gmail.example", "Example Corp", "Tokyo"), FULL_SUPPORT, CONTRACT,
						contract(SupportModel.DIRECT, List.of(ADMIN)), Holdings.none(),
						"PENDING_ADMIN P1 AWAITING_ADMIN"),
				row("P1 Bill-to ID with full support and administrators", ALICE, FULL_SUPPORT, BILL_TO,
						billTo(true, List.of(ADMIN)), Holdings.none(), "PENDING_ADMIN P1 AWAITING_ADMIN"),
				row("P1 download-only on PARTNER with administrators", ALICE, DOWNLOAD_ONLY, CONTRACT,
						partnerWithAdmins, Holdings.none(), "PENDING_ADMIN P1 AWAITING_ADMIN"),
				row("P1 download-only by serial (guide 12345-AEK67-89)", ALICE, DOWNLOAD_ONLY, SERIAL,
						partnerWithAdmins, Holdings.none(), "PENDING_ADMIN P1 AWAITING_ADMIN"),
				row("P2 other company's contract, nobody administers it", ALICE, FULL_SUPPORT, CONTRACT,
						otherCompanysContract(SupportModel.DIRECT, List.of()), Holdings.none(),
						"PENDING_VENDOR P2 COMPANY_MISMATCH"),
				row("P2 own name, email outside the domains, no administrators",
						new Applicant("alice@gmail.example", "Example Corp", "Tokyo"), FULL_SUPPORT, CONTRACT, direct,
						Holdings.none(), "PENDING_VENDOR P2 COMPANY_MISMATCH"),
				row("P2 own Bill-to ID that nobody administers", ALICE, FULL_SUPPORT, BILL_TO, billTo(true, List.of()),
						Holdings.none(), "PENDING_VENDOR P2 NO_ADMIN"),
				row("P2 other company's Bill-to ID, no administrators",
						new Applicant("x@other.example", "Other KK", "Nagoya"), FULL_SUPPORT, BILL_TO,
						billTo(true, List.of()), Holdings.none(), "PENDING_VENDOR P2 COMPANY_MISMATCH"),
				row("P3 ordering by Bill-to ID without full support", ALICE, ORDERING, BILL_TO,
						billTo(false, List.of()), Holdings.none(), "PENDING_VENDOR P3 ORDERING_REVIEW"),
				row("P3 ordering by contract number", ALICE, ORDERING, CONTRACT, partnerWithAdmins, Holdings.none(),
						"PENDING_VENDOR P3 ORDERING_REVIEW"),
				row("P3 after D2: ordering an unknown Bill-to ID", ALICE, ORDERING, BILL_TO, RegistryEntry.UNKNOWN,
						Holdings.none(), "DENIED D2 NOT_FOUND"));
	}

	private static Arguments row(String name, Applicant applicant, AccessKind kind, IdentifierType type,
			RegistryEntry found, Holdings holdings, String expected) {
		return Arguments.of(name, applicant, kind, type, found, holdings, expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void decides(String name, Applicant applicant, AccessKind kind, IdentifierType type, RegistryEntry found,
			Holdings holdings, String expected) {
		Decision decision = DecisionTable.decide(applicant, kind, type, found, holdings, NOW);
		assertThat(summary(decision)).isEqualTo(expected);
	}

	@Test
	void tooNewNamesWhenToTryAgain() {
		Instant issued = NOW.minus(Duration.ofHours(10));
		Decision decision = DecisionTable.decide(ALICE, FULL_SUPPORT, CONTRACT,
				issued(contract(SupportModel.DIRECT, List.of()), issued), Holdings.none(), NOW);
		assertThat(decision)
			.isEqualTo(new Decision.Denied(Rule.D3, ReasonCode.TOO_NEW, issued.plus(Duration.ofHours(48))));
	}

	@Test
	void administratorsAreNamedAsDeciders() {
		Decision decision = DecisionTable.decide(ALICE, FULL_SUPPORT, BILL_TO,
				billTo(true, List.of(ADMIN, "b@example.com")), Holdings.none(), NOW);
		assertThat(decision).isEqualTo(
				new Decision.Pending(Rule.P1, Queue.ADMIN, ReasonCode.AWAITING_ADMIN, List.of(ADMIN, "b@example.com")));
	}

	@Test
	void aKindThatDoesNotAcceptTheTypeIsNoDecision() {
		assertThatIllegalArgumentException().isThrownBy(() -> DecisionTable.decide(ALICE, FULL_SUPPORT, SERIAL,
				contract(SupportModel.DIRECT, List.of()), Holdings.none(), NOW));
	}

	static String summary(Decision decision) {
		String status = (decision instanceof Decision.Approved) ? "APPROVED"
				: (decision instanceof Decision.Pending pending) ? "PENDING_" + pending.queue() : "DENIED";
		return status + " " + decision.rule() + " " + decision.reason();
	}

	static RegistryEntry.Contract withStatus(RegistryEntry.Contract c, ContractStatus status) {
		return new RegistryEntry.Contract(c.number(), status, c.supportModel(), c.issuedAt(), c.companyName(),
				c.companyEmailDomains(), c.billToId(), c.admins());
	}

	static RegistryEntry.Contract issued(RegistryEntry.Contract c, Instant issuedAt) {
		return new RegistryEntry.Contract(c.number(), c.status(), c.supportModel(), issuedAt, c.companyName(),
				c.companyEmailDomains(), c.billToId(), c.admins());
	}

	static RegistryEntry.Contract withBillTo(RegistryEntry.Contract c, String billToId) {
		return new RegistryEntry.Contract(c.number(), c.status(), c.supportModel(), c.issuedAt(), c.companyName(),
				c.companyEmailDomains(), billToId, c.admins());
	}

}
