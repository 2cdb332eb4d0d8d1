package org.accessdesk.registry;

import java.io.InputStream;
import java.util.Map;

import org.accessdesk.web.JsonPaths;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of an upload (SPEC §3: an object with the lists companies, billTos,
 * contracts and serials, each optional), read as a stream of tokens: one list element at
 * a time is read as a tree and bound with the service's strict JSON rules (unknown fields
 * and wrong types are errors), so a bad element is named and reading goes on after it.
 */
final class RegistryJson implements ImportReader {

	private static final Map<String, Class<?>> LISTS = Map.of("companies", ImportRows.CompanyRow.class, "billTos",
			ImportRows.BillToRow.class, "contracts", ImportRows.ContractRow.class, "serials",
			ImportRows.SerialRow.class);

	private final JsonMapper json;

	private final JsonParser parser;

	/** One element at a time: what follows it in the stream is the rest of the upload. */
	private final ObjectReader elements;

	private @Nullable String list;

	private int index;

	private boolean started;

	private boolean ended;

	RegistryJson(JsonMapper json, InputStream in) {
		this.json = json;
		this.parser = json.createParser(in);
		this.elements = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	@Override
	public ImportRows.@Nullable Row next() {
		if (this.ended) {
			return null;
		}
		try {
			return read();
		}
		catch (ImportRejected ex) {
			throw ex;
		}
		catch (JacksonException ex) {
			this.ended = true;
			TokenStreamLocation at = ex.getLocation();
			throw ImportRejected.of("MALFORMED_REQUEST", "", "", "The upload is not valid JSON"
					+ ((at != null) ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "") + ".");
		}
	}

	private ImportRows.@Nullable Row read() {
		if (!this.started) {
			this.started = true;
			if (this.parser.nextToken() != JsonToken.START_OBJECT) {
				throw malformed(
						"An upload in JSON is an object with the lists companies, billTos, contracts, serials.");
			}
		}
		while (true) {
			if (this.list == null) {
				JsonToken token = this.parser.nextToken();
				if (token == JsonToken.END_OBJECT) {
					if (this.parser.nextToken() != null) {
						throw malformed("The upload has more after its JSON object.");
					}
					this.ended = true;
					return null;
				}
				if (token != JsonToken.PROPERTY_NAME) {
					throw malformed("The upload is not valid JSON.");
				}
				String name = this.parser.currentName();
				if (!LISTS.containsKey(name)) {
					this.ended = true;
					throw ImportRejected.of("UNKNOWN_FIELD", "", name, "unknown field");
				}
				JsonToken value = this.parser.nextToken();
				if (value == JsonToken.VALUE_NULL) {
					continue;
				}
				if (value != JsonToken.START_ARRAY) {
					this.ended = true;
					throw ImportRejected.of("MALFORMED_REQUEST", "", name, "has the wrong type: a list is expected");
				}
				this.list = name;
				this.index = 0;
			}
			JsonToken token = this.parser.nextToken();
			if (token == JsonToken.END_ARRAY) {
				this.list = null;
				continue;
			}
			if (token == null) {
				throw malformed("The upload ends inside the list " + this.list + ".");
			}
			int at = this.index++;
			String where = ImportRows.RowNames.JSON.name(this.list, at);
			if (token == JsonToken.VALUE_NULL) {
				throw ImportRows.bad(where, "", "the row is empty");
			}
			if (token != JsonToken.START_OBJECT) {
				this.parser.skipChildren();
				throw ImportRejected.of("MALFORMED_REQUEST", where, "", "has the wrong type: an object is expected");
			}
			JsonNode element = this.elements.readValue(this.parser);
			return row(this.list, element, at, where);
		}
	}

	private ImportRows.Row row(String list, JsonNode element, int at, String where) {
		Object value;
		try {
			value = this.json.treeToValue(element, LISTS.get(list));
		}
		catch (UnrecognizedPropertyException ex) {
			throw ImportRejected.of("UNKNOWN_FIELD", where, String.valueOf(ex.getPropertyName()), "unknown field");
		}
		catch (DatabindException ex) {
			throw ImportRejected.of("MALFORMED_REQUEST", where, JsonPaths.of(ex), "has the wrong type");
		}
		if (value instanceof ImportRows.CompanyRow company) {
			return ImportRows.company(company, at, where);
		}
		if (value instanceof ImportRows.BillToRow billTo) {
			return ImportRows.billTo(billTo, at, where);
		}
		if (value instanceof ImportRows.ContractRow contract) {
			return ImportRows.contract(contract, at, where);
		}
		return ImportRows.serial((ImportRows.SerialRow) value, at, where);
	}

	private ImportRejected malformed(String message) {
		this.ended = true;
		return ImportRejected.of("MALFORMED_REQUEST", "", "", message);
	}

	@Override
	public void close() {
		this.parser.close();
	}

}
