package vn.govqms.document.controlled;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the content of attachments lives; the metadata stays in {@code document_attachment}, whose {@code storage}
 * names the store of each file. Content moves in pieces both ways: no file is ever held whole in memory.
 */
public interface AttachmentStore {

    /** The name written in {@code document_attachment.storage}. */
    String name();

    /**
     * Copies a spooled file in; called on the request's Vert.x context inside the transaction that records the
     * attachment (a database store writes in that transaction, an object store before it commits).
     */
    Uni<Void> put(UUID id, Path file, long size);

    /** The content, piece by piece, each piece read when the client has taken the previous one. */
    Multi<byte[]> get(UUID id);
}
