package org.accessdesk.live;

import io.netty.channel.ChannelOption;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Optionally caps each connection's kernel send buffer
 * ({@code accessdesk.live.send-buffer}). By default the kernel grows it up to
 * {@code net.ipv4.tcp_wmem} (often 4 MB) for a client that does not read — memory a
 * server holding thousands of streams may want to bound; with a cap, a slow stream backs
 * up into its own event buffer sooner and is cut off (it resumes with Last-Event-ID).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("accessdesk.live.send-buffer")
class StreamSocketBuffers {

	@Bean
	NettyServerCustomizer cappedSendBuffer(org.springframework.core.env.Environment environment) {
		int bytes = (int) DataSize.parse(environment.getRequiredProperty("accessdesk.live.send-buffer")).toBytes();
		return (server) -> server.childOption(ChannelOption.SO_SNDBUF, bytes);
	}

}
