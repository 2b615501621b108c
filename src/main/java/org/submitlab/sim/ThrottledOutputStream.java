package org.submitlab.sim;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import org.submitlab.policy.LabClock;

/**
 * Writes no faster than a device's upload speed, measured in simulated time: at 60x a
 * 1 Mbit/s printer uploads 60 Mbit per real second. Slow uploads are what make a printer's
 * transactions overlap with its neighbours'.
 */
final class ThrottledOutputStream extends FilterOutputStream {

    private static final int CHUNK = 8192;

    private final LabClock clock;
    private final double bytesPerSimSecond;
    private final long startNanos = System.nanoTime();
    private double realNanosOwed;

    ThrottledOutputStream(OutputStream out, LabClock clock, long kbps) {
        super(out);
        this.clock = clock;
        this.bytesPerSimSecond = kbps * 1000.0 / 8.0;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        account(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int n = Math.min(CHUNK, end - pos);
            out.write(b, pos, n);
            pos += n;
            account(n);
        }
    }

    private void account(int bytes) throws IOException {
        realNanosOwed += bytes / (bytesPerSimSecond * clock.speed()) * 1e9;
        long ahead = (long) realNanosOwed - (System.nanoTime() - startNanos);
        if (ahead > 2_000_000L) {
            try {
                Thread.sleep(ahead / 1_000_000L, (int) (ahead % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("upload interrupted");
            }
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
