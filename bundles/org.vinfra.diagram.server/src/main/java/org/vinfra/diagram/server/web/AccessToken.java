package org.vinfra.diagram.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret every request to the diagram server must carry ({@code ?token=...}): 32 random bytes
 * from {@link SecureRandom}, URL-safe Base64. Only the user who started the server sees it (it is
 * printed in the URL), so other local users, and web pages that try to reach 127.0.0.1 from the
 * user's browser, get 403.
 */
public final class AccessToken {

    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    public static AccessToken random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() {
        return value;
    }

    /** Compares in constant time (the time taken says nothing about how much of a guess was right). */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AccessToken[hidden]";
    }
}
