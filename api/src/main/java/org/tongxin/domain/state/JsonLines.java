package org.tongxin.domain.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tongxin.model.privacy.OwnerOnly;

/**
 * An append-only file of JSON objects, one a line, in the state folder (the media ledger, the message board):
 * read whole at start, each new entry on disk (fsync) before the caller goes on; owner-only (0600), as what it
 * holds is private. Callers serialise their writes.
 */
public final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** Every entry of the file, in order; none when it does not exist yet. */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                OwnerOnly.file(file);
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(JSON.readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** Appends one entry and forces it to disk; answers it as read back would be. */
    public static JsonNode append(Path file, Object entry) {
        JsonNode node = JSON.valueToTree(entry);
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE), OwnerOnly.fileAttributes())) {
            ch.write(ByteBuffer.wrap((JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return node;
    }
}
