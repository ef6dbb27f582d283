package io.spotbridge.model;

/** One SCIM email address. */
public record Email(String value, String type, boolean primary) {
}
