package vn.govqms.local;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that keeps every message it receives: the local run
 * and the tests point the notification service's mailer at it and read what actually arrived.
 */
public final class MailCatcher implements AutoCloseable {

    /** A received message, reduced to what tests and operators look at. */
    public record Mail(List<String> to, String from, String subject, String text, String html) {
    }

    private final GreenMail server;
    private final int port;

    private MailCatcher(GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MailCatcher start(int port) {
        GreenMail server = new NoDelayGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailCatcher(server, port);
    }

    public int port() {
        return port;
    }

    /** Every message received so far, oldest first (one per recipient address). */
    public List<Mail> messages() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            mails.add(read(m));
        }
        return mails;
    }

    /** Messages addressed to {@code address}. */
    public List<Mail> messagesTo(String address) {
        return messages().stream().filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    /** The local run: every received message is also written to {@code dir} as an .eml file, every 2 s. */
    public void keepWritingTo(Path dir) {
        Thread writer = new Thread(() -> {
            int written = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    MimeMessage[] received = server.getReceivedMessages();
                    if (received.length > written) {
                        Files.createDirectories(dir);
                    }
                    for (; written < received.length; written++) {
                        try (var out = Files.newOutputStream(dir.resolve(String.format("%06d.eml", written + 1)))) {
                            received[written].writeTo(out);
                        }
                    }
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    Logger.getLogger(MailCatcher.class.getName()).warning("writing mail: " + e);
                }
            }
        }, "govqms-mail-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            List<String> recipients = to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
            String from = m.getFrom() == null || m.getFrom().length == 0 ? null : m.getFrom()[0].toString();
            String[] bodies = new String[2];
            collect(m, bodies);
            return new Mail(recipients, from, m.getSubject(), bodies[0], bodies[1]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    /** bodies[0] = text/plain, bodies[1] = text/html, from a single part or a multipart tree. */
    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = part.getContent().toString();
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = part.getContent().toString();
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                collect(bp, bodies);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * GreenMail writes each line of a reply with a flush of its own. With Nagle's algorithm on its sockets the second
     * line of a multi-line reply (EHLO's) waited for the client's delayed ACK, about 40 ms per message: 21 e-mails/s
     * for one client sending one after the other, 331/s with TCP_NODELAY on the accepted sockets (MailCatcherTests).
     */
    private static final class NoDelayGreenMail extends GreenMail {

        NoDelayGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(config, managers);
            for (ServerSetup setup : config) {
                if (setup.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
                    services.put(setup.getProtocol(), new NoDelaySmtpServer(setup, managers));
                }
            }
            return services;
        }
    }

    private static final class NoDelaySmtpServer extends SmtpServer {

        NoDelaySmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket client) {
            try {
                client.setTcpNoDelay(true);
            } catch (SocketException e) {
                throw new UncheckedIOException(e);
            }
            return super.createProtocolHandler(client);
        }
    }
}
