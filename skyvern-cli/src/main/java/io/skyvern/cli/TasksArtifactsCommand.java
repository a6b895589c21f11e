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
import java.util.List;
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
        int saved = 0;
        for (Artifact a : artifacts) {
            try {
                Path file = download.resolve(a.artifactId() + extension(a.contentType()));
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
