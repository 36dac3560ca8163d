package vn.govqms.document.controlled;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The store new files go to ({@code govqms.attachments.storage}) and the store of each file already kept: files
 * written before a switch to S3 stay readable from the database.
 */
@Startup
@ApplicationScoped
public class AttachmentStores {

    private final PostgresAttachmentStore postgres;
    private final S3AttachmentStore s3;
    private final AttachmentStore current;

    public AttachmentStores(AttachmentConfig config, PostgresAttachmentStore postgres) {
        this.postgres = postgres;
        this.s3 = config.storage() == AttachmentConfig.Storage.S3 ? new S3AttachmentStore(config.s3()).ensureBucket() : null;
        this.current = s3 != null ? s3 : postgres;
    }

    /** Where a new file goes. */
    public AttachmentStore current() {
        return current;
    }

    /** The store a file was written to. */
    public AttachmentStore named(String name) {
        if (PostgresAttachmentStore.NAME.equals(name)) {
            return postgres;
        }
        if (S3AttachmentStore.NAME.equals(name) && s3 != null) {
            return s3;
        }
        throw new IllegalStateException("attachment storage '" + name + "' is not configured (govqms.attachments.storage)");
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
