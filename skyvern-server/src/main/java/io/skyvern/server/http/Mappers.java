package io.skyvern.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.skyvern.common.Json;

/**
 * The mappers that read request bodies: JSON with the product's conventions made strict, plus a
 * YAML mapper with the same naming (snake_case, unknown properties rejected) for workflow documents.
 *
 * <p>The JSON reader is where the schema of every body is enforced, once for all routes: unknown
 * properties, a missing required property ({@code @JsonProperty(required = true)}, checked by
 * {@link Bodies}) and every scalar coercion are refused, so {@code "navigation_goal": true} does not
 * become {@code "true"}, {@code "max_steps": 2.5} does not become 2 and {@code "max_steps": "3"} is
 * not a number. {@link Bodies} turns the failure into 422 {@code VALIDATION_ERROR} naming the field.
 * YAML keeps its scalar coercions: a YAML scalar has no quotes to say it is text.
 */
public final class Mappers {
    private static final ObjectMapper STRICT_JSON = strict((JsonMapper) Json.newMapper());
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Mappers() {
    }

    /** The strict reader of JSON bodies (it writes like {@link Json#mapper()}). */
    public static ObjectMapper json() {
        return STRICT_JSON;
    }

    private static ObjectMapper strict(JsonMapper product) {
        JsonMapper.Builder builder = product.rebuild()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum}) {
            builder.withCoercionConfig(type, config -> {
                for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Boolean,
                        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String}) {
                    if (!accepts(type, shape)) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                }
            });
        }
        return builder.build();
    }

    /** The natural inputs: text for text and enums, integers for integers, any number for floats. */
    private static boolean accepts(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual, Enum -> shape == CoercionInputShape.String;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Boolean -> shape == CoercionInputShape.Boolean;
            default -> true;
        };
    }

    public static ObjectMapper yaml() {
        return YAML;
    }
}
