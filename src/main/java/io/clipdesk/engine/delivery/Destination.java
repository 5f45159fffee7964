package io.clipdesk.engine.delivery;

import io.clipdesk.engine.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where clips are sent, configured once: a watch folder or an HTTP endpoint. The one place the rules of a
 * destination's fields live; a broken one is an {@link InvalidRequestException} in the editor's words.
 *
 * @param id     0 until stored
 * @param target the folder's absolute path, or the endpoint's http(s) URL
 * @param token  the bearer token sent to an HTTP endpoint; empty for none (and always for a folder)
 */
public record Destination(long id, String name, DestinationKind kind, String target, String token) {

    public static final int MAX_NAME_LENGTH = 40;
    public static final int MAX_TOKEN_LENGTH = 4096;

    public Destination {
        Objects.requireNonNull(kind, "kind");
        name = Objects.requireNonNull(name, "name").strip().replaceAll("\\s+", " ");
        target = Objects.requireNonNull(target, "target").strip();
        token = Objects.requireNonNull(token, "token").strip();
        if (name.isEmpty()) {
            throw new InvalidRequestException("Give the destination a name, e.g. \"Social\" or \"Playout\".");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("A destination's name is at most " + MAX_NAME_LENGTH
                    + " characters; this one has " + name.length() + ".");
        }
        if (kind == DestinationKind.FOLDER) {
            folder(target);
            if (!token.isEmpty()) {
                throw new InvalidRequestException("A folder takes no token; only an HTTP endpoint does.");
            }
        } else {
            endpoint(target);
            if (token.length() > MAX_TOKEN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new InvalidRequestException("The token must be printable ASCII without spaces, at most "
                        + MAX_TOKEN_LENGTH + " characters (paste it without \"Bearer\").");
            }
        }
    }

    /** A destination not stored yet. */
    public static Destination draft(String name, DestinationKind kind, String target, String token) {
        return new Destination(0, name, kind, target, token);
    }

    public Destination withId(long newId) {
        return new Destination(newId, name, kind, target, token);
    }

    /** The folder of a {@link DestinationKind#FOLDER} destination. */
    public Path folder() {
        if (kind != DestinationKind.FOLDER) {
            throw new IllegalStateException(name + " is not a folder");
        }
        return Path.of(target);
    }

    /** The URL of an {@link DestinationKind#HTTP} destination. */
    public URI endpoint() {
        if (kind != DestinationKind.HTTP) {
            throw new IllegalStateException(name + " is not an HTTP endpoint");
        }
        return URI.create(target);
    }

    private static void folder(String target) {
        if (target.isEmpty()) {
            throw new InvalidRequestException("Choose the folder clips are written to.");
        }
        try {
            if (!Path.of(target).isAbsolute()) {
                throw new InvalidRequestException("The folder must be a full path, like /srv/playout/in; got \""
                        + target + "\".");
            }
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("\"" + target + "\" is not a folder path: " + e.getReason() + ".");
        }
    }

    private static void endpoint(String target) {
        String example = " An endpoint looks like https://cms.example.com/api/clips.";
        if (target.isEmpty()) {
            throw new InvalidRequestException("Type the URL clips are posted to." + example);
        }
        try {
            URI uri = new URI(target);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidRequestException("The URL must start with http:// or https://; got \"" + target
                        + "\"." + example);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidRequestException("The URL \"" + target + "\" has no host." + example);
            }
            if (uri.getUserInfo() != null) {
                throw new InvalidRequestException("Put the credentials in the token field, not in the URL.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("\"" + target + "\" is not a URL: " + e.getReason() + "." + example);
        }
    }

    /** Never the token: this ends up in logs. */
    @Override
    public String toString() {
        return "Destination[" + id + " " + name + " " + kind + " " + target + (token.isEmpty() ? "" : " +token") + "]";
    }
}
