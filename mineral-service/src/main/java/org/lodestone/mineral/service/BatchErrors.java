package org.lodestone.mineral.service;

import java.util.ArrayList;
import java.util.List;

import org.lodestone.support.problem.FieldError;

/** The problems of one bulk upload: every one counted, the first {@code cap} kept to report. */
final class BatchErrors {

    private final int cap;
    final List<FieldError> listed = new ArrayList<>();
    long total;

    BatchErrors(int cap) {
        this.cap = cap;
    }

    void add(FieldError error) {
        total++;
        if (listed.size() < cap) {
            listed.add(error);
        }
    }

    boolean none() {
        return total == 0;
    }
}
