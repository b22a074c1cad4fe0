package dev.jwtflights.test.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test (a {@code @SpringBootTest}, a {@code @DataJpaTest}) against a database of its own on the embedded
 * PostgreSQL server ({@link EmbeddedPostgresDatabase}), with the H2 console off. The datasource is kept as configured:
 * a test slice does not swap it for an embedded H2 database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedPostgresDatabase.class)
@AutoConfigureTestDatabase(replace = Replace.NONE)
public @interface OnPostgres {

}
