package vn.govqms.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import vn.govqms.local.LocalStack.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service, one broker, one database per service (issue 17.6). A decree amendment fans out to
 * {@value #DEFAULT_AGENCIES} agencies (one review task each in document-service, a review track each in scoring-service,
 * an inbox notification each in notification-service); while it does, the first instance of every service is killed
 * with SIGKILL. The second instances take over: each consumer group gives the dead members' partitions to the survivors
 * within seconds of the broker noticing (the session timeout), and the outbox relay's lock goes to the surviving
 * document-service, which publishes what the dead one left and what is written after it died. The killed instances
 * are started again and the second ones restarted (a rolling restart): in the end every task, track and notification
 * exists exactly once. Long (thousands of REST calls, twelve JVM starts): run by {@code -Pfaults}.
 */
class MultiInstanceIT {

    static final int DEFAULT_AGENCIES = 2000;
    static final int AGENCIES = Integer.getInteger("govqms.e2e.multi-instance.agencies", DEFAULT_AGENCIES);
    static final List<String> SERVICES = List.of("document-service", "audit-service", "scoring-service", "notification-service");
    /** The consumer groups of document.events (group id = the service's name, the kit's document-events channel). */
    static final List<String> GROUPS = List.of("audit-service", "scoring-service", "notification-service");
    static final String TOPIC = "document.events";
    /** The kit's kafka.session.timeout.ms: how long the broker waits for a killed member's heartbeat. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    static final String P = "86";
    /** The agencies of this test: codes {@code NNN.NN.66.H86}. */
    static final String CODES = "%.66.H86";

    @Test
    void aFanOutSurvivesKilledAndRestartedInstancesWithEveryEffectExactlyOnce() throws Exception {
        Api api = Api.get();
        FaultyStack stack = api.stack();
        String admin = api.token("province-admin", null, P);
        api.activeCriteriaSet(P, "Vĩnh Long");
        String decree = api.legalDocument(P, """
                {"number":"61/2023/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư",
                 "issuedDate":"2023-08-16","effectiveDate":"2023-10-05"}""");
        Map<String, Service> second = new LinkedHashMap<>();
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            int partitions = kafka.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC).partitions().size();
            assertTrue(partitions >= 2, "two instances need at least two partitions of " + TOPIC + ": " + partitions);
            Map<String, Set<String>> firstMembers = new LinkedHashMap<>();
            for (String g : GROUPS) {
                firstMembers.put(g, memberIds(kafka, g));
            }

