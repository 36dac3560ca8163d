package vn.govqms.kit.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.persistence.AttributeConverter;

/**
 * A {@code jsonb} column of an entity, read and written as the Java value it holds. Use it with
 * {@code @Convert} and {@code @ColumnTransformer(read = "cast(COLUMN as text)", write = WRITE)}.
 * <p>
 * Why not {@code @JdbcTypeCode(SqlTypes.JSON)}: Hibernate Reactive 3.2 binds and reads such a column through
 * Vert.x's {@code JsonObject}, so a column holding a JSON array (assessment items, an audit team) fails both ways;
 * and the reactive PostgreSQL client sends a Java string bound to a {@code jsonb} parameter as a JSON string scalar.
 * So the column travels as text and PostgreSQL converts it: the value is still checked and stored as {@code jsonb},
 * and queried with JSON operators ({@code @>}, {@code jsonb_array_elements}).
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    /** The write side of the column's {@code @ColumnTransformer}: the parameter is text, PostgreSQL parses it. */
    public static final String WRITE = "cast(cast(? as text) as jsonb)";

    /** Stored values were written by this service: a field a newer class no longer has is ignored, not fatal. */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final TypeReference<T> type;

    protected JsonColumn(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("not serialisable as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public T convertToEntityAttribute(String text) {
        try {
            return text == null ? null : JSON.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON unreadable: " + e.getMessage(), e);
        }
    }
}
