# syntax=docker/dockerfile:1
# Access Desk as a container: built with the Maven wrapper on a pinned Temurin JDK, run on
# the matching pinned Temurin JRE as a non-root user. Tests run in CI (./mvnw verify needs
# PostgreSQL and Chromium), not in the image build.
#   docker build -t accessdesk .          (or: docker compose up, see docker-compose.yml)

FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/main/ src/main/
COPY db/ db/
COPY web-static/ web-static/
# The cache mount keeps Maven's downloads between builds (BuildKit, Docker's default builder).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests package \
    && cp target/access-desk-*.jar /access-desk.jar

FROM eclipse-temurin:17.0.15_6-jre-noble
RUN groupadd --system --gid 10001 accessdesk \
    && useradd --system --uid 10001 --gid accessdesk --no-create-home --shell /usr/sbin/nologin accessdesk
WORKDIR /app
COPY --from=build /access-desk.jar /app/access-desk.jar
USER 10001:10001
EXPOSE 8080
# Heap follows the container's memory limit; an out-of-memory JVM exits and is restarted
# rather than limping on.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Ready = PostgreSQL answers and this instance hears the doorbell (LISTEN); the image has curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/access-desk.jar"]
