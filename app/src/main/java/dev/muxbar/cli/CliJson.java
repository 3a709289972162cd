package dev.muxbar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The CLI's JSON mapper. One-shot commands use jackson-databind's tree model and record mapping;
 * the daemon, which lives long and counts its memory, uses {@code dev.muxbar.json} instead.
 */
final class CliJson {
    private CliJson() {}

    static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
}