            // the second instances first: the agencies' registration already spreads over both
            long t0 = System.nanoTime();
            second.putAll(inParallel(SERVICES, stack::startInstance));
            System.out.printf("e2e: a second instance of each service ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            for (String g : GROUPS) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, Set<TopicPartition>> members = assignments(kafka, g);
                    assertEquals(2 * firstMembers.get(g).size(), members.size(), g + ": both instances' members");
                    assertTrue(members.keySet().stream().anyMatch(m -> !firstMembers.get(g).contains(m) && !members.get(m).isEmpty()),
                            g + ": the second instance consumes partitions of " + TOPIC + ": " + members);
                });
            }

            // thousands of agencies, an ISO officer each, a procedure each citing the decree (by SQL: the rows issuing writes)
            List<String> agencies = register(api, admin);
            for (String db : List.of("audit-service", "scoring-service", "notification-service")) {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        stack.count(db, "select count(*) from agency_directory where code like '" + CODES + "'", null) == AGENCIES);
            }
            inParallel(agencies, a -> {
                api.contact(a, P, "ISO_OFFICER", "iso-officer", "Cán bộ đầu mối ISO", "iso." + a + "@vinhlong.gov.vn");
                return a;
            });
            stack.execute("document-service", """
                    insert into controlled_document (id, agency_id, code, title, search_text, type, current_revision, version, created_at, updated_at)
                    select gen_random_uuid(), a.id, 'QT-MC-01', 'Quy trình tiếp nhận hồ sơ một cửa', 'quy trinh tiep nhan ho so mot cua',
                           'OPERATIONAL_PROCEDURE', 1, 0, now(), now()
                    from agency a where a.code like '%s'""".formatted(CODES), """
                    insert into document_version (id, document_id, revision, status, content, effective_date, issued_by, issued_at, version, created_at, updated_at)
                    select gen_random_uuid(), d.id, 1, 'ISSUED', '{"legalBasisIds":["%s"],"steps":[{"order":1,"name":"Tiếp nhận hồ sơ","responsibleUnit":"Bộ phận Một cửa","durationDays":1}]}',
                           date '2022-01-01', 'e2e', now(), 0, now(), now()
                    from controlled_document d join agency a on a.id = d.agency_id where a.code like '%s'""".formatted(decree, CODES), """
                    insert into document_version_legal_basis (version_id, legal_document_id)
                    select v.id, '%s' from document_version v join controlled_document d on d.id = v.document_id
                    join agency a on a.id = d.agency_id where a.code like '%s'""".formatted(decree, CODES));
            String[] ids = agencies.toArray(String[]::new);

            // the amendment fans out; the first instance of every service dies while it does
            long published = published(second.get("document-service"));
            api.document(api.token("national-admin", null, null)).body("""
                    {"number":"151/2025/NĐ-CP","type":"DECREE","issuer":"Chính phủ","title":"Sửa đổi, bổ sung một số điều của Nghị định 61/2023/NĐ-CP",
                     "issuedDate":"2025-09-03","effectiveDate":"2025-09-03",
                     "relations":[{"kind":"AMENDS","targetNumber":"61/2023/NĐ-CP","articles":"Điều 1"}]}""")
                    .post("/api/v1/legal-documents").then().statusCode(201);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> tracks(stack, ids) + notifications(stack, ids) > 0);
            long killed = System.nanoTime();
            inParallel(SERVICES, s -> {
                stack.killInstance(stack.service(s));
                return s;
            });
            System.out.printf("e2e: first instances killed with %d of %d tasks, %d tracks, %d notifications in place%n",
                    tasks(stack, decree), AGENCIES, tracks(stack, ids), notifications(stack, ids));

            // every group gives the dead members' partitions to the survivors: within seconds of the session timeout
            Map<String, Duration> resumed = new LinkedHashMap<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (String g : GROUPS) {
                    if (!resumed.containsKey(g)) {
                        Map<String, Set<TopicPartition>> members = assignments(kafka, g);
                        Set<TopicPartition> owned = members.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
                        if (members.keySet().stream().noneMatch(firstMembers.get(g)::contains) && owned.size() == partitions) {
                            resumed.put(g, Duration.ofNanos(System.nanoTime() - killed));
                        }
                    }
                }
                return resumed.size() == GROUPS.size();
            });
            System.out.printf("e2e: the survivors own every partition of %s after %s%n", TOPIC, resumed.entrySet().stream()
                    .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue().toMillis() / 1e3)).collect(Collectors.joining(", ")));
            Duration goal = SESSION_TIMEOUT.plus(BrokerOutageIT.RESUME_WITHIN == null ? Duration.ofSeconds(20) : BrokerOutageIT.RESUME_WITHIN);
            resumed.forEach((g, d) -> assertTrue(d.compareTo(goal) <= 0, g + " took the dead instance's partitions after " + d));

            // the relay's lock is the survivor's: it publishes what was pending and what is written now
            String late = given().baseUri(second.get("document-service").baseUrl()).auth().oauth2(admin).contentType("application/json")
                    .body("""
                            {"code":"999.99.66.H86","name":"UBND xã Long Hồ","level":"COMMUNE","provinceCode":"%s","validFrom":"2025-07-01"}"""
                            .formatted(P)).post("/api/v1/agencies").then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertEquals(0, stack.count("document-service", "select count(*) from outbox where sent_at is null", null));
                assertEquals(1, stack.count("scoring-service", "select count(*) from agency_directory where id::text = any(?)",
                        new String[] {late}));
            });
            System.out.printf("e2e: the surviving document-service published %d events since the amendment%n",
                    published(second.get("document-service")) - published);
            assertTrue(published(second.get("document-service")) > published, "the survivor relays");

            // the killed instances come back; then the second ones are restarted (a rolling restart: of each service one
            // instance is down at a time; the four services side by side)
            inParallel(SERVICES, s -> {
                stack.restartService(s);
                return s;
            });
            inParallel(SERVICES, s -> {
                stack.stopInstance(second.get(s));
                stack.restartInstance(second.get(s));
                return s;
            });
            System.out.printf("e2e: killed, restarted and rolled %.1f s after the kill%n", (System.nanoTime() - killed) / 1e9);

            // every effect exactly once: a task, a track, an inbox notification per agency; and nothing more arrives
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> tracks(stack, ids) >= AGENCIES && notifications(stack, ids) >= AGENCIES);
            System.out.printf("e2e: every effect in place %.1f s after the kill%n", (System.nanoTime() - killed) / 1e9);
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                    .until(() -> tracks(stack, ids) == AGENCIES && notifications(stack, ids) == AGENCIES);
            assertEquals(AGENCIES, tasks(stack, decree));
            assertEquals(AGENCIES, stack.count("document-service",
                    "select count(distinct agency_id) from review_task where cause_id::text = '" + decree + "'", null));
            assertEquals(AGENCIES, stack.count("scoring-service", "select count(distinct agency_id) from review_track where agency_id::text = any(?)", ids));
            assertEquals(AGENCIES, stack.count("notification-service", """
                    select count(distinct agency_id) from notification
                    where agency_id::text = any(?) and kind = 'procedure-review.required' and channel = 'INBOX'""", ids));
        } finally {
            second.values().forEach(stack::stopInstance);
        }
    }

    /** The agencies, registered through document-service's REST API (8 in flight); their ids. */
    private static List<String> register(Api api, String admin) {
        return inParallel(IntStream.range(0, AGENCIES).boxed().toList(), k -> api.document(admin).body("""
                        {"code":"%03d.%02d.66.H%s","name":"UBND xã số %d tỉnh Vĩnh Long","level":"COMMUNE","provinceCode":"%s","validFrom":"2018-10-01"}"""
                        .formatted(100 + k / 100, k % 100, P, k + 1, P))
                .post("/api/v1/agencies").then().statusCode(201).extract().<String>path("id")).values().stream().toList();
    }

    private static long tasks(FaultyStack stack, String decree) {
        return stack.count("document-service", "select count(*) from review_task where cause_id::text = '" + decree + "'", null);
    }

    private static long tracks(FaultyStack stack, String[] agencies) {
        return stack.count("scoring-service", "select count(*) from review_track where agency_id::text = any(?)", agencies);
    }

    private static long notifications(FaultyStack stack, String[] agencies) {
        return stack.count("notification-service", """
                select count(*) from notification where agency_id::text = any(?) and kind = 'procedure-review.required' and channel = 'INBOX'""",
                agencies);
    }

    /** What the instance's outbox relay has published since it started ({@code govqms_outbox_published_total}). */
    private static long published(Service instance) {
        String metrics = given().baseUri(instance.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        return (long) metrics.lines().filter(l -> l.startsWith("govqms_outbox_published_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static Set<String> memberIds(Admin kafka, String group) throws Exception {
        return assignments(kafka, group).keySet();
    }

    /** The group's members (of every channel in it) and the partitions of document.events each holds. */
    private static Map<String, Set<TopicPartition>> assignments(Admin kafka, String group) throws Exception {
        ConsumerGroupDescription d = kafka.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
        Map<String, Set<TopicPartition>> members = new LinkedHashMap<>();
        for (MemberDescription m : d.members()) {
            Set<TopicPartition> mine = new HashSet<>();
            m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(TOPIC)).forEach(mine::add);
            members.put(m.consumerId(), mine);
        }
        return members;
    }

    /** Runs {@code work} on each item, 8 at a time; the results in the items' order. */
    private static <T, R> Map<T, R> inParallel(List<T> items, Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(CompletableFuture.supplyAsync(() -> work.apply(item), pool));
            }
            Map<T, R> results = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                results.put(items.get(i), futures.get(i).join());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
