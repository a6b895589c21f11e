package io.skyvern.server.http;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * A record's properties as the request mapper sees them: each component's wire name and which are
 * {@code @JsonProperty(required = true)}. The one reader of those annotations: {@link Bodies}
 * enforces the required ones and the OpenAPI schema declares them, so the two cannot disagree (Java
 * copies a component's annotation onto the accessor, field and constructor parameter, not the
 * component itself: reading it by hand went wrong once). Computed once per type; thread-safe.
 */
public final class JsonProperties {
    private static final ClassValue<JsonProperties> CACHE = new ClassValue<>() {
        @Override
        protected JsonProperties computeValue(Class<?> type) {
            return new JsonProperties(Mappers.json(), type);
        }
    };

    private final Map<String, String> wireNames;
    private final List<String> required;

    private JsonProperties(ObjectMapper mapper, Class<?> type) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
        Map<String, String> names = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            names.put(property.getInternalName(), property.getName());
        }
        this.wireNames = Map.copyOf(names);
        this.required = description.findProperties().stream().filter(BeanPropertyDefinition::isRequired)
                .map(BeanPropertyDefinition::getName).toList();
    }

    public static JsonProperties of(Class<?> type) {
        return CACHE.get(type);
    }

    /** The wire name of the Java property (record component) {@code javaName}, if the mapper knows it. */
    public Optional<String> wireName(String javaName) {
        return Optional.ofNullable(wireNames.get(javaName));
    }

    /** Wire names of the properties a body must carry (absent or null is a 422), in declaration order. */
    public List<String> required() {
        return required;
    }
}
