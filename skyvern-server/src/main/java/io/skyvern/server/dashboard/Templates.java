package io.skyvern.server.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/**
 * Renders the precompiled JTE templates of src/main/jte. Precompiled (jte-maven-plugin) rather than
 * compiled at run time: the build type-checks every template, start-up compiles nothing, and the
 * server runs on a JRE. HTML output escapes every {@code ${…}} by context (text, attribute, script).
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }
}
