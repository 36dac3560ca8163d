package vn.govqms.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.sync.Changes;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Conditional reads of single resources, once for every service, so that no resource repeats it: a {@code GET} answered
 * 200 with one JSON object carries a strong {@code ETag} (the version the resource set, else a digest of the JSON
 * representation), and a request whose {@code If-None-Match} names it is answered 304 without a body. A mobile app
 * re-reading what it holds pays a status line. Lists (a {@link Page}, a sync feed's {@link Changes}, an array) are not
 * tagged: their changes come through the sync feeds, and a page's digest would cost a second serialisation of its items.
 */
@ApplicationScoped
public class ConditionalGet {

    @Inject ObjectMapper json;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !taggable(response.getEntity(),
                response.getMediaType())) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            tag = ETags.ofContent(json.writeValueAsBytes(response.getEntity()));
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (ETags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /** One JSON object: not a list, a page, a file or a stream. */
    static boolean taggable(Object entity, MediaType type) {
        if (entity == null || entity instanceof Page<?> || entity instanceof Changes<?> || entity instanceof Collection<?> || entity.getClass().isArray()
                || entity instanceof CharSequence || entity instanceof InputStream || entity instanceof File
                || entity instanceof Path) {
            return false;
        }
        return type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json");
    }
}
