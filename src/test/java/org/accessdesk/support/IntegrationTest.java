package org.accessdesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port against the real PostgreSQL of {@link TestDatabase}
 * and the real SMTP server of {@link TestMail}, with a clock tests can move forward
 * ({@link TestClock}). Every test class uses the same configuration, so one application
 * context serves them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// Generous: CI machines have two cores, and a slow answer is not a wrong one.
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
@ContextConfiguration(initializers = { TestDatabase.class, TestMail.class })
@Import({ TestClock.Configuration.class, TestHttp.Configuration.class })
public @interface IntegrationTest {

}
