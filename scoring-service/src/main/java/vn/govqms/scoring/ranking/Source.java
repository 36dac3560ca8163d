package vn.govqms.scoring.ranking;

/** Which scores a ranking orders: finalised official assessments, or the live scores. */
public enum Source {
    OFFICIAL,
    LIVE
}
