package org.accessdesk.registry;

/**
 * Who delivers a contract's technical support: the vendor directly (SMARTnet-type), or a
 * partner.
 */
public enum SupportModel {

	DIRECT, PARTNER

}
