package vn.govqms.document.controlled;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Content in S3-compatible object storage (MinIO, Ceph RGW, AWS), one object per attachment under
 * {@code attachments/<id>}. The SDK's client blocks, so every call runs on a worker thread and its result comes back
 * on the caller's Vert.x context; downloads are read from the object's stream one piece per request of the client.
 */
public class S3AttachmentStore implements AttachmentStore, AutoCloseable {

    static final String NAME = "s3";
    private static final int PIECE = 256 * 1024;

    private final S3Client s3;
    private final String bucket;

    public S3AttachmentStore(AttachmentConfig.S3 config) {
        var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.of(config.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.forcePathStyle()).build())
                // checksums only where the API requires them: the SDK's default trailing checksums (aws-chunked with a
                // CRC trailer) are refused by S3-compatible servers that predate them (Ceph, older MinIO, S3Proxy)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(config));
        config.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    private static AwsCredentialsProvider credentials(AttachmentConfig.S3 config) {
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Creates the bucket if the server has none of that name (MinIO in Compose, the tests); production provisions it. */
    public S3AttachmentStore ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            Log.infof("creating bucket %s", bucket);
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            Log.infof("creating bucket %s", bucket);
            s3.createBucket(b -> b.bucket(bucket));
        }
        return this;
    }

    @Override
    public String name() {
        return NAME;
    }

    static String key(UUID id) {
        return "attachments/" + id;
    }

    @Override
    public Uni<Void> put(UUID id, Path file, long size) {
        Executor back = AttachmentService.currentContext();
        Uni<Void> put = Uni.createFrom().item(() -> {
            s3.putObject(b -> b.bucket(bucket).key(key(id)).contentLength(size), RequestBody.fromFile(file));
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return back == null ? put : put.emitOn(back);
    }

    @Override
    public Multi<byte[]> get(UUID id) {
        return Multi.createFrom().<ResponseInputStream<GetObjectResponse>, byte[]>resource(
                        () -> s3.getObject(b -> b.bucket(bucket).key(key(id))),
                        in -> Multi.createFrom().generator(() -> in, (stream, emitter) -> {
                            try {
                                byte[] piece = stream.readNBytes(PIECE);
                                if (piece.length == 0) {
                                    emitter.complete();
                                } else {
                                    emitter.emit(piece);
                                }
                            } catch (IOException e) {
                                emitter.fail(new UncheckedIOException(e));
                            }
                            return stream;
                        }))
                .withFinalizer(in -> {
                    try {
                        in.close();
                    } catch (IOException e) {
                        Log.debugf("closing %s: %s", key(id), e.getMessage());
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public void close() {
        s3.close();
    }
}
