package org.accessdesk.mail;

import java.util.Date;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a batch, opened with the settings of Boot's
 * {@link JavaMailSenderImpl} ({@code spring.mail.*}) as it opens its own. We hold the
 * connection ourselves because {@code JavaMailSender.send(MimeMessage...)} tells which
 * mails the server accepted only once the whole batch is through, and each mail must be
 * marked SENT as soon as it is accepted. Like {@code JavaMailSenderImpl}, it connects on
 * the first mail and again after the server dropped the connection, and once connecting
 * fails, the rest of the batch fails with that failure without trying. Blocking (Jakarta
 * Mail): use it on {@code boundedElastic}, one mail at a time.
 */
final class SmtpConnection implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SmtpConnection.class);

	private final JavaMailSenderImpl settings;

	private @Nullable Transport transport;

	private @Nullable Exception cannotConnect;

	SmtpConnection(JavaMailSenderImpl settings) {
		this.settings = settings;
	}

	/** Sends one mail; returns once the server accepted it, throws when it did not. */
	void send(MimeMessage message) throws Exception {
		Transport open = open();
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		/*
		 * saveChanges() makes up a new Message-ID: keep the row's, which tells a resend.
		 */
		String messageId = message.getMessageID();
		message.saveChanges();
		if (messageId != null) {
			message.setHeader("Message-ID", messageId);
		}
		Address[] recipients = message.getAllRecipients();
		open.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
	}

	private Transport open() throws Exception {
		Exception failed = this.cannotConnect;
		if (failed != null) {
			throw failed;
		}
		Transport current = this.transport;
		if (current != null && current.isConnected()) {
			return current;
		}
		close();
		try {
			Transport connected = connect();
			this.transport = connected;
			return connected;
		}
		catch (AuthenticationFailedException ex) {
			// As JavaMailSender reports it, so that the operator reads the same error.
			MailAuthenticationException refused = new MailAuthenticationException(ex);
			this.cannotConnect = refused;
			throw refused;
		}
		catch (Exception ex) {
			this.cannotConnect = ex;
			throw ex;
		}
	}

	/** What {@code JavaMailSenderImpl.connectTransport()} does. */
	private Transport connect() throws MessagingException {
		String username = this.settings.getUsername();
		String password = this.settings.getPassword();
		if ("".equals(username)) {
			// An empty user (from a placeholder) means no authentication.
			username = null;
			if ("".equals(password)) {
				password = null;
			}
		}
		String protocol = this.settings.getProtocol();
		if (protocol == null) {
			protocol = this.settings.getSession().getProperty("mail.transport.protocol");
		}
		Transport connection = this.settings.getSession()
			.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
		connection.connect(this.settings.getHost(), this.settings.getPort(), username, password);
		return connection;
	}

	/**
	 * Says goodbye to the server. A failure here changes nothing: the server had already
	 * answered for every mail.
	 */
	@Override
	public void close() {
		Transport current = this.transport;
		this.transport = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (MessagingException ex) {
				logger.debug("Closing the SMTP connection failed", ex);
			}
		}
	}

}
