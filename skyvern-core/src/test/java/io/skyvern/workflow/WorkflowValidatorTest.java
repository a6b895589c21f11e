package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import io.skyvern.config.OrgLimits;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowValidatorTest {
    private static final String NAV = "{'id':'nav','type':'navigation','parameters':{'url':'https://a.test','navigation_goal':'go'}}";
    private final WorkflowValidator validator = new WorkflowValidator();

    static JsonNode json(String relaxed) {
        try {
            return Json.mapper().readTree(relaxed.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ValidationResult validate(String definition) {
        return validate("A title", "desc", json(definition), null, OrgLimits.DEFAULTS);
    }

    private ValidationResult validateBlocks(String blocks) {
        return validate("{'blocks':[" + blocks + "]}");
    }

    private ValidationResult validate(String title, String description, JsonNode definition, JsonNode schema,
                                      OrgLimits limits) {
        return validator.validate(new WorkflowRequest(title, description, definition, schema, null), limits);
    }

    @Test
    void valid_single_block_workflow_has_no_errors_and_counts() {
        ValidationResult r = validate("T", "d", json("{'blocks':[" + NAV + "]}"),
                json("{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'integer'}}}"), OrgLimits.DEFAULTS);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.isValid()).isTrue();
        assertThat(r.blockCount()).isEqualTo(1);
        assertThat(r.parameterCount()).isEqualTo(2);
    }

    @Test
    void every_block_type_with_its_parameters_is_valid() {
        String blocks = String.join(",",
                "{'id':'a','type':'navigation','parameters':{'url':'u','navigation_goal':'g'}}",
                "{'id':'b','type':'task','parameters':{'url':'u','navigation_goal':'g'},'continue_on_failure':true}",
                "{'id':'c','type':'extraction','parameters':{'data_extraction_goal':'g'}}",
                "{'id':'d','type':'loop','parameters':{'loop_over':'{{ params.items }}','loop_blocks':['e']}}",
                "{'id':'e','type':'code','parameters':{'code':'return 1'}}",
                "{'id':'f','type':'condition','parameters':{'condition_expression':'x > 1'}}",
                "{'id':'g','type':'wait','parameters':{'seconds':2.5}}",
                "{'id':'h','type':'http_request','parameters':{'method':'post','url':'https://x.test'}}",
                "{'id':'i','type':'text_prompt','parameters':{'prompt':'p'}}");
        String connections = "{'source':'a','target':'b'},{'source':'b','target':'c'},{'source':'c','target':'d'},"
                + "{'source':'d','target':'f'},{'source':'f','target':'g','condition':true},"
                + "{'source':'f','target':'h','condition':false},{'source':'g','target':'i'},{'source':'h','target':'i'}";
        ValidationResult r = validate("{'blocks':[" + blocks + "],'connections':[" + connections + "]}");
        assertThat(r.errors()).isEmpty();
        assertThat(r.blockCount()).isEqualTo(9);
    }

    @Test
    void title_blank_and_too_long_are_errors() {
        JsonNode def = json("{'blocks':[" + NAV + "]}");
        assertThat(validate(" ", "d", def, null, OrgLimits.DEFAULTS).errors()).containsExactly("Workflow title cannot be empty");
        assertThat(validate(null, "d", def, null, OrgLimits.DEFAULTS).errors()).containsExactly("Workflow title cannot be empty");
        assertThat(validate("x".repeat(100), "d", def, null, OrgLimits.DEFAULTS).errors()).isEmpty();
        assertThat(validate("x".repeat(101), "d", def, null, OrgLimits.DEFAULTS).errors())
                .containsExactly("Workflow title too long (max 100 characters)");
    }

    @Test
    void definition_is_required_and_must_be_an_object_with_blocks() {
        assertThat(validate("T", "d", null, null, OrgLimits.DEFAULTS).errors()).containsExactly("Workflow definition is required");
        assertThat(validate("T", "d", json("[1]"), null, OrgLimits.DEFAULTS).errors())
                .containsExactly("Workflow definition must be an object");
        assertThat(validate("{}").errors()).containsExactly("Workflow must contain at least one block");
        assertThat(validate("{'blocks':[]}").errors()).containsExactly("Workflow must contain at least one block");
        assertThat(validate("{'blocks':{}}").errors()).containsExactly("Field 'blocks' must be an array");
        assertThat(validate("{'blocks':[" + NAV + "],'connections':{}}").errors())
                .containsExactly("Field 'connections' must be an array");
    }

    @Test
    void block_id_and_type_rules() {
        assertThat(validateBlocks("{'type':'code','parameters':{'code':'x'}}").errors())
                .containsExactly("Block 0: Missing required field 'id'");
        assertThat(validateBlocks("{'id':'  ','type':'code','parameters':{'code':'x'}}").errors())
                .containsExactly("Block 0: Field 'id' must be a non-blank string");
        assertThat(validateBlocks("{'id':7,'type':'code','parameters':{'code':'x'}}").errors())
                .containsExactly("Block 0: Field 'id' must be a non-blank string");
        assertThat(validateBlocks("{'id':'has space','type':'code','parameters':{'code':'x'}}").errors())
                .containsExactly("Block 0: Invalid block ID 'has space' (use 1 to 100 letters, digits, '_' or '-')");
        assertThat(validateBlocks("{'id':'" + "a".repeat(101) + "','type':'code','parameters':{'code':'x'}}").errors())
                .hasSize(1).first().asString().startsWith("Block 0: Invalid block ID");
        assertThat(validateBlocks("{'id':'a','parameters':{}}").errors())
                .containsExactly("Block 0: Missing required field 'type'");
        assertThat(validateBlocks("{'id':'a','type':'teleport'}").errors()).hasSize(1).first().asString()
                .startsWith("Block 0: Invalid block type 'teleport'");
        assertThat(validateBlocks("5").errors()).containsExactly("Block 0: must be an object");
    }

    @Test
    void duplicate_ids_continue_on_failure_and_parameters_shape() {
        assertThat(validateBlocks(NAV + "," + NAV).errors()).contains("Duplicate block ID: nav");
        assertThat(validateBlocks("{'id':'a','type':'code','parameters':{'code':'x'},'continue_on_failure':'yes'}").errors())
                .containsExactly("Block 0: Field 'continue_on_failure' must be a boolean");
        assertThat(validateBlocks("{'id':'a','type':'code','parameters':[1]}").errors())
                .containsExactly("Block 0: Field 'parameters' must be an object");
    }

    @Test
    void type_specific_required_parameters() {
        assertThat(validateBlocks("{'id':'a','type':'navigation'}").errors()).containsExactly(
                "Navigation block 0: Missing 'url' parameter", "Navigation block 0: Missing 'navigation_goal' parameter");
        assertThat(validateBlocks("{'id':'a','type':'task','parameters':{'url':' ','navigation_goal':3}}").errors())
                .containsExactly("Task block 0: Parameter 'url' must be a non-blank string",
                        "Task block 0: Parameter 'navigation_goal' must be a non-blank string");
        assertThat(validateBlocks("{'id':'a','type':'extraction','parameters':{}}").errors())
                .containsExactly("Extraction block 0: Missing 'data_extraction_goal' parameter");
        assertThat(validateBlocks("{'id':'a','type':'loop','parameters':{}}").errors()).contains(
                "Loop block 0: Missing 'loop_over' parameter", "Loop block 0: Missing 'loop_blocks' parameter");
        assertThat(validateBlocks("{'id':'a','type':'condition'}").errors())
                .containsExactly("Condition block 0: Missing 'condition_expression' parameter");
        assertThat(validateBlocks("{'id':'a','type':'code'}").errors()).containsExactly("Code block 0: Missing 'code' parameter");
        assertThat(validateBlocks("{'id':'a','type':'text_prompt'}").errors())
                .containsExactly("Text prompt block 0: Missing 'prompt' parameter");
        assertThat(validateBlocks("{'id':'a','type':'http_request'}").errors()).containsExactly(
                "HTTP request block 0: Missing 'method' parameter", "HTTP request block 0: Missing 'url' parameter");
        assertThat(validateBlocks("{'id':'a','type':'http_request','parameters':{'method':'FETCH','url':'u'}}").errors())
                .containsExactly("HTTP request block 0: Invalid method 'FETCH' (allowed: GET, POST, PUT, PATCH, DELETE, HEAD)");
    }

    @Test
    void wait_seconds_must_be_a_number_between_0_and_3600() {
        assertThat(validateBlocks("{'id':'a','type':'wait'}").errors()).containsExactly("Wait block 0: Missing 'seconds' parameter");
        for (String bad : new String[] {"-1", "3600.5", "'10'"}) {
            assertThat(validateBlocks("{'id':'a','type':'wait','parameters':{'seconds':" + bad + "}}").errors())
                    .containsExactly("Wait block 0: Parameter 'seconds' must be a number between 0 and 3600");
        }
        assertThat(validateBlocks("{'id':'a','type':'wait','parameters':{'seconds':0}}").errors()).isEmpty();
        assertThat(validateBlocks("{'id':'a','type':'wait','parameters':{'seconds':3600}}").errors()).isEmpty();
    }

    @Test
    void loop_blocks_must_name_existing_other_blocks() {
        String loop = "{'id':'l','type':'loop','parameters':{'loop_over':'x','loop_blocks':['c','ghost','l']}}";
        String body = "{'id':'c','type':'code','parameters':{'code':'x'}}";
        assertThat(validateBlocks(loop + "," + body).errors()).containsExactly(
                "Loop block 0: Unknown block ID 'ghost' in 'loop_blocks'", "Loop block 0: cannot contain itself in 'loop_blocks'");
        assertThat(validateBlocks("{'id':'l','type':'loop','parameters':{'loop_over':'x','loop_blocks':[]}}").errors())
                .containsExactly("Loop block 0: Parameter 'loop_blocks' must be a non-empty array of block IDs");
        assertThat(validateBlocks("{'id':'l','type':'loop','parameters':{'loop_over':'x','loop_blocks':[1]}}").errors())
                .containsExactly("Loop block 0: Parameter 'loop_blocks' must contain only block IDs (strings)");
    }

    @Test
    void loop_body_blocks_do_not_count_as_start_blocks() {
        String loop = "{'id':'l','type':'loop','parameters':{'loop_over':'x','loop_blocks':['c']}}";
        assertThat(validateBlocks(loop + ",{'id':'c','type':'code','parameters':{'code':'x'}}").errors()).isEmpty();
    }

    @Test
    void connection_rules() {
        String blocks = "{'id':'a','type':'code','parameters':{'code':'x'}},{'id':'b','type':'code','parameters':{'code':'x'}}";
        ValidationResult r = validate("{'blocks':[" + blocks + "],'connections':[{'target':'b'},{'source':'a','target':'x'},"
                + "{'source':'y','target':'b'},{'source':'b','target':'b'},{'source':'a'},{'source':'a','target':'b','condition':true},"
                + "{'source':'a','target':'b','condition':'maybe'},7,{'source':1,'target':'b'}]}");
        assertThat(r.errors()).containsExactly(
                "Connection 0: Missing 'source' field",
                "Connection 1: Invalid target block ID 'x'",
                "Connection 2: Invalid source block ID 'y'",
                "Connection 3: Block cannot connect to itself",
                "Connection 4: Missing 'target' field",
                "Connection 5: Field 'condition' is only allowed on connections from a condition block",
                "Connection 6: Field 'condition' must be true or false",
                "Connection 7: must be an object",
                "Connection 8: Field 'source' must be a block ID (string)");
    }

    @Test
    void a_cycle_is_reported_with_its_block_ids() {
        String blocks = "{'id':'s','type':'code','parameters':{'code':'x'}},{'id':'a','type':'code','parameters':{'code':'x'}},"
                + "{'id':'b','type':'code','parameters':{'code':'x'}},{'id':'c','type':'code','parameters':{'code':'x'}}";
        ValidationResult r = validate("{'blocks':[" + blocks + "],'connections':[{'source':'s','target':'a'},"
                + "{'source':'a','target':'b'},{'source':'b','target':'c'},{'source':'c','target':'a'}]}");
        assertThat(r.errors()).containsExactly("Workflow contains a cycle: a -> b -> c -> a");
    }

    @Test
    void zero_or_several_start_blocks_are_errors() {
        String two = "{'id':'a','type':'code','parameters':{'code':'x'}},{'id':'b','type':'code','parameters':{'code':'x'}}";
        assertThat(validateBlocks(two).errors()).containsExactly(
                "Workflow has several start blocks: a, b (exactly one block may have no incoming connection)");
        ValidationResult cycle = validate("{'blocks':[" + two + "],'connections':[{'source':'a','target':'b'},{'source':'b','target':'a'}]}");
        assertThat(cycle.errors()).containsExactly("Workflow contains a cycle: a -> b -> a",
                "Workflow has no start block (every block has an incoming connection)");
    }

    @Test
    void parameter_schema_must_be_a_valid_object_schema() {
        JsonNode def = json("{'blocks':[" + NAV + "]}");
        assertThat(validate("T", "d", def, json("{'type':'string'}"), OrgLimits.DEFAULTS).errors())
                .containsExactly("Parameter schema must have type 'object'");
        assertThat(validate("T", "d", def, json("[1]"), OrgLimits.DEFAULTS).errors())
                .containsExactly("Parameter schema must be a JSON object");
        ValidationResult bad = validate("T", "d", def, json("{'type':'object','properties':{'a':{'type':'strung'}},'required':'a'}"),
                OrgLimits.DEFAULTS);
        assertThat(bad.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("Parameter schema: "));
        assertThat(String.join("\n", bad.errors())).contains("required").contains("type");
    }

    @Test
    void parameter_schema_may_not_reference_external_documents() {
        JsonNode def = json("{'blocks':[" + NAV + "]}");
        JsonNode schema = json("{'type':'object','properties':{'a':{'$ref':'http://127.0.0.1:9/evil.json'}}}");
        ValidationResult r = validate("T", "d", def, schema, OrgLimits.DEFAULTS);
        assertThat(r.errors()).hasSize(1).first().asString().startsWith("Parameter schema cannot be compiled")
                .contains("external schema references are not allowed");
        JsonNode local = json("{'type':'object','$defs':{'e':{'type':'string'}},'properties':{'a':{'$ref':'#/$defs/e'}}}");
        assertThat(validate("T", "d", def, local, OrgLimits.DEFAULTS).errors()).isEmpty();
    }

    @Test
    void description_and_documents_are_limited_to_what_storage_holds() {
        JsonNode def = json("{'blocks':[" + NAV + "]}");
        assertThat(validate("T", "d".repeat(10_000), def, null, OrgLimits.DEFAULTS).errors()).isEmpty();
        assertThat(validate("T", "d".repeat(10_001), def, null, OrgLimits.DEFAULTS).errors())
                .containsExactly("Workflow description too long (max 10000 characters)");
        JsonNode huge = json("{'blocks':[{'id':'c','type':'code','parameters':{'code':'" + "x".repeat(1_000_000) + "'}}]}");
        assertThat(validate("T", "d", huge, null, OrgLimits.DEFAULTS).errors())
                .containsExactly("Workflow definition too large (max 1000000 characters as JSON)");
    }

    @Test
    void org_block_limit_and_large_workflow_warning() {
        String chain = IntStream.range(0, 21).mapToObj(i -> "{'id':'b" + i + "','type':'code','parameters':{'code':'x'}}")
                .collect(Collectors.joining(","));
        String connections = IntStream.range(0, 20).mapToObj(i -> "{'source':'b" + i + "','target':'b" + (i + 1) + "'}")
                .collect(Collectors.joining(","));
        JsonNode def = json("{'blocks':[" + chain + "],'connections':[" + connections + "]}");
        ValidationResult ok = validate("T", "d", def, null, OrgLimits.DEFAULTS);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.warnings()).containsExactly("Large workflow may have performance implications");
        ValidationResult limited = validate("T", "d", def, null, new OrgLimits(10, 5, 20, 100));
        assertThat(limited.errors()).containsExactly("Too many blocks (max: 20)");
    }

    @Test
    void missing_description_is_a_warning_not_an_error() {
        ValidationResult r = validate("T", null, json("{'blocks':[" + NAV + "]}"), null, OrgLimits.DEFAULTS);
        assertThat(r.isValid()).isTrue();
        assertThat(r.warnings()).containsExactly("Consider adding a description for better maintainability");
    }

    @Test
    void all_errors_are_reported_at_once() {
        ValidationResult r = validate("", null, json("{'blocks':[{'type':'navigation'},{'id':'a','type':'nope'},"
                + "{'id':'a','type':'wait','parameters':{'seconds':9999}}],'connections':[{'source':'a','target':'zz'}]}"),
                json("{'type':'array'}"), OrgLimits.DEFAULTS);
        assertThat(r.errors()).contains("Workflow title cannot be empty",
                "Block 0: Missing required field 'id'",
                "Navigation block 0: Missing 'url' parameter",
                "Block 1: Invalid block type 'nope' (allowed: " + String.join(", ", BlockRules.TYPES) + ")",
                "Wait block 2: Parameter 'seconds' must be a number between 0 and 3600",
                "Duplicate block ID: a",
                "Connection 0: Invalid target block ID 'zz'",
                "Parameter schema must have type 'object'");
        assertThat(r.warnings()).containsExactly("Consider adding a description for better maintainability");
        assertThat(r.isValid()).isFalse();
    }
}
