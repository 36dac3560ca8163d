package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.file.AsyncFile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Content in the service's database as rows of 1 MiB ({@code document_attachment_chunk}): written in the transaction
 * that records the attachment, read back one row per piece sent.
 */
@ApplicationScoped
public class PostgresAttachmentStore implements AttachmentStore {

    static final String NAME = "postgres";
    static final int CHUNK = 1024 * 1024;

    @Inject Vertx vertx;
    @Inject Pool pool;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> put(UUID id, Path file, long size) {
        int chunks = (int) Math.max(1, (size + CHUNK - 1) / CHUNK);
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true)).chain(in -> Multi.createFrom()
                .range(0, chunks)
                .onItem().transformToUniAndConcatenate(seq -> chunk(in, seq, size).chain(data -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("insert into document_attachment_chunk (attachment_id, seq, data) "
                                        + "values (:id, :seq, :data)")
                                .setParameter("id", id).setParameter("seq", seq).setParameter("data", data).executeUpdate())))
                .collect().last().replaceWithVoid()
                .eventually(in::close));
    }

    private static Uni<byte[]> chunk(AsyncFile in, int seq, long size) {
        long position = (long) seq * CHUNK;
        int length = (int) Math.min(CHUNK, size - position);
        return in.read(Buffer.buffer(length), 0, position, length).map(Buffer::getBytes);
    }

    @Override
    public Multi<byte[]> get(UUID id) {
        AtomicInteger seq = new AtomicInteger();
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery("select data from document_attachment_chunk where attachment_id = $1 and seq = $2")
                        .execute(Tuple.of(id, seq.getAndIncrement()))
                        .map(rows -> {
                            var it = rows.iterator();
                            return it.hasNext() ? Optional.of(bytes(it.next())) : Optional.<byte[]>empty();
                        }))
                .until(Optional::isEmpty)
                .map(Optional::get);
    }

    private static byte[] bytes(Row row) {
        return row.getBuffer(0).getBytes();
    }
}
