package vn.govqms.bench;

/**
 * (c) of the legal-change fan-out, as notification-service tells a change: once per agency (a notice listing the agency's
 * procedures, to its ISO officer and head), not once per procedure. The figure waits for every affected agency's notice to
 * list all of its procedures: a notice's list and its recipients' notifications are written in one transaction, so when the
 * notices list every procedure, every affected agency's recipients have been told. The change's e-mails are one per agency.
 */
final class Notices {

    private final Db db;
    private final String decree;
    private final long procedures;
    private final long agencies;
    private final long before;

    private Notices(Db db, String decree, long procedures, long agencies, long before) {
        this.db = db;
        this.decree = decree;
        this.procedures = procedures;
        this.agencies = agencies;
        this.before = before;
    }

    /** Before the change: the agencies with a procedure citing {@code decree}, and the newest notification so far. */
    static Notices of(Db db, String decree, long procedures) {
        long agencies = db.count("document", """
                select count(distinct d.agency_id) from document_version_legal_basis b join document_version v on v.id = b.version_id
                join controlled_document d on d.id = v.document_id where b.legal_document_id = '%s'""".formatted(decree));
        return new Notices(db, decree, procedures, agencies, db.count("notification", "select coalesce(max(id), 0) from notification"));
    }

    String what() {
        return "(c) " + agencies + " agencies' notices listing their " + procedures + " procedures, " + 2 * agencies
                + " inbox notifications (ISO officer + head of each agency) in notification-service";
    }

    /**
     * Whether every notice lists its procedures; the sum runs only once the newest notification id shows that the agencies'
     * inbox rows can exist (cheap), since the poll takes the database's time from the services measured.
     */
    boolean reached() {
        return db.count("notification", "select coalesce(max(id), 0) - " + before + " from notification") >= 2 * agencies
                && db.count("notification", """
                        select coalesce(sum((e.data -> 'notice' ->> 'taskCount')::int), 0) from review_notice n
                        join event_log e on e.event_id = n.event_id
                        where n.kind = 'procedure-review.required' and n.cause like 'LEGAL_DOCUMENT:%s:%%'""".formatted(decree)) >= procedures;
    }

    /** The e-mails the change queues: one per agency, to its ISO officer. */
    long emails() {
        return agencies;
    }
}
