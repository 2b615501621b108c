package org.submitlab.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real file system that fills and empties: a small tmpfs mounted for one test. Needs root on Linux
 * (CI runs as root); {@link #available()} tells a test to skip elsewhere.
 */
final class SmallTmpfs implements AutoCloseable {

    private final Path mountPoint;
    private final Path filler;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler.bin");
    }

    static boolean available() {
        return System.getProperty("os.name", "").startsWith("Linux") && "root".equals(System.getProperty("user.name"));
    }

    static SmallTmpfs mount(Path mountPoint, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
        return new SmallTmpfs(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Writes a file until the file system is full. */
    void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left on device: that is the point
        }
    }

    /** Frees the space {@link #fill()} took. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
