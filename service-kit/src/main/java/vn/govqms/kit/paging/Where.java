package vn.govqms.kit.paging;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conditions of a list query on an entity, joined with {@code and}, with the named parameters they use: a filter
 * the request leaves out adds nothing, so a Panache {@code find(where.jpql(), sort, where.parameters())} with no
 * condition lists every row. Each list query of a service builds one instead of pairing a list of strings with a
 * {@link Parameters} by hand.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** {@code property = :name} when {@code value} is given, the parameter named after the property's last segment. */
    public Where equal(String property, Object value) {
        String name = property.substring(property.lastIndexOf('.') + 1);
        return value == null ? this : add(property + " = :" + name, Map.of(name, value));
    }

    /**
     * {@code condition} as the request asks: as written when {@code wanted} is true, negated when false, nothing (and
     * none of its parameters) when the request does not ask.
     */
    public Where holds(Boolean wanted, String condition, Map<String, Object> params) {
        return wanted == null ? this : add((wanted ? "(" : "not (") + condition + ")", params);
    }

    /** A condition of its own with the parameters it names. */
    public Where add(String condition, Map<String, Object> params) {
        conditions.add(condition);
        params.forEach(parameters::and);
        return this;
    }

    /** The conditions joined with {@code and}; empty when there is none. */
    public String jpql() {
        return String.join(" and ", conditions);
    }

    public Parameters parameters() {
        return parameters;
    }
}
