package org.lodestone.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a GraphQL API or REST resource class: a database outage during any of its methods surfaces as
 * {@link ServiceUnavailableException} (GraphQL {@code SERVICE_UNAVAILABLE}, REST 503) instead of an internal error
 * named after a driver exception.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface DatabaseOutageAware {
}
