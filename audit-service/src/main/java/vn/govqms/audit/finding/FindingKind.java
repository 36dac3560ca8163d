package vn.govqms.audit.finding;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** What an audit found. Nonconformities need corrective actions. */
public enum FindingKind implements Labelled {
    @Label("Điểm không phù hợp nặng") MAJOR_NONCONFORMITY,
    @Label("Điểm không phù hợp nhẹ") MINOR_NONCONFORMITY,
    @Label("Điểm cần lưu ý") OBSERVATION,
    @Label("Cơ hội cải tiến") OPPORTUNITY_FOR_IMPROVEMENT;

    public boolean nonconformity() {
        return this == MAJOR_NONCONFORMITY || this == MINOR_NONCONFORMITY;
    }
}
