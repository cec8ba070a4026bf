package org.matscreen.optimade.access;

import java.util.Objects;

/**
 * Who is asking: an anonymous client, or a consortium member authenticated by a bearer token.
 *
 * @param member the member's name from the server configuration (for logs; never shown to other clients)
 * @param group the member's group: it sees that group's embargoed records; null for anonymous clients
 */
public record Principal(String member, String group) {
    public static final Principal ANONYMOUS = new Principal(null, null);

    public Principal {
        if ((member == null) != (group == null)) {
            throw new IllegalArgumentException("a member needs a group and a group needs a member");
        }
    }

    public static Principal member(String member, String group) {
        return new Principal(Objects.requireNonNull(member, "member"), Objects.requireNonNull(group, "group"));
    }

    public boolean isAnonymous() {
        return member == null;
    }
}
