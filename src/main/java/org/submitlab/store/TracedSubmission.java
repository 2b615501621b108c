package org.submitlab.store;

import java.util.List;

/** One submission attempt as a message trace shows it: the attempt and, when accepted, its deliveries. */
public record TracedSubmission(long id, SubmissionRecord submission, List<Delivery> deliveries) {

    public TracedSubmission {
        deliveries = List.copyOf(deliveries);
    }
}
