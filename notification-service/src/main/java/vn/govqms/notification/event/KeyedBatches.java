package vn.govqms.notification.event;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import vn.govqms.kit.events.EventConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a polled batch in several transactions side by side, the records split by key (the agency): one agency's events
 * stay in one part, in the order they came, which is all the order Kafka gives across partitions anyway. One consumer per
 * topic thus joins its group in one round (several consumers of one group join and rebalance one after the other, which once
 * took minutes), yet its batches still use several connections, and cores, at once.
 */
@ApplicationScoped
public class KeyedBatches {

    private final int parts;

    public KeyedBatches(KeyedBatchesConfig config) {
        this.parts = Math.max(config.parts(), 1);
    }

    public Uni<Void> apply(EventConsumer consumer, ConsumerRecords<String, String> records) {
        long t0 = System.nanoTime();
        List<List<ConsumerRecord<String, String>>> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            split.add(new ArrayList<>());
        }
        for (ConsumerRecord<String, String> r : records) {
            split.get(Math.floorMod(Objects.hashCode(r.key()), parts)).add(r);
        }
        List<Uni<Void>> applied = split.stream().filter(p -> !p.isEmpty()).map(consumer::consume).toList();
        // every part is finished (applied, or failed) before the batch is: no transaction outlives its batch
        return Uni.join().all(applied).andCollectFailures().replaceWithVoid()
                .invoke(() -> Log.debugf("consumed %d records in %d parts in %d ms", records.count(), applied.size(),
                        (System.nanoTime() - t0) / 1_000_000));
    }
}
