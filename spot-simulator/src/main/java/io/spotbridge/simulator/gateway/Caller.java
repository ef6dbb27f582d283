package io.spotbridge.simulator.gateway;

import io.spotbridge.simulator.organization.Organization;

import org.springframework.web.reactive.function.server.ServerRequest;

/** The organization a Spot request acts on, bound by the {@link SpotGateway} from the request's token. */
public final class Caller {

    private static final String ORGANIZATION_ATTRIBUTE = Caller.class.getName() + ".organization";

    private Caller() {
    }

    static void bind(ServerRequest request, Organization organization) {
        request.attributes().put(ORGANIZATION_ATTRIBUTE, organization);
    }

    /** @throws IllegalStateException for a request that did not pass through the gateway */
    public static Organization organization(ServerRequest request) {
        return request.attribute(ORGANIZATION_ATTRIBUTE)
            .map(Organization.class::cast)
            .orElseThrow(() -> new IllegalStateException("No organization bound; is the route behind the SpotGateway?"));
    }

}
