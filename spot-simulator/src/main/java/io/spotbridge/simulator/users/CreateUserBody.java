package io.spotbridge.simulator.users;

import io.spotbridge.simulator.organization.NewUser;
import io.spotbridge.simulator.wire.JsonBodies;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** The body of {@code POST /setup/user}; {@code password} and {@code role} are accepted and not kept. */
record CreateUserBody(String email, String firstName, String lastName, String password, String role) {

    NewUser newUser() {
        return new NewUser(this.email, this.firstName, this.lastName);
    }

    /** A {@link JsonBodies.StreamReader}: an object of (some of) the five fields, each a string or null, once. */
    static CreateUserBody read(JsonParser parser) {
        String[] values = new String[5];
        boolean[] seen = new boolean[5];
        JsonBodies.expect(parser, JsonToken.START_OBJECT);
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            int field = switch (name) {
                case "email" -> 0;
                case "firstName" -> 1;
                case "lastName" -> 2;
                case "password" -> 3;
                case "role" -> 4;
                default -> throw JsonBodies.unusual();
            };
            if (seen[field]) {
                throw JsonBodies.unusual();
            }
            seen[field] = true;
            parser.nextToken();
            values[field] = JsonBodies.stringOrNull(parser);
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw JsonBodies.unusual();
        }
        return new CreateUserBody(values[0], values[1], values[2], values[3], values[4]);
    }

}
