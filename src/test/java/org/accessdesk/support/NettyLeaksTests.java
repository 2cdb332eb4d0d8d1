package org.accessdesk.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak check lets exactly one shape of leak pass (the driver's, on a connection that
 * closed before the query was sent) and fails on everything else.
 */
class NettyLeaksTests {

	static final String CLOSED_BEFORE_SENT = """
			#1:
				io.r2dbc.postgresql.ExtendedFlowDelegate$ExtendedFlowOperator.close(ExtendedFlowDelegate.java:338)
				io.r2dbc.postgresql.client.ReactorNettyClient$Conversation.onError(ReactorNettyClient.java:744)
				io.r2dbc.postgresql.client.ReactorNettyClient.handleConnectionError(ReactorNettyClient.java:567)
			Created at:
				io.netty.buffer.AbstractByteBufAllocator.buffer(AbstractByteBufAllocator.java:96)
				io.r2dbc.postgresql.codec.AbstractNumericCodec.doEncodeNumber(AbstractNumericCodec.java:109)
			""";

	static final String CANCELLED_BEFORE_SENT = """
			#1:
				io.r2dbc.postgresql.ExtendedFlowDelegate$ExtendedFlowOperator.close(ExtendedFlowDelegate.java:338)
				reactor.core.publisher.FluxDoFinally$DoFinallySubscriber.cancel(FluxDoFinally.java:134)
			Created at:
				io.netty.buffer.AbstractByteBufAllocator.buffer(AbstractByteBufAllocator.java:96)
				io.r2dbc.postgresql.codec.StringCodec.doEncode(StringCodec.java:69)
			""";

	static final String OURS_ON_A_CLOSED_CONNECTION = """
			#1:
				io.r2dbc.postgresql.client.ReactorNettyClient.handleClose(ReactorNettyClient.java:558)
			Created at:
				io.netty.buffer.AbstractByteBufAllocator.buffer(AbstractByteBufAllocator.java:96)
				org.springframework.http.codec.AbstractJacksonEncoder.encodeValue(AbstractJacksonEncoder.java:250)
			""";

	@Test
	void onlyTheDriversUnsentQueryOnAClosedConnectionIsLetThrough() {
		assertThat(NettyLeaks.isUnsentQueryOnAClosedConnection(CLOSED_BEFORE_SENT)).isTrue();
		assertThat(NettyLeaks.isUnsentQueryOnAClosedConnection(CANCELLED_BEFORE_SENT)).isFalse();
		assertThat(NettyLeaks.isUnsentQueryOnAClosedConnection(OURS_ON_A_CLOSED_CONNECTION)).isFalse();
		assertThat(NettyLeaks.isUnsentQueryOnAClosedConnection("")).isFalse();
	}

}
