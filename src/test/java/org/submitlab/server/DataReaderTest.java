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

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\u0000");
    }
}
