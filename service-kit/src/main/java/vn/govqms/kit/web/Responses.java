package vn.govqms.kit.web;

import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * The answers of the writes, one way in every service: a create answers 201 with the new resource's address in
 * {@code Location}, and a versioned resource carries its version as {@code ETag} so that the next write can send it
 * back in {@code If-Match} (see {@link ETags}).
 */
public final class Responses {

    private Responses() {
    }

    /** 201 at {@code location} with the created resource and its version as ETag. */
    public static <T> RestResponse<T> created(String location, T body, long version) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(body).tag(ETags.of(version)).build();
    }

    /** 201 at {@code location}, for a resource that is not updated through If-Match. */
    public static <T> RestResponse<T> created(String location, T body) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(body).build();
    }

    /** 200 with the resource and its version as ETag. */
    public static <T> RestResponse<T> tagged(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(ETags.of(version)).build();
    }
}
