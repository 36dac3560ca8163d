package vn.govqms.document.agency;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** The edition of the standard a QMS conforms to. */
public enum StandardEdition implements Labelled {
    @Label("TCVN ISO 9001:2008") ISO_9001_2008,
    @Label("TCVN ISO 9001:2015") ISO_9001_2015;
}
