package vn.govqms.kit.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.govqms.kit.problem.ProblemException;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where callers are rate-limited: every write (POST, PUT, PATCH, DELETE) against
 * {@code govqms.rate-limit.writes}, every method marked {@link ExpensiveRead} against
 * {@code govqms.rate-limit.expensive-reads}, per caller subject and per instance. Past the limit:
 * 429 problem+json with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final boolean enabled;
    private final RateLimits writes;
    private final RateLimits expensiveReads;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimitConfig config, CurrentIdentityAssociation identities) {
        this.enabled = config.enabled();
        this.writes = new RateLimits("writes", config.writes().requests(), config.writes().window(), config.maxCallers(),
                config.writes().callers());
        this.expensiveReads = new RateLimits("expensive-reads", config.expensiveReads().requests(),
                config.expensiveReads().window(), config.maxCallers(), config.expensiveReads().callers());
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        RateLimits limits = WRITES.contains(request.getMethod()) ? writes : expensive(resource, request) ? expensiveReads : null;
        if (limits == null) {
            return Uni.createFrom().voidItem();
        }
        String what = limits == writes ? "writes" : "exports, rankings, reports or searches";
        return identities.getDeferredIdentity().map(identity -> {
            Optional<Duration> wait = limits.take(subject(identity, http));
            if (wait.isPresent()) {
                throw ProblemException.tooManyRequests("rate-limited",
                        "Too many " + what + " from you in a short time; retry after the Retry-After seconds.", wait.get());
            }
            return null;
        });
    }

    private static boolean expensive(ResourceInfo resource, ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        ExpensiveRead mark = method.isAnnotationPresent(ExpensiveRead.class) ? method.getAnnotation(ExpensiveRead.class)
                : method.getDeclaringClass().getAnnotation(ExpensiveRead.class);
        if (mark == null) {
            return false;
        }
        if (mark.when().length == 0) {
            return true;
        }
        var query = request.getUriInfo().getQueryParameters();
        for (String name : mark.when()) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The token's subject; an anonymous caller is counted by its address. */
    private static String subject(SecurityIdentity identity, HttpServerRequest http) {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous@" + (http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress());
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
