package org.accessdesk.request;

/**
 * The row of the decision table (SPEC §5) that decided an item. Kept with the item
 * because rows that share a reason code tell the requester different things to do (D5 and
 * D6, D7 and D8).
 */
public enum Rule {

	D1, D2, D3, D4, D5, D6, D7, D8, A1, P1, P2, P3

}
