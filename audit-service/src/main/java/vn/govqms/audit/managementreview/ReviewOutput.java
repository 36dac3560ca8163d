package vn.govqms.audit.managementreview;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** What a management review decides (ISO 9001:2015, 9.3.3). */
public enum ReviewOutput implements Labelled {
    @Label("Cơ hội cải tiến") IMPROVEMENT,
    @Label("Nhu cầu thay đổi HTQLCL") QMS_CHANGE,
    @Label("Nhu cầu về nguồn lực") RESOURCE_NEEDS;
}
