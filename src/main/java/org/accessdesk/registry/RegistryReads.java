package org.accessdesk.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry as the operator reads it, in the field names of the import form. Numbers
 * are normalised as an import would store them.
 */
@Component
public class RegistryReads {

	private final Companies companies;

	private final Contracts contracts;

	private final BillTos billTos;

	private final Serials serials;

	RegistryReads(Companies companies, Contracts contracts, BillTos billTos, Serials serials) {
		this.companies = companies;
		this.contracts = contracts;
		this.billTos = billTos;
		this.serials = serials;
	}

	public Flux<CompanyView> companies() {
		return this.companies.all();
	}

	public Flux<ContractView> contracts(@Nullable String company, int page, int size) {
		String companyKey = (company == null || company.isBlank()) ? null : CompanyNames.matchKey(company);
		return this.contracts.views(companyKey, page, size);
	}

	public Mono<ContractView> contract(String number) {
		return this.contracts.view(Identifiers.normaliseOne(IdentifierType.CONTRACT, number));
	}

	public Mono<BillToView> billTo(String id) {
		return this.billTos.view(Identifiers.normaliseOne(IdentifierType.BILL_TO, id));
	}

	public Mono<SerialView> serial(String serial) {
		return this.serials.view(Identifiers.normaliseOne(IdentifierType.SERIAL, serial));
	}

	public record CompanyView(String name, List<String> emailDomains) {
	}

	public record BillToView(String id, String company, boolean fullSupport, List<String> admins) {
	}

	public record ContractView(String number, String company, @Nullable String billTo, SupportModel supportModel,
			ContractStatus status, String issuedAt, List<String> admins) {
	}

	public record SerialView(String serial, String contract) {
	}

}
