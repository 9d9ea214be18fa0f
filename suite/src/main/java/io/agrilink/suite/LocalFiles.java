package io.agrilink.suite;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/** The data folder's secret files (keys, passwords, client secrets): readable by their owner only. */
final class LocalFiles {

    private LocalFiles() {
    }

    /** Makes {@code file} readable and writable by its owner only. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply
        }
    }

    /** The properties in {@code file}, or none when it does not exist yet. */
    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
        }
        return properties;
    }

    /** Writes {@code properties} to {@code file}, readable by its owner only. */
    static void store(Properties properties, Path file, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, comment);
        }
        ownerOnly(file);
    }
}
