package vn.govqms.kit.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read whose cost is far above a lookup (an export, a ranking, a report, a search): each call
 * takes a permit of the caller's expensive-read limit ({@code govqms.rate-limit.expensive-reads}).
 * On a class it marks every method of the resource.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExpensiveRead {

    /**
     * Query parameters that make the call expensive: a list that is a cheap page without them and a search
     * with them ({@code q}). Empty: every call counts.
     */
    String[] when() default {};
}
