package org.lodestone.mineral.service;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;

import org.postgresql.copy.CopyIn;

/** A {@link CopyIn} that keeps every byte written to it, for tests of what {@link CopyRows} sends to PostgreSQL. */
final class CapturedCopyIn {

    private CapturedCopyIn() {
    }

    static CopyIn into(ByteArrayOutputStream sent) {
        return (CopyIn) Proxy.newProxyInstance(CapturedCopyIn.class.getClassLoader(), new Class<?>[] { CopyIn.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "writeToCopy" -> {
                        sent.write((byte[]) args[0], (int) args[1], (int) args[2]);
                        yield null;
                    }
                    case "endCopy" -> 0L;
                    case "isActive" -> false;
                    default -> null;
                });
    }
}
