package io.skyvern.server.http;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRoutesTest {
    @Test
    void a_route_carries_its_operation_and_an_authenticated_one_its_access_role() {
        Operation keyed = Operation.of("tasks", "Get a task").params(Param.path("task_id")).errors(404);
        Operation open = Operation.of("ops", "Health").open();
        Javalin app = Javalin.create(config -> new ApiRoutes(config.routes)
                .get("/api/v1/tasks/{task_id}", keyed, ctx -> ctx.result("task"))
                .post("/health", open, ctx -> ctx.result("ok")));
        Map<String, Endpoint> endpoints = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint).collect(Collectors.toMap(e -> e.method.name() + " " + e.path, e -> e));

        Endpoint task = endpoints.get("GET /api/v1/tasks/{task_id}");
        assertThat(task.metadata(Operation.class)).isEqualTo(keyed);
        assertThat(task.metadata(Roles.class).getRoles()).containsExactly(Access.API_KEY_OR_SESSION);
        Endpoint health = endpoints.get("POST /health");
        assertThat(health.metadata(Operation.class)).isEqualTo(open);
        assertThat(health.metadata(Roles.class)).as("an open route has no role, so AuthHandler leaves it").isNull();
    }

    @Test
    void operation_builders_copy_and_accumulate() {
        Operation base = Operation.of("t", "s");
        Operation built = base.params(Param.query("page", "integer", "Page")).errors(404).errors(409).created()
                .returnsList(String.class);
        assertThat(base.params()).isEmpty();
        assertThat(built.errorStatuses()).containsExactly(404, 409);
        assertThat(built.status()).isEqualTo(201);
        assertThat(built.dataIsList()).isTrue();
        assertThat(built.authenticated()).isTrue();
        assertThat(built.keyOnly().access()).isEqualTo(Access.API_KEY);
        assertThat(built.open().authenticated()).isFalse();
    }
}
