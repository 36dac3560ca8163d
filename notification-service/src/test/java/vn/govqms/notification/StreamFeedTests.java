package vn.govqms.notification;

import vn.govqms.local.testing.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.govqms.local.testing.RealPartsTestResource;
import vn.govqms.local.testing.TestTokens;
import vn.govqms.notification.StreamTests.Listener;
import vn.govqms.notification.stream.StreamFeed;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streams of an instance share one poller (one query per tick, however many are open) and are bounded per caller and per
 * instance ({@code %test}: 3 and 12), beyond which opening one is refused with 429 and Retry-After.
 */
@QuarkusTest
@WithTestResource(value = RealPartsTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "mail", value = "true")})
class StreamFeedTests {

    @TestHTTPResource("/api/v1/notifications/stream")
    URL stream;

    @Inject
    StreamFeed feed;

    static String scoreChanged(String agency, String province) {
        return """
                {"agencyId":"%s","provinceCode":"%s","year":2026,"previousScore":71.0,"score":74.5,"previousBand":"FAIR","band":"FAIR",
                 "bandLabel":"Khá","cause":"vn.govqms.audit.audit.completed.v1"}""".formatted(agency, province);
    }

    @Test
    void manyOpenStreamsShareOneQueryPerTick() throws Exception {
        String agency = Fixtures.agency("40", "Sở Khoa học và Công nghệ tỉnh Nghệ An");
        List<Listener> open = new ArrayList<>();
        try {
            int before = feed.open();
            // six streams of three callers: a province dashboard, the agency's viewers
            for (String token : List.of(TestTokens.provinceAdmin("40"), TestTokens.agencyRole("viewer", agency, "40"),
                    TestTokens.agencyRole("agency-head", agency, "40"))) {
                open.add(new Listener(stream.toURI(), token, null));
                open.add(new Listener(URI.create(stream + "?agencyId=" + agency), token, null));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> open.stream().allMatch(l -> l.status == 200) && feed.open() >= before + 6);
            long ticks = feed.ticks();
            long polls = feed.polls();
            await().atMost(Duration.ofSeconds(20)).until(() -> feed.ticks() >= ticks + 10);
            long tickCount = feed.ticks() - ticks;
            long pollCount = feed.polls() - polls;
            // one query per tick for all of them (one polling per stream would be six per tick)
            assertTrue(pollCount <= tickCount + 1, pollCount + " queries in " + tickCount + " ticks");
            assertTrue(pollCount > 0, "the poller reads while streams are open");

            // and every stream receives what it admits from that one read
            Fixtures.publish("scoring", "score.changed", agency, scoreChanged(agency, "40"));
            await().atMost(Duration.ofSeconds(30)).until(() -> open.stream().allMatch(l -> l.events.stream().anyMatch(e -> e.event().equals("score.changed")
                    && e.data().contains(agency))));
        } finally {
            open.forEach(Listener::close);
        }
    }

    @Test
    void streamsAreCappedPerCallerAndPerInstance() throws Exception {
        String agency = Fixtures.agency("40", "Sở Tư pháp tỉnh Nghệ An");
        String viewer = TestTokens.agencyRole("viewer", agency, "40");
        int before = feed.open();
        List<Listener> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(new Listener(stream.toURI(), viewer, null));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> open.stream().allMatch(l -> l.status == 200));

            // a fourth of the same person's: refused before the stream opens
            Listener fourth = new Listener(stream.toURI(), viewer, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> fourth.status != 0);
            assertEquals(429, fourth.status);
            assertEquals("30", fourth.retryAfter);
            assertTrue(fourth.problem().getString("type").endsWith("too-many-streams"), fourth.body);
            assertEquals(429, fourth.problem().getInt("status"));
            assertEquals(30, fourth.problem().getInt("retryAfterSeconds"));

            // one closed, the place is given back
            int openBeforeClose = feed.open();
            open.remove(0).close();
            // the place is free once the instance has seen the stream end (the close is asynchronous)
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.open() < openBeforeClose);
            Listener again = new Listener(stream.toURI(), viewer, null);
            open.add(again);
            await().atMost(Duration.ofSeconds(10)).until(() -> again.status != 0);
            assertEquals(200, again.status);

            // others fill the instance up to its 12 (whatever other tests left open counts too)
            int caller = 0;
            while (feed.open() < 12) {
                int n = feed.open();
                Listener l = new Listener(stream.toURI(), TestTokens.person("dashboard-" + (caller++ / 3) + "-" + agency, "viewer", agency, "40"), null);
                open.add(l);
                await().atMost(Duration.ofSeconds(10)).until(() -> l.status != 0 && feed.open() > n);
                assertEquals(200, l.status);
            }
            Listener beyond = new Listener(stream.toURI(), TestTokens.person("one-more-" + agency, "viewer", agency, "40"), null);
            await().atMost(Duration.ofSeconds(10)).until(() -> beyond.status != 0);
            assertEquals(429, beyond.status);
            assertEquals("30", beyond.retryAfter);
            assertTrue(beyond.problem().getString("detail").contains("This instance"), beyond.body);
        } finally {
            open.forEach(Listener::close);
        }
        // a client that goes away gives its place back
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.open() <= before);
    }
}
