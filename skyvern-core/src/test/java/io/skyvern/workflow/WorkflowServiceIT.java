package io.skyvern.workflow;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.OrgLimits;
import io.skyvern.testing.TestOrganizations;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.skyvern.workflow.WorkflowTestBed.request;
import static io.skyvern.workflow.WorkflowValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workflow definitions on a real database: versions, lists, soft delete, isolation, validation. */
class WorkflowServiceIT {
    private final WorkflowTestBed bed = new WorkflowTestBed();
    private final WorkflowService service = bed.service;
    private final String org = TestOrganizations.insert(bed.database);
    private final String otherOrg = TestOrganizations.insert(bed.database);

    @AfterEach
    void close() {
        bed.close();
    }

    static void assertFails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SkyvernException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void create_stores_version_1_active_and_get_returns_it() {
        SavedWorkflow saved = service.create(org, new WorkflowRequest("Shop", null, WorkflowTestBed.definition(),
                json("{'type':'object','properties':{'sku':{'type':'string'}}}"), null));
        Workflow w = saved.workflow();
        assertThat(w.workflowId()).startsWith("wf_");
        assertThat(w.version()).isEqualTo(1);
        assertThat(w.active()).isTrue();
        assertThat(saved.validation().warnings()).containsExactly("Consider adding a description for better maintainability");
        assertThat(saved.validation().blockCount()).isEqualTo(2);
        assertThat(saved.validation().parameterCount()).isEqualTo(1);
        assertThat(service.get(org, w.workflowId())).isEqualTo(w);
        assertThat(service.find(org, w.workflowId())).contains(w);
    }

    @Test
    void create_may_store_an_inactive_workflow() {
        Workflow w = service.create(org, new WorkflowRequest("Off", "d", WorkflowTestBed.definition(), null, false)).workflow();
        assertThat(service.get(org, w.workflowId()).active()).isFalse();
    }

