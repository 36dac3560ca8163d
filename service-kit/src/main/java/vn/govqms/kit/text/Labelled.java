package vn.govqms.kit.text;

import java.util.HashMap;
import java.util.Map;

/**
 * An enum whose constants carry a Vietnamese label ({@link Label} on each constant), shown beside the code in views
 * and messages: one mechanism instead of a label field, constructor and getter in every enum.
 */
public interface Labelled {

    default String label() {
        Enum<?> constant = (Enum<?>) this;
        return Labels.BY_ENUM.get(constant.getDeclaringClass()).get(constant.name());
    }

    /** The labels of each enum, read once from its constants' annotations. */
    final class Labels {

        static final ClassValue<Map<String, String>> BY_ENUM = new ClassValue<>() {
            @Override
            protected Map<String, String> computeValue(Class<?> type) {
                Map<String, String> labels = new HashMap<>();
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    try {
                        Label label = type.getField(name).getAnnotation(Label.class);
                        if (label == null) {
                            throw new IllegalStateException(type.getName() + "." + name + " has no @Label");
                        }
                        labels.put(name, label.value());
                    } catch (NoSuchFieldException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return Map.copyOf(labels);
            }
        };

        private Labels() {
        }
    }
}
