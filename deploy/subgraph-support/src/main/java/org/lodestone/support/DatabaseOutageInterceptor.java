package org.lodestone.support;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

/** See {@link DatabaseOutageAware}. */
@DatabaseOutageAware
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DatabaseOutageInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageInterceptor.class);

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (RuntimeException e) {
            if (e instanceof ServiceUnavailableException || !DatabaseOutage.isCause(e)) {
                throw e;
            }
            LOG.warnf("database unavailable in %s.%s: %s", context.getMethod().getDeclaringClass().getSimpleName(),
                    context.getMethod().getName(), e.getMessage());
            throw new ServiceUnavailableException(DatabaseOutage.MESSAGE, e);
        }
    }
}
