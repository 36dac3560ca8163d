package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.local.JwtKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bearer tokens for a role with the claims its scope is decided from: signed with the local key pair, or
 * printed by a command (any deployment: {@code CMD ROLE PROVINCE [AGENCY_ID]}, {@code PROVINCE} being
 * {@value #NONE} for the roles that name none: national-admin and ministry-admin). Each is asked for once.
 */
final class Tokens {

    /** What the token command receives for a claim the role does not carry. */
    static final String NONE = "-";

    /** Where tokens come from; {@code province} and {@code agencyId} null when the role carries no such claim. */
    @FunctionalInterface
    interface Source {
        String token(String role, String province, String agencyId);
    }

    private final Source source;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Tokens(Source source) {
        this.source = source;
    }

    String get(String role, String province, String agencyId) {
        return cache.computeIfAbsent(role + "|" + province + "|" + agencyId, k -> source.token(role, province, agencyId));
    }

    /** Tokens signed with the local run's key: the subject names the role and its scope. */
    static Source local(JwtKeys keys) {
        return (role, province, agencyId) -> keys.token(subject(role, province, agencyId), role, agencyId, province, Duration.ofHours(4));
    }

    /** {@code demo-loader@24} for a province's steering committee, {@code demo-loader@national}, {@code iso-officer@<agency>}, .... */
    static String subject(String role, String province, String agencyId) {
        return switch (role) {
            case "national-admin" -> "demo-loader@national";
            case "province-admin" -> "demo-loader@" + province;
            case "ministry-admin" -> "demo-loader@" + agencyId;
            default -> role + "@" + (agencyId != null ? agencyId : province);
        };
    }

    /** Tokens printed by {@code sh -c 'COMMAND "$@"' ROLE PROVINCE [AGENCY_ID]}, PROVINCE {@value #NONE} when none. */
    static Source command(String command) {
        return (role, province, agencyId) -> {
            List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", command + " \"$@\"", "token-command", role,
                    province == null ? NONE : province));
            if (agencyId != null) {
                cmd.add(agencyId);
            }
            try {
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                    throw new IllegalStateException("the token command failed for " + role + " " + province
                            + (agencyId == null ? "" : " " + agencyId) + " (exit " + p.exitValue() + ")");
                }
                String[] lines = out.split("\\R");
                return lines[lines.length - 1].trim();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run the token command: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /** The {@code sub} claim of a JWT (read, not verified: the services verify). */
    static String subjectOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("not a JWT");
        }
        try {
            JsonNode claims = Rest.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("sub").asText(claims.path("upn").asText());
        } catch (IOException e) {
            throw new IllegalStateException("not a JWT: " + e.getMessage(), e);
        }
    }
}
