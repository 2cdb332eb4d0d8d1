package org.accessdesk.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A registry of the run's own, in the shape of the demo data (SPEC §3), and submissions
 * that between them reach every row of the decision table (SPEC §5): the same company for
 * the signed-up users (A1), an incomplete profile for one in ten (D1), unknown and
 * expired numbers (D2), a contract issued an hour ago (D3), repeats (D4), download-only
 * on direct and partner contracts (D5, D6, P1), full support on a partner contract (D7)
 * and a Bill-to ID without it (D8), administrators (P1), a foreign company (P2) and
 * ordering (P3).
 */
final class LoadRegistry {

	final String admin;

	final String company;

	final String otherCompany;

	final String directContract;

	final String expiredContract;

	final String partnerWithAdmins;

	final String partnerWithoutAdmins;

	final String newContract;

	final String otherCompanysContract;

	final String otherCompanysAdministeredContract;

	final String billToFullWithAdmins;

	final String billToFullNoAdmins;

	final String billToWithoutFull;

	final String serial;

	LoadRegistry(String admin) {
		long base = ThreadLocalRandom.current().nextLong(10_000_000_000L, 90_000_000_000L) / 100 * 100;
		this.admin = admin;
		this.company = "Load Corp " + base;
		this.otherCompany = "Load Other " + base;
		this.directContract = String.valueOf(base + 1);
		this.expiredContract = String.valueOf(base + 2);
		this.partnerWithAdmins = String.valueOf(base + 3);
		this.partnerWithoutAdmins = String.valueOf(base + 4);
		this.newContract = String.valueOf(base + 5);
		this.otherCompanysContract = String.valueOf(base + 6);
		this.otherCompanysAdministeredContract = String.valueOf(base + 7);
		this.billToFullWithAdmins = String.valueOf(base + 11);
		this.billToFullNoAdmins = String.valueOf(base + 12);
		this.billToWithoutFull = String.valueOf(base + 13);
		this.serial = "LD-" + base;
	}

	String json(Instant now) {
		String longAgo = "2025-01-01T00:00:00Z";
		String hourAgo = now.minus(Duration.ofHours(1)).toString();
		return "{\"companies\":[{\"name\":\"" + this.company + "\",\"emailDomains\":[\"load.example\"]},{\"name\":\""
				+ this.otherCompany + "\"}]," + "\"billTos\":[" + billTo(this.billToFullWithAdmins, true, true) + ","
				+ billTo(this.billToFullNoAdmins, true, false) + "," + billTo(this.billToWithoutFull, false, false)
				+ "]," + "\"contracts\":["
				+ contract(this.directContract, this.company, this.billToFullNoAdmins, "DIRECT", "ACTIVE", longAgo,
						false)
				+ "," + contract(this.expiredContract, this.company, null, "DIRECT", "EXPIRED", longAgo, false) + ","
				+ contract(this.partnerWithAdmins, this.company, null, "PARTNER", "ACTIVE", longAgo, true) + ","
				+ contract(this.partnerWithoutAdmins, this.company, null, "PARTNER", "ACTIVE", longAgo, false) + ","
				+ contract(this.newContract, this.company, null, "DIRECT", "ACTIVE", hourAgo, false) + ","
				+ contract(this.otherCompanysContract, this.otherCompany, null, "DIRECT", "ACTIVE", longAgo, false)
				+ ","
				+ contract(this.otherCompanysAdministeredContract, this.otherCompany, null, "DIRECT", "ACTIVE", longAgo,
						true)
				+ "]," + "\"serials\":[{\"serial\":\"" + this.serial + "\",\"contract\":\"" + this.partnerWithAdmins
				+ "\"}]}";
	}

	/** One submission, drawn from a mix that covers every outcome. */
	String randomSubmission() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String unknown = String.valueOf(random.nextLong(100_000_000L, 999_999_999L));
		List<String> cases = List.of(submission("FULL_SUPPORT", "CONTRACT", this.directContract), // A1,
																									// then
																									// D4
				submission("FULL_SUPPORT", "CONTRACT", unknown), // D2
				submission("FULL_SUPPORT", "CONTRACT", this.expiredContract), // D2
				submission("FULL_SUPPORT", "CONTRACT", this.newContract), // D3
				submission("DOWNLOAD_ONLY", "CONTRACT", this.directContract), // D5
				submission("DOWNLOAD_ONLY", "CONTRACT", this.partnerWithoutAdmins), // D6
				submission("FULL_SUPPORT", "CONTRACT", this.partnerWithAdmins), // D7
				submission("FULL_SUPPORT", "BILL_TO", this.billToWithoutFull), // D8
				submission("FULL_SUPPORT", "BILL_TO", this.billToFullWithAdmins), // P1
				submission("DOWNLOAD_ONLY", "SERIAL", this.serial), // P1
				submission("FULL_SUPPORT", "CONTRACT", this.otherCompanysAdministeredContract), // P1
				submission("FULL_SUPPORT", "CONTRACT", this.otherCompanysContract), // P2
				submission("FULL_SUPPORT", "BILL_TO", this.billToFullNoAdmins), // P2
																				// NO_ADMIN
				submission("ORDERING", "BILL_TO", this.billToWithoutFull), // P3
				// Several numbers at once, one of each kind of outcome.
				submission("FULL_SUPPORT", "CONTRACT", this.directContract + ", " + unknown + ", "
						+ this.otherCompanysContract + ", " + this.newContract + ", " + this.partnerWithAdmins));
		return cases.get(random.nextInt(cases.size()));
	}

	private static String submission(String kind, String type, String identifiers) {
		return "{\"kind\":\"" + kind + "\",\"identifierType\":\"" + type + "\",\"identifiers\":\"" + identifiers
				+ "\",\"justification\":\"load test\"}";
	}

	private String billTo(String id, boolean fullSupport, boolean withAdmin) {
		return "{\"id\":\"" + id + "\",\"company\":\"" + this.company + "\",\"fullSupport\":" + fullSupport
				+ ",\"admins\":[" + (withAdmin ? "\"" + this.admin + "\"" : "") + "]}";
	}

	private String contract(String number, String company, String billTo, String model, String status, String issuedAt,
			boolean withAdmin) {
		return "{\"number\":\"" + number + "\",\"company\":\"" + company + "\","
				+ ((billTo != null) ? "\"billTo\":\"" + billTo + "\"," : "") + "\"supportModel\":\"" + model
				+ "\",\"status\":\"" + status + "\",\"issuedAt\":\"" + issuedAt + "\",\"admins\":["
				+ (withAdmin ? "\"" + this.admin + "\"" : "") + "]}";
	}

}
