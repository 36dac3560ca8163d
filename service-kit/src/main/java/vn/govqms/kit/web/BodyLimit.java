package vn.govqms.kit.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.govqms.kit.problem.Problem;

/**
 * Refuses a request whose declared body is over {@code quarkus.http.limits.max-body-size} with a
 * 413 problem before reading it (the HTTP layer would answer the same status without a problem body).
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                JsonObject body = new JsonObject()
                        .put("type", Problem.TYPE_BASE + "payload-too-large")
                        .put("title", "Payload too large")
                        .put("status", 413)
                        .put("detail", "The request body (" + declared + " bytes) is over the limit of " + limit + " bytes.")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body.encode());
                return;
            }
            ctx.next();
        });
    }
}
