package vn.govqms.notification.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.notification.event.IntegrationView;
import vn.govqms.notification.inbox.NotificationText;
import vn.govqms.notification.inbox.NotificationTexts;

/** A row of the event log as a stream sends it: the Vietnamese texts of its kind and the event's data. */
@ApplicationScoped
public class StreamItems {

    @Inject ObjectMapper json;

    LiveStream.Item item(Fact f, boolean integration) {
        try {
            JsonNode stored = json.readTree(f.data());
            // a one-stop-shop system's stream shows only the fields its REST reads allow, its texts made of those alone
            JsonNode data = integration ? IntegrationView.project(f.type(), stored).orElseThrow() : stored;
            NotificationText text = NotificationTexts.render(f.kind(), "vi", "CONTACT", data, f.agencyName(), f.dueDate());
            ObjectNode out = json.createObjectNode();
            out.put("seq", f.seq());
            out.put("eventId", f.eventId());
            out.put("type", f.type());
            out.put("kind", f.kind());
            out.put("agencyId", f.agencyId() == null ? null : f.agencyId().toString());
            out.put("agencyName", f.agencyName());
            out.put("provinceCode", f.provinceCode());
            out.put("title", text.title());
            out.put("happened", text.happened());
            out.put("action", text.action());
            out.put("dueDate", f.dueDate() == null ? null : f.dueDate().toString());
            out.put("link", f.link());
            out.put("receivedAt", f.receivedAt().toString());
            out.set("data", data);
            return new LiveStream.Item(f.seq(), f.kind(), json.writeValueAsString(out));
        } catch (Exception e) {
            throw new IllegalStateException("stream item " + f.seq() + ": " + e.getMessage(), e);
        }
    }
}
