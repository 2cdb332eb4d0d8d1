package org.accessdesk.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whom a per-address limit counts: the connection's peer (the forwarded client behind a
 * trusted proxy, with {@code server.forward-headers-strategy=native}). An IPv6 client
 * counts by its /64 — one subscriber's network, which hands out 2^64 addresses — so that
 * changing the interface id does not buy a fresh budget.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote == null || remote.getAddress() == null) ? "unknown" : of(remote.getAddress());
	}

	static String of(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		return address.getHostAddress();
	}

}
