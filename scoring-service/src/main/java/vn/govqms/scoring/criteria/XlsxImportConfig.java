package vn.govqms.scoring.criteria;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code govqms.xlsx-import.*}: bounds on a spreadsheet imported as a criteria set. An XLSX file is a zip: a few
 * kilobytes on the wire may inflate to gigabytes, so the bound is on what it inflates to, not on the upload.
 */
@ConfigMapping(prefix = "govqms.xlsx-import")
public interface XlsxImportConfig {

    /** The most all the workbook's parts may inflate to together (a real criteria set is well under 1 MB). */
    @WithDefault("20M")
    MemorySize maxInflatedSize();

    /** The most rows a sheet may have (a national criteria set has a few hundred). */
    @WithDefault("5000")
    int maxRows();
}
