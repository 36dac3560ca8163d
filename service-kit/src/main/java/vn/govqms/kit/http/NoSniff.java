package vn.govqms.kit.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code X-Content-Type-Options: nosniff} on every response of the service (REST, problems, health, OpenAPI,
 * the HTTP layer's own refusals): a browser must not take an uploaded file or a JSON body for a script or a page.
 */
@ApplicationScoped
public class NoSniff {

    void install(@Observes Router router) {
        // before every other route (the body limit is at -1000), and set when the headers go out so no handler drops it
        router.route().order(-2000).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set("X-Content-Type-Options", "nosniff"));
            ctx.next();
        });
    }
}
