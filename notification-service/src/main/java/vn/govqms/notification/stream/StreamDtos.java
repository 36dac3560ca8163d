package vn.govqms.notification.stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class StreamDtos {

    private StreamDtos() {
    }

    @Schema(name = "StreamTicketInput", example = """
            {"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15"}""")
    public record StreamTicketInput(
            @Schema(description = "Narrow the stream to one agency the caller reads (checked now; the stream opened with the ticket "
                    + "shows that agency only)", example = "6f1c2a9e-1d3b-4c55-9a51-0c2f0f4b8e21") UUID agencyId) {
    }

    @Schema(name = "StreamTicket", description = "A ticket to open the live stream once, without an Authorization header "
            + "(a browser's EventSource): GET streamUrl within its validity")
    public record StreamTicketView(
            @Schema(description = "Opaque, single use; not a token", example = "q3J6c1lH0e3mX8yq7YtR1k2wq9Vb4nA5sD6fG7hJ8kL") String ticket,
            @Schema(example = "2026-12-05T09:31:00+07:00") OffsetDateTime expiresAt,
            @Schema(description = "The stream's address with the ticket (relative to this service)",
                    example = "/api/v1/notifications/stream?ticket=q3J6c1lH0e3mX8yq7YtR1k2wq9Vb4nA5sD6fG7hJ8kL") String streamUrl) {
    }
}
