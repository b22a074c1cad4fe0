package dev.jwtflights.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read strictly, so that a client's mistake surfaces as a 400 instead of a guess:
 * <ul>
 * <li>text fields take JSON strings only: {@code {"name": 42}} is refused instead of read as {@code "42"}, with a 400
 * that names the field;</li>
 * <li>an object that has the same key twice is refused: with the last one winning, a proxy or a log rule that reads
 * the first would see something other than the application.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer stringsOnlyFromJsonStrings() {
        return (builder) -> builder.withCoercionConfig(LogicalType.Textual, (config) -> config
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

}
