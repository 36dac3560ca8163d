package vn.govqms.kit.events;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Optional;

/**
 * {@code govqms.dead-letters.*}: where a channel's poison records go. By default each goes to {@code <topic>.dlq} beside the
 * topic it came from; a channel subscribed by pattern (scoring-service's provinces' dossier topics) names one topic of its
 * own instead, so that its Kafka user needs no write access to the topics it reads (the {@code dead-letter-topic} header
 * keeps the source).
 */
@ConfigMapping(prefix = "govqms.dead-letters")
public interface DeadLetterConfig {

    /** By incoming channel name: the dead-letter topic of every record that channel reads. */
    Map<String, String> topics();

    /** The dead-letter topic of {@code channel}, if it names one. */
    default Optional<String> topicOf(String channel) {
        return Optional.ofNullable(topics().get(channel));
    }
}
