package dev.muxbar.api;

/** An API answer: status and JSON body ({@code etag} set only for cacheable reads). */
record Reply(int status, String body, String etag) {
    Reply(int status, String body) {
        this(status, body, null);
    }

    static Reply ok(String body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String message) {
        return new Reply(status, Json.error(message));
    }
}
