package vn.govqms.notification.contact;

/** The language notifications are written in for a contact: Vietnamese by default, or English. */
public enum Language {
    vi, en
}
