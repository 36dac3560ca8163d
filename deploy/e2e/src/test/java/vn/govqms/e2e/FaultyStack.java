package vn.govqms.e2e;

import vn.govqms.local.LocalStack;

/**
 * The stack of the end-to-end tests with the faults they inject: a service crash (SIGKILL) and a broker
 * outage. The launcher's {@link LocalStack} has no such operations; this extends its lifecycle of single parts.
 */
final class FaultyStack extends LocalStack {

    private FaultyStack(Options options) {
        super(options);
    }

    static FaultyStack startFaulty(Options options) {
        return start(new FaultyStack(options));
    }

    /** Kills a service with SIGKILL (a crash); {@link #restartService(String)} starts it again. */
    void killService(String name) {
        Process p = process(name);
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void restartService(String name) {
        startAgain(name);
    }

    /** Stops the broker process (an outage); {@link #restartKafka()} brings it back on the same data. */
    void stopKafka() {
        stopKafkaProcess();
    }

    void restartKafka() {
        startKafkaAgain();
    }
}
