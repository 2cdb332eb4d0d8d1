package org.accessdesk.request.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * {@code "identifiers": "91000001, 91000002"} or {@code ["91000001", "91000002"]}: people
 * paste a list, programs send an array. Anything else (numbers, objects, nested arrays)
 * is the wrong type.
 */
class OneOrManyStrings extends ValueDeserializer<List<String>> {

	@Override
	public List<String> deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return List.of(parser.getString());
		}
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			return (List<String>) context.handleUnexpectedToken(List.class, parser);
		}
		List<String> values = new ArrayList<>();
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token != JsonToken.VALUE_STRING) {
				return (List<String>) context.handleUnexpectedToken(List.class, parser);
			}
			values.add(parser.getString());
		}
		return values;
	}

}
