package vn.govqms.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The repository as the deployment files see it: the services, their settings and the topics they use. */
final class Repo {

    static final List<String> SERVICES = List.of("document-service", "audit-service", "scoring-service", "notification-service");

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("govqms.repo", "../..")).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's settings as it starts with them: the kit's defaults, then its own application.properties over them. */
    static Properties config(String service) {
        Properties p = new Properties();
        load(p, "service-kit/src/main/resources/META-INF/microprofile-config.properties");
        load(p, service + "/src/main/resources/application.properties");
        return p;
    }

    private static void load(Properties into, String relative) {
        try (Reader r = Files.newBufferedReader(file(relative), StandardCharsets.UTF_8)) {
            into.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property's value with a {@code ${key:default}} expression resolved one level (enough for the channel switches). */
    private static String resolved(Properties p, String key) {
        String v = p.getProperty(key);
        var m = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}").matcher(v == null ? "" : v);
        return m.matches() ? p.getProperty(m.group(1), m.group(2)) : v;
    }

    static boolean usesMailer(String service) {
        return read(service + "/pom.xml").contains("<artifactId>quarkus-mailer</artifactId>");
    }

    /**
     * The environment a service cannot start without in production: its database, the broker, the
     * token keys and issuer, the port the probes use, the SMTP relay when it sends mail, and every
     * {@code ${VAR}} without a default in its application.properties.
     */
    static Set<String> requiredEnvironment(String service) {
        Set<String> required = new TreeSet<>(List.of("QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_REACTIVE_URL",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER"));
        if (usesMailer(service)) {
            required.addAll(List.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_FROM"));
        }
        Properties p = config(service);
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            var m = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}").matcher(p.getProperty(key));
            while (m.find()) {
                String name = m.group(1);
                if (!p.containsKey(name)) {
                    required.add(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
                }
            }
        }
        return required;
    }

    /** Kafka topics a service reads by name: the topics of its enabled incoming channels that do not subscribe by pattern. */
    static Set<String> topics(String service) {
        return incoming(service, false);
    }

    /** The topic patterns (regular expressions) of a service's enabled incoming channels that subscribe by pattern. */
    static Set<String> topicPatterns(String service) {
        return incoming(service, true);
    }

    /**
     * The literal prefix every topic a pattern matches starts with (what a prefixed ACL names): the pattern up to its
     * first metacharacter, escaped dots taken as dots.
     */
    static String prefixOf(String pattern) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '.') {
                prefix.append('.');
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                prefix.append(c);
            } else {
                break;
            }
        }
        return prefix.toString();
    }

    private static Set<String> incoming(String service, boolean patterns) {
        Set<String> topics = new TreeSet<>();
        Properties p = config(service);
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")
                    && !"false".equals(resolved(p, key.replaceAll("\\.topic$", ".enabled")))
                    && patterns == "true".equals(p.getProperty(key.replaceAll("\\.topic$", ".pattern")))) {
                topics.add(p.getProperty(key));
            }
        }
        return topics;
    }

    /** Topics a service consumes by name: its enabled incoming channels' topics (patterns apart). */
    static Set<String> consumedTopics(String service) {
        return topics(service);
    }

    /** Consumer groups a service joins: its incoming channels' group ids (Quarkus defaults one to the application name). */
    static Set<String> consumerGroups(String service) {
        Properties p = config(service);
        Set<String> groups = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")
                    && !"false".equals(resolved(p, key.replaceAll("\\.topic$", ".enabled")))) {
                String channel = key.substring(0, key.length() - ".topic".length());
                String group = p.getProperty(channel + ".group.id", "${quarkus.application.name}");
                groups.add(group.replace("${quarkus.application.name}", p.getProperty("quarkus.application.name")));
            }
        }
        return groups;
    }

    /**
     * Topics a service writes: the topic its outbox publishes ({@code <name>.events}, named in its code), its outgoing
     * channels' topics, and its dead letters ({@link #deadLetterTopics}).
     */
    static Set<String> writtenTopics(String service) {
        Set<String> topics = new TreeSet<>(channelSettings(service, "outgoing", "topic"));
        // the kit's dead letters go to the topic set per record; the channel's own topic is only a placeholder
        topics.remove(config(service).getProperty("mp.messaging.outgoing.dead-letters.topic"));
        topics.addAll(deadLetterTopics(service).values());
        String own = service.replace("-service", "") + ".events";
        try (var files = Files.walk(file(service + "/src/main/java"))) {
            if (files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> read(root().relativize(f).toString()).contains('"' + own + '"'))) {
                topics.add(own);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    /**
     * Where each enabled incoming channel's poison records go (the kit's {@code EventConsumer}): the topic the channel
     * names ({@code govqms.dead-letters.topics.<channel>}), else {@code <topic>.dlq} beside the topic it reads; a channel
     * subscribed by pattern that names none maps to null (it would need write access to every topic it reads).
     */
    static Map<String, String> deadLetterTopics(String service) {
        Properties p = config(service);
        Map<String, String> dead = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")
                    && !"false".equals(resolved(p, key.replaceAll("\\.topic$", ".enabled")))) {
                String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".topic".length());
                String named = p.getProperty("govqms.dead-letters.topics." + channel);
                boolean pattern = "true".equals(p.getProperty(key.replaceAll("\\.topic$", ".pattern")));
                dead.put(channel, named != null ? named : pattern ? null : p.getProperty(key) + ".dlq");
            }
        }
        return dead;
    }

    private static Set<String> channelSettings(String service, String direction, String setting) {
        Set<String> values = new TreeSet<>();
        Properties p = config(service);
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging." + direction + ".") && key.endsWith("." + setting)) {
                values.add(p.getProperty(key));
            }
        }
        return values;
    }
}
