package org.lodestone.support.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link PayloadTooLargeException} once more than {@code limit} bytes were read (chunked bodies too). */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            account(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            account(n);
        }
        return n;
    }

    private void account(long n) {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }
}
