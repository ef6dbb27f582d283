package io.spotbridge.simulator.organization;

public enum PolicyType {

    ACCOUNT, ORGANIZATION

}
