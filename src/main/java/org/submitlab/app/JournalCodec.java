package org.submitlab.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.submitlab.events.LabEvent;

/** Events as one JSON object a line, tagged with their record's simple name ("type"). */
final class JournalCodec {

    /** Adds the type tag without annotating the events package. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    private interface Tagged {
    }

    private static final ObjectMapper MAPPER = mapper();
    private static final ObjectWriter WRITER = MAPPER.writerFor(LabEvent.class);
    private static final ObjectReader READER = MAPPER.readerFor(LabEvent.class);

    private JournalCodec() {
    }

    static byte[] encode(LabEvent event) throws IOException {
        return WRITER.writeValueAsBytes(event);
    }

    static LabEvent decode(String line) throws IOException {
        return READER.readValue(line);
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = AppJson.builder()
                .addMixIn(LabEvent.class, Tagged.class)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        m.registerSubtypes(LabEvent.class.getPermittedSubclasses());
        return m;
    }
}
