package org.accessdesk.mail;

import java.net.ConnectException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures end a mail at once and which wait for another try — on the exceptions
 * Angus Mail (Boot's Jakarta Mail) actually throws for each SMTP reply.
 */
class SmtpFailuresTests {

	@Test
	void aRecipientRefusedWith5xxIsPermanentAsTheSendFailureThatCarriesIt() throws Exception {
		InternetAddress nobody = new InternetAddress("nobody@example.com");
		SMTPAddressFailedException refused = new SMTPAddressFailedException(nobody, "RCPT TO:<nobody@example.com>", 550,
				"550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown");
		SendFailedException send = new SendFailedException("Invalid Addresses", refused, new InternetAddress[0],
				new InternetAddress[0], new InternetAddress[] { nobody });
		assertThat(SmtpFailures.isPermanent(refused)).isTrue();
		assertThat(SmtpFailures.isPermanent(send)).isTrue();
		assertThat(SmtpFailures.describe(send)).contains("550 5.1.1", "User unknown");
	}

	@Test
	void aRecipientDeferredWith4xxIsTriedAgain() throws Exception {
		InternetAddress busy = new InternetAddress("busy@example.com");
		SMTPAddressFailedException greylisted = new SMTPAddressFailedException(busy, "RCPT TO:<busy@example.com>", 450,
				"450 4.2.0 Greylisted, try again later");
		assertThat(SmtpFailures.isPermanent(greylisted)).isFalse();
	}

	@Test
	void aMessageRefusedWith5xxIsPermanentAnd4xxIsNot() {
		InternetAddress[] none = new InternetAddress[0];
		assertThat(SmtpFailures.isPermanent(
				new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected as spam", null, none, none, none)))
			.isTrue();
		assertThat(SmtpFailures.isPermanent(new SMTPSendFailedException("DATA", 452,
				"452 4.3.1 Insufficient system storage", null, none, none, none)))
			.isFalse();
	}

	@Test
	void aServerThatCannotBeReachedIsTriedAgain() {
		MailConnectException down = new MailConnectException(new SocketConnectException("Connection refused",
				new ConnectException("Connection refused"), "127.0.0.1", 25, 5000));
		assertThat(SmtpFailures.isPermanent(down)).isFalse();
		assertThat(SmtpFailures.isPermanent(new MessagingException("Could not connect to SMTP host"))).isFalse();
		assertThat(SmtpFailures.describe(down)).contains("Connection refused");
	}

	@Test
	void aMalformedAddressIsPermanent() {
		assertThat(SmtpFailures.isPermanent(new AddressException("Domain contains dot-dot", "a@example..com")))
			.isTrue();
	}

}
