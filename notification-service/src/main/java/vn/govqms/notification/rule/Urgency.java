package vn.govqms.notification.rule;

/** How soon someone must act; LOW e-mails wait for the daily digest of contacts who chose it. */
public enum Urgency {
    HIGH, NORMAL, LOW
}
