package vn.govqms.deploy;

import org.junit.jupiter.api.Test;
import vn.govqms.local.KafkaBroker;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker of the tests, the local run and the bench (deploy/parts) creates every topic a service writes before the
 * services start: a dead-letter topic a channel names (govqms.dead-letters.topics.CHANNEL) that it does not create is
 * auto-created by the first poison record, with the broker's defaults, and is missing until then for whoever reads it.
 */
class LocalTopicsTests {

    @Test
    void theLocalBrokerCreatesEveryTopicTheServicesWrite() {
        Set<String> written = new TreeSet<>();
        Repo.SERVICES.forEach(s -> written.addAll(Repo.writtenTopics(s)));
        Set<String> missing = new TreeSet<>(written);
        missing.removeAll(KafkaBroker.topicsToCreate());
        assertTrue(missing.isEmpty(), "deploy/parts KafkaBroker does not create " + missing + " (written: " + written + ")");
        assertTrue(written.contains("scoring.dossier-events.dlq"), written.toString());
    }
}
