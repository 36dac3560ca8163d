package vn.govqms.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker the tests and the local run start has every topic the services write before any of them starts. */
class KafkaBrokerTests {

    @Test
    void createsTheServicesTopicsAndEveryDeadLetterTopicTheyName(@TempDir Path logs) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(logs, Ports.free(), Ports.free());
             Admin admin = KafkaBroker.admin(broker.bootstrapServers(), Map.of())) {
            KafkaBroker.createTopics(broker.bootstrapServers(), 3);
            KafkaBroker.createTopics(broker.bootstrapServers(), 3); // again, as every start of the local run does: nothing to do
            Map<String, TopicDescription> topics = admin.describeTopics(KafkaBroker.topicsToCreate()).allTopicNames().get(30, TimeUnit.SECONDS);
            // scoring-service dead-letters the provinces' dossier events to the topic its channel names, not <topic>.dlq
            assertTrue(topics.containsKey("scoring.dossier-events.dlq"), topics.keySet().toString());
            assertEquals(1, topics.get("scoring.dossier-events.dlq").partitions().size());
            assertEquals(3, topics.get("document.events").partitions().size());
            assertEquals(1, topics.get("document.events.dlq").partitions().size());
        }
    }
}
