package org.lodestone.support;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

/** See {@link DatabaseOutageAware}. */
@DatabaseOutageAware
@Interceptor
// Outside @Transactional (PLATFORM_BEFORE + 200), so that a commit failing because the connection died is seen too.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DatabaseOutageInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageInterceptor.class);

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (Exception e) {
            // Checked ones too: a transaction manager's RollbackException when the commit found the connection dead.
            if (e instanceof ServiceUnavailableException || !DatabaseOutage.isCause(e)) {
                throw e;
            }
            LOG.warnf("database unavailable in %s.%s: %s", context.getMethod().getDeclaringClass().getSimpleName(),
                    context.getMethod().getName(), e.getMessage());
            throw new ServiceUnavailableException(DatabaseOutage.MESSAGE, e);
        }
    }
}
