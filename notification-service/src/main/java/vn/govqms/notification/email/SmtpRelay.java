package vn.govqms.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.temporal.ChronoUnit;

/**
 * The SMTP relay, behind SmallRye Fault Tolerance. A relay that accepts the connection and never answers would hold a
 * send (and with it the sender's round, and every later round, which are skipped while one runs) for ever, since
 * {@code quarkus.mailer.timeout} bounds only the blocking mailer, not this reactive one: a send not
 * done within the timeout fails like any other and is retried by the senders' own schedule, which lives in the database
 * (attempts, back-off, FAILED) so that it survives restarts. The limit is
 * {@code quarkus.fault-tolerance."vn.govqms.notification.email.SmtpRelay/send".timeout.value} (milliseconds).
 */
@ApplicationScoped
public class SmtpRelay {

    @Inject ReactiveMailer mailer;

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Uni<Void> send(Mail mail) {
        return mailer.send(mail);
    }
}
