package vn.govqms.document.controlled;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** {@code govqms.attachments.*}: files attached to controlled document versions and where they are kept. */
@ConfigMapping(prefix = "govqms.attachments")
public interface AttachmentConfig {

    /** The largest file accepted (the HTTP body limit, {@code quarkus.http.limits.max-body-size}, must be above it). */
    @WithDefault("25M")
    MemorySize maxSize();

    /** Where new files go: {@code postgres} (the service's database, the local run) or {@code s3} (object storage). */
    @WithDefault("postgres")
    Storage storage();

    /** The object storage when {@link #storage()} is {@code s3}: MinIO, Ceph or any S3-compatible server. */
    S3 s3();

    enum Storage {
        POSTGRES, S3
    }

    interface S3 {

        /** The server's address ({@code https://minio.storage:9000}); none: AWS's own endpoint for the region. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("govqms-attachments")
        String bucket();

        /** {@code /bucket/key} addressing, which MinIO and Ceph need; virtual-host addressing when false. */
        @WithDefault("true")
        boolean forcePathStyle();

        /** With {@link #secretAccessKey()}; none: the SDK's default chain (environment, web identity, instance role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
