package vn.govqms.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.notification.inbox.NotificationText;

import java.util.List;

/** E-mails from the Qute templates in {@code templates/email/}: subject, HTML and text, in Vietnamese or English. */
@ApplicationScoped
public class EmailRenderer {

    /** One notification of a digest. */
    @TemplateData
    public record DigestItem(NotificationText text, String link) {
    }

    @Inject Engine engine;

    public Mail notification(String to, String name, String language, long id, NotificationText text, String link, String linkService) {
        String lang = "en".equals(language) ? "en" : "vi";
        String html = engine.getTemplate("email/notification-" + lang + ".html").data("name", name).data("text", text)
                .data("link", link).data("linkService", linkService).data("id", id).render();
        String plain = engine.getTemplate("email/notification-" + lang + ".txt").data("name", name).data("text", text)
                .data("link", link).data("linkService", linkService).data("id", id).render();
        return Mail.withHtml(to, "[GovQMS] " + text.title(), html).setText(plain);
    }

    public Mail digest(String to, String name, String language, List<DigestItem> items) {
        String lang = "en".equals(language) ? "en" : "vi";
        String html = engine.getTemplate("email/digest-" + lang + ".html").data("name", name).data("items", items).render();
        String plain = engine.getTemplate("email/digest-" + lang + ".txt").data("name", name).data("items", items).render();
        String subject = "en".equals(lang) ? "[GovQMS] Daily digest: " + items.size() + " notification(s)"
                : "[GovQMS] Bản tin thông báo hằng ngày: " + items.size() + " thông báo";
        return Mail.withHtml(to, subject, html).setText(plain);
    }
}
