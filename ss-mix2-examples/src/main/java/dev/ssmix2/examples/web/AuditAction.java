package dev.ssmix2.examples.web;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a user did, as written to the {@link AuditLog}. */
public enum AuditAction {
  SEARCH("search"),
  VIEW_PATIENT("view-patient"),
  VIEW_RECORDS("view-records"),
  VIEW_RAW("view-raw"),
  VIEW_FHIR("view-fhir"),
  LOGIN("login"),
  LOGIN_FAILED("login-failed"),
  /** A user name or client address locked after too many failed logins; target says which. */
  LOGIN_LOCKED("login-locked"),
  LOGOUT("logout");

  private final String jsonName;

  AuditAction(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in the log: {@code search}, {@code view-patient} … */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }
}