    @Test
    void invalid_workflow_is_rejected_with_every_error_and_nothing_is_written() {
        WorkflowRequest bad = new WorkflowRequest("", null, json("{'blocks':[{'type':'wait'},{'id':'x','type':'bogus'}]}"),
                json("{'type':'string'}"), null);
        assertThatThrownBy(() -> service.create(org, bad)).isInstanceOfSatisfying(SkyvernException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.WORKFLOW_VALIDATION_FAILED);
            assertThat(e.errorCode().httpStatus()).isEqualTo(400);
            assertThat(e.errors()).contains("Workflow title cannot be empty", "Block 0: Missing required field 'id'",
                    "Wait block 0: Missing 'seconds' parameter", "Parameter schema must have type 'object'");
            assertThat(e.details()).containsKeys("errors", "warnings");
            assertThat(String.valueOf(e.details().get("warnings"))).contains("Consider adding a description for better maintainability");
        });
        assertThat(bed.count("workflows")).isZero();
    }

    @Test
    void org_block_limit_applies() {
        String small = TestOrganizations.insert(bed.database, new OrgLimits(10, 5, 1, 100));
        assertThatThrownBy(() -> service.create(small, request("Two blocks"))).isInstanceOfSatisfying(SkyvernException.class,
                e -> assertThat(e.errors()).containsExactly("Too many blocks (max: 1)"));
    }

    @Test
    void update_stores_a_new_version_and_only_the_latest_is_returned() {
        Workflow v1 = service.create(org, request("Shop")).workflow();
        SavedWorkflow v2 = service.update(org, v1.workflowId(), new WorkflowRequest("Shop v2", "new", WorkflowTestBed.definition(),
                null, false));
        assertThat(v2.workflow().version()).isEqualTo(2);
        assertThat(v2.workflow().createdAt()).isEqualTo(v1.createdAt());
        assertThat(v2.workflow().modifiedAt()).isAfter(v1.modifiedAt());
        assertThat(v2.workflow().active()).isFalse();
        Workflow v3 = service.update(org, v1.workflowId(), request("Shop v3")).workflow();
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.active()).as("null is_active keeps the flag").isFalse();
        assertThat(service.get(org, v1.workflowId())).isEqualTo(v3);
        assertThat(bed.count("workflows")).isEqualTo(3);
        long latest = bed.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workflows WHERE is_latest = TRUE")
                .mapTo(Long.class).one());
        assertThat(latest).isEqualTo(1);
        assertThat(service.list(org, WorkflowQuery.defaults()).items()).containsExactly(v3);
    }

    @Test
    void invalid_update_leaves_the_latest_version_unchanged() {
        Workflow v1 = service.create(org, request("Shop")).workflow();
        assertFails(() -> service.update(org, v1.workflowId(), new WorkflowRequest("Shop", "d", json("{'blocks':[]}"), null, null)),
                ErrorCode.WORKFLOW_VALIDATION_FAILED);
        assertThat(service.get(org, v1.workflowId())).isEqualTo(v1);
        assertThat(bed.count("workflows")).isEqualTo(1);
    }

    @Test
    void update_of_unknown_or_foreign_workflow_is_not_found() {
        Workflow mine = service.create(org, request("Mine")).workflow();
        assertFails(() -> service.update(otherOrg, mine.workflowId(), request("Stolen")), ErrorCode.WORKFLOW_NOT_FOUND);
        assertFails(() -> service.update(org, "wf_missing", request("x")), ErrorCode.WORKFLOW_NOT_FOUND);
        assertThat(service.get(org, mine.workflowId())).isEqualTo(mine);
    }

    @Test
    void another_organisations_workflow_is_invisible() {
        Workflow mine = service.create(org, request("Mine")).workflow();
        assertFails(() -> service.get(otherOrg, mine.workflowId()), ErrorCode.WORKFLOW_NOT_FOUND);
        assertThat(service.find(otherOrg, mine.workflowId())).isEmpty();
        assertThat(service.list(otherOrg, WorkflowQuery.defaults()).items()).isEmpty();
        assertFails(() -> service.delete(otherOrg, mine.workflowId()), ErrorCode.WORKFLOW_NOT_FOUND);
        assertThat(service.get(org, mine.workflowId())).isEqualTo(mine);
    }

    @Test
    void list_is_newest_first_paged_and_filtered_by_title_and_active_flag() {
        Workflow a = service.create(org, request("Alpha prices")).workflow();
        Workflow b = service.create(org, new WorkflowRequest("Beta PRICES", "d", WorkflowTestBed.definition(), null, false)).workflow();
        Workflow c = service.create(org, request("Gamma 100%_off")).workflow();
        service.create(otherOrg, request("Alpha prices elsewhere"));

        Page<Workflow> all = service.list(org, WorkflowQuery.defaults());
        assertThat(all.items()).containsExactly(c, b, a);
        assertThat(all.totalCount()).isEqualTo(3);

        Page<Workflow> page2 = service.list(org, new WorkflowQuery(Optional.empty(), Optional.empty(), new PageRequest(2, 2)));
        assertThat(page2.items()).containsExactly(a);
        assertThat(page2.totalCount()).isEqualTo(3);
        assertThat(page2.hasNext()).isFalse();

        assertThat(service.list(org, new WorkflowQuery(Optional.of("prices"), Optional.empty(), PageRequest.first())).items())
                .containsExactly(b, a);
        assertThat(service.list(org, new WorkflowQuery(Optional.of("100%_"), Optional.empty(), PageRequest.first())).items())
                .as("LIKE wildcards in the search are literal").containsExactly(c);
        assertThat(service.list(org, new WorkflowQuery(Optional.of("a_p"), Optional.empty(), PageRequest.first())).items())
                .isEmpty();
        assertThat(service.list(org, new WorkflowQuery(Optional.empty(), Optional.of(true), PageRequest.first())).items())
                .containsExactly(c, a);
        assertThat(service.list(org, new WorkflowQuery(Optional.of("PRICES"), Optional.of(false), PageRequest.first())).items())
                .containsExactly(b);
    }

    @Test
    void delete_is_soft_and_hides_every_version() {
        Workflow v1 = service.create(org, request("Doomed")).workflow();
        service.update(org, v1.workflowId(), request("Doomed v2"));
        service.delete(org, v1.workflowId());
        assertFails(() -> service.get(org, v1.workflowId()), ErrorCode.WORKFLOW_NOT_FOUND);
        assertThat(service.list(org, WorkflowQuery.defaults()).items()).isEmpty();
        assertFails(() -> service.update(org, v1.workflowId(), request("Back")), ErrorCode.WORKFLOW_NOT_FOUND);
        assertFails(() -> service.delete(org, v1.workflowId()), ErrorCode.WORKFLOW_NOT_FOUND);
        long deleted = bed.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM workflows WHERE deleted_at IS NOT NULL").mapTo(Long.class).one());
        assertThat(deleted).as("rows stay, marked deleted").isEqualTo(2);
    }
}
