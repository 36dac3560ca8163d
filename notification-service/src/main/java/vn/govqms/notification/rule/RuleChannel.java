package vn.govqms.notification.rule;

/** Where a rule sends notifications to people. Outside systems subscribe to events through webhooks instead. */
public enum RuleChannel {
    INBOX, EMAIL
}
