package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DataReaderTest {

    private static InputStream stream(String s, boolean buffered) {
        ByteArrayInputStream raw = new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
        return buffered ? new BufferedInputStream(raw, 8192) : new InputStream() {
            @Override
            public int read() {
                return raw.read();
            }
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\r\\nb\\r\\n.\\r\\n           | a\\r\\nb\\r\\n",
        ".\\r\\n                         | ''",
        "..hidden\\r\\n.\\r\\n           | .hidden\\r\\n",
        "x\\r\\n..\\r\\n.\\r\\n          | x\\r\\n.\\r\\n",
        "bare\\nlf\\r\\n.\\r\\n          | bare\\nlf\\r\\n",
        "dot.in.line\\r\\n.\\r\\n        | dot.in.line\\r\\n",
        ".x\\r\\r\\n.\\r\\n               | x\\r\\r\\n",
        "nul\\u0000byte\\r\\n.\\r\\n     | nul\\u0000byte\\r\\n",
    })
    void dotStuffingIsRemovedAndTheTerminatorEndsTheBody(String input, String expected) throws Exception {
        for (boolean buffered : new boolean[] {true, false}) {
            DataReader.Body body = DataReader.read(stream(unescape(input), buffered), 1_000);
            assertThat(new String(body.kept(), StandardCharsets.ISO_8859_1)).isEqualTo(unescape(expected));
            assertThat(body.size()).isEqualTo(unescape(expected).length());
            assertThat(body.truncated()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsNothingPastTheTerminator(boolean buffered) throws Exception {
        InputStream in = stream("body\r\n.\r\nQUIT\r\n", buffered);
        DataReader.read(in, 100);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("QUIT\r\n");
    }

    @Test
    void bodyOverTheKeepLimitIsCountedButNotKept() throws Exception {
        String big = "y".repeat(50_000) + "\r\n";
        DataReader.Body body = DataReader.read(stream(big + ".\r\nNOOP\r\n", true), 1_000);
        assertThat(body.kept()).hasSize(1_000);
        assertThat(body.size()).isEqualTo(big.length());
        assertThat(body.truncated()).isTrue();
    }

    @Test
    void endOfStreamBeforeTheTerminatorIsAnEofException() {
        assertThatThrownBy(() -> DataReader.read(stream("half a mess", true), 100)).isInstanceOf(EOFException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7})
    void terminatorAndStuffedDotsSplitAcrossReadsAreFound(int readSize) throws Exception {
        String input = "line one\r\n..stuffed\r\n..\r\nbare\n.not-unstuffed after bare LF\r\n"
                + "\r\n.\r\nRSET\r\n";
        InputStream in = new BufferedInputStream(new TrickleStream(input.getBytes(StandardCharsets.ISO_8859_1),
                readSize), 8192);
        DataReader.Body body = DataReader.read(in, 1_000);
        assertThat(new String(body.kept(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "line one\r\n.stuffed\r\n.\r\nbare\n.not-unstuffed after bare LF\r\n\r\n");
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("RSET\r\n");
    }

    @Test
    void terminatorAtTheEdgeOfTheReadBufferLeavesTheNextCommandUnread() throws Exception {
        for (int pad = 8170; pad < 8200; pad++) {
            String body = "z".repeat(pad) + "\r\n";
            InputStream in = stream(body + ".\r\nMAIL FROM:<a@b.test>\r\n", true);
            DataReader.Body read = DataReader.read(in, 100_000);
            assertThat(read.size()).isEqualTo(body.length());
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("MAIL FROM:<a@b.test>\r\n");
        }
    }

    @Test
    void aLineThatIsOnlyTwoDotsIsOneDot() throws Exception {
        DataReader.Body body = DataReader.read(stream("..\r\n.\r\n", true), 100);
        assertThat(new String(body.kept(), StandardCharsets.US_ASCII)).isEqualTo(".\r\n");
    }

    @Test
    void aDotLineAfterABareLfIsNotTheTerminator() throws Exception {
        InputStream in = stream("a\n.\r\nb\r\n.\r\nNOOP\r\n", true);
        DataReader.Body body = DataReader.read(in, 100);
        assertThat(new String(body.kept(), StandardCharsets.US_ASCII)).isEqualTo("a\n.\r\nb\r\n");
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NOOP\r\n");
    }

    @Test
    void aHugeBodyOverTheLimitIsCountedWithFlatMemory() throws Exception {
        long lines = 200_000;
        byte[] line = "0123456789012345678901234567890123456789012345678901234567890123456789012345678\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        InputStream in = new BufferedInputStream(new RepeatedLines(line, lines, ".\r\nQUIT\r\n"), 8192);
        DataReader reader = new DataReader(1_000);
        DataReader.Body body = reader.readBody(in);
        assertThat(body.size()).isEqualTo(lines * line.length);
        assertThat(body.truncated()).isTrue();
        assertThat(body.kept()).hasSize(1_000);
        assertThat(new String(body.kept(), 0, line.length, StandardCharsets.US_ASCII))
                .isEqualTo(new String(line, StandardCharsets.US_ASCII));
        assertThat(reader.capacity()).isLessThanOrEqualTo(1_000);
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("QUIT\r\n");
    }

    @Test
    void theKeptBytesStopExactlyAtTheLimitEvenInsideALine() throws Exception {
        String input = "abcdefghij\r\n..klm\r\n.\r\n";
        for (int limit = 0; limit <= 20; limit++) {
            for (boolean buffered : new boolean[] {true, false}) {
                DataReader.Body body = DataReader.read(stream(input, buffered), limit);
                String expected = "abcdefghij\r\n.klm\r\n";
                assertThat(body.size()).isEqualTo(expected.length());
                assertThat(new String(body.kept(), StandardCharsets.ISO_8859_1))
                        .isEqualTo(expected.substring(0, Math.min(limit, expected.length())));
                assertThat(body.truncated()).isEqualTo(limit < expected.length());
            }
        }
    }

    @Test
    void bufferedAndByteWiseReadingAgreeOnTrickyInput() throws Exception {
        java.util.Random random = new java.util.Random(42);
        byte[] alphabet = {'.', '\r', '\n', 'a', '.', '\r', '\n'};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append((char) alphabet[random.nextInt(alphabet.length)]);
            }
            String input = sb + "\r\n.\r\nNEXT";
            DataReader.Body chunked = DataReader.read(new BufferedInputStream(
                    new TrickleStream(input.getBytes(StandardCharsets.ISO_8859_1), 1 + random.nextInt(5)), 8192), 1_000);
            DataReader.Body byteWise = DataReader.read(stream(input, false), 1_000);
            assertThat(chunked.kept()).as(input).isEqualTo(byteWise.kept());
            assertThat(chunked.size()).isEqualTo(byteWise.size());
        }
    }

    /** Hands out at most {@code step} bytes per read, like a slow network. */
    private static final class TrickleStream extends InputStream {
        private final byte[] data;
        private final int step;
        private int pos;

        TrickleStream(byte[] data, int step) {
            this.data = data;
            this.step = step;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** {@code count} copies of {@code line}, then {@code tail}, without holding them in memory. */
    private static final class RepeatedLines extends InputStream {
        private final byte[] line;
        private final byte[] tail;
        private final long total;
        private long pos;

        RepeatedLines(byte[] line, long count, String tail) {
            this.line = line;
            this.tail = tail.getBytes(StandardCharsets.US_ASCII);
            this.total = count * line.length + this.tail.length;
        }

        @Override
        public int read() {
            if (pos >= total) {
                return -1;
            }
            long bodyLength = total - tail.length;
            int b = pos < bodyLength ? line[(int) (pos % line.length)] : tail[(int) (pos - bodyLength)];
            pos++;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\u0000");
    }

    @Test
    void aBodyOverTheMemoryLimitIsSpooledWholeWithItsStartKeptInMemory(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        String big = ("z".repeat(98) + "\r\n").repeat(DataReader.MEMORY_LIMIT / 100 * 3);
        DataReader.Body body = DataReader.read(stream(big + ".\r\n", true), 10_000_000,
                () -> java.nio.file.Files.createTempFile(dir, "b", ".eml"));
        assertThat(body.spooled()).isNotNull();
        assertThat(body.kept()).hasSize(DataReader.MEMORY_LIMIT);
        assertThat(java.nio.file.Files.readString(body.spooled(), StandardCharsets.ISO_8859_1)).isEqualTo(big);
        assertThat(body.message().bytes()).isEqualTo(big.getBytes(StandardCharsets.ISO_8859_1));
        body.discard();
        assertThat(body.spooled()).doesNotExist();
    }

    @Test
    void aSpoolThatCannotBeWrittenLosesTheBodyButReadsToTheTerminator() throws Exception {
        String big = ("z".repeat(98) + "\r\n").repeat(DataReader.MEMORY_LIMIT / 100 * 2);
        InputStream in = stream(big + ".\r\nNOOP\r\n", true);
        DataReader.Body body = DataReader.read(in, 10_000_000, () -> {
            throw new java.io.IOException("No space left on device");
        });
        assertThat(body.lost()).isTrue();
        assertThat(body.size()).isEqualTo(big.length());
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("NOOP\r\n");
    }

    @Test
    void aBodyNotToBeKeptCostsNoMemory() throws Exception {
        DataReader reader = new DataReader(0, () -> {
            throw new AssertionError("nothing to spool");
        });
        DataReader.Body body = reader.readBody(stream("w".repeat(3_000_000) + "\r\n.\r\n", true));
        assertThat(body.size()).isEqualTo(3_000_002);
        assertThat(reader.capacity()).isZero();
        assertThat(body.spooled()).isNull();
    }
}
