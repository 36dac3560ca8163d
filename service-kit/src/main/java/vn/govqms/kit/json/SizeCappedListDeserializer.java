package vn.govqms.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;

/**
 * Stops reading a JSON array at its field's {@code @Size(max)}. Without it a body of a few megabytes of
 * {@code {},{},...} became hundreds of thousands of list items, and Hibernate Validator then built a
 * violation (and its message) for every invalid one on the event loop: seconds of CPU for one request.
 */
final class SizeCappedListDeserializer extends DelegatingDeserializer {

    private final int max;

    private SizeCappedListDeserializer(JsonDeserializer<?> delegate, int max) {
        super(delegate);
        this.max = max;
    }

    /** Wraps the deserializers of lists (the DTOs' collections); sets and other collections are left as they are. */
    static final class Modifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                BeanDescription description, JsonDeserializer<?> deserializer) {
            // lists of objects and of strings (Jackson has a deserializer of its own for the latter); both fill a given list
            return type.getRawClass().isAssignableFrom(ArrayList.class) && Boolean.TRUE.equals(deserializer.supportsUpdate(config))
                    ? new SizeCappedListDeserializer(deserializer, Integer.MAX_VALUE) : deserializer;
        }
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new SizeCappedListDeserializer(delegate, max);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
        JsonDeserializer<?> contextual = ((SizeCappedListDeserializer) super.createContextual(ctxt, property)).getDelegatee();
        Size size = property == null ? null : property.getAnnotation(Size.class);
        return new SizeCappedListDeserializer(contextual, size == null ? Integer.MAX_VALUE : size.max());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (max == Integer.MAX_VALUE || !p.isExpectedStartArrayToken()) {
            return _delegatee.deserialize(p, ctxt);
        }
        try {
            return new ArrayList<>((Collection<Object>) ((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, new CappedList(max)));
        } catch (Full full) {
            throw new TooManyItemsException(p, max);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof Full) {
                throw new TooManyItemsException(p, max);
            }
            throw e;
        }
    }

    /** The list the delegate fills: refuses the item after the last one allowed. */
    private static final class CappedList extends ArrayList<Object> {
        private final int max;

        CappedList(int max) {
            this.max = max;
        }

        @Override
        public boolean add(Object item) {
            if (size() >= max) {
                throw new Full();
            }
            return super.add(item);
        }
    }

    /** Thrown by {@code add} (which cannot throw a checked exception); the delegate wraps it with the item's index. */
    private static final class Full extends RuntimeException {
        Full() {
            super("list full", null, false, false);
        }
    }
}
