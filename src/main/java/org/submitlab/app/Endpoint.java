package org.submitlab.app;

/** Where a device reaches a world's server. */
public record Endpoint(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
