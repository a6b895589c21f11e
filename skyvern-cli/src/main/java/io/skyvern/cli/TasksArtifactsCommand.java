package io.skyvern.cli;

import io.skyvern.artifact.Artifact;
import io.skyvern.client.SkyvernClient;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.skyvern.task.StepQuery;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

/** {@code tasks artifacts ID [--download DIR]}: what a run left behind, optionally saved to disk. */
@Command(name = "artifacts", mixinStandardHelpOptions = true,
        description = "List a task's artifacts (screenshots, element trees, LLM prompts…); --download saves them.")
final class TasksArtifactsCommand extends ClientCommand {
    @Parameters(paramLabel = "TASK_ID", description = "The task id (tsk_…).")
    String taskId;

    @Option(names = "--download", paramLabel = "DIR", description = "Save every artifact's content into DIR.")
    Path download;

    @Override
    int run(SkyvernClient client) throws IOException {
        List<Artifact> artifacts = client.taskArtifacts(taskId);
        if (json()) {
            Output.json(out(), artifacts);
        } else {
            Output.table(out(), List.of("ARTIFACT_ID", "TYPE", "STEP_ID", "SIZE", "LOCATION"),
                    artifacts.stream().map(a -> List.of(a.artifactId(), a.artifactType().wireName(),
                            Output.orDash(a.stepId()), Long.toString(a.sizeBytes()), Output.orDash(a.uri()))).toList());
        }
        return download == null ? ExitCodes.OK : download(client, artifacts);
    }

    private int download(SkyvernClient client, List<Artifact> artifacts) throws IOException {
        Files.createDirectories(download);
        Map<String, Integer> stepNumbers = new HashMap<>();
        client.taskSteps(taskId, StepQuery.all()).forEach(s -> stepNumbers.put(s.step().stepId(), s.step().order()));
        Set<String> used = new HashSet<>();
        int saved = 0;
        for (Artifact a : artifacts) {
            try {
                Path file = download.resolve(fileName(a, stepNumbers, used));
                Files.write(file, client.artifactContent(a.artifactId()));
                err().println("saved " + file);
                saved++;
            } catch (SkyvernException e) {
                if (e.errorCode() == ErrorCode.SERVICE_UNAVAILABLE || e.errorCode().httpStatus() == 404) {
                    // an older server without the content endpoint, or content that is gone: say so, go on
                    err().println("cannot download " + a.artifactId() + ": " + e.getMessage());
                } else {
                    throw e;
                }
            }
        }
        err().println(saved + " of " + artifacts.size() + " artifacts saved in " + download);
        err().flush();
        return saved == artifacts.size() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * A name that says what the file is, in run order: {@code step-02-screenshot-after.png},
     * {@code task-screenshot-final.png}; a second prompt of the same step gets {@code -2}.
     */
    static String fileName(Artifact a, Map<String, Integer> stepNumbers, Set<String> used) {
        Integer step = a.stepId() == null ? null : stepNumbers.get(a.stepId());
        String prefix = step != null ? String.format(Locale.ROOT, "step-%02d-", step)
                : a.stepId() != null ? a.stepId() + "-" : "task-";
        String base = prefix + a.artifactType().wireName().replace('_', '-');
        String ext = extension(a.contentType());
        String name = base + ext;
        for (int n = 2; !used.add(name); n++) {
            name = base + "-" + n + ext;
        }
        return name;
    }

    static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/png")) {
            return ".png";
        }
        if (type.startsWith("image/jpeg")) {
            return ".jpg";
        }
        if (type.contains("json")) {
            return ".json";
        }
        if (type.startsWith("text/html")) {
            return ".html";
        }
        if (type.startsWith("text/")) {
            return ".txt";
        }
        return ".bin";
    }
}
