package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.workflow.SavedWorkflow;
import io.skyvern.workflow.WorkflowDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.skyvern.workflow.WorkflowRequest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code workflows create -f FILE}: stores a workflow from a YAML or JSON document. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a workflow from a YAML (.yaml/.yml) or JSON document.")
final class WorkflowsCreateCommand extends ClientCommand {
    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The workflow document.")
    Path file;

    @Override
    int run(SkyvernClient client) {
        print(out(), err(), json(), client.createWorkflow(read(file)), "created");
        return ExitCodes.OK;
    }

    /** The document in FILE, YAML by its extension (.yaml, .yml), else JSON. */
    static WorkflowRequest read(Path file) {
        String document;
        try {
            document = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + " does not exist");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + " (" + e.getMessage() + ")");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        WorkflowDocuments.Format format = name.endsWith(".yaml") || name.endsWith(".yml")
                ? WorkflowDocuments.Format.YAML : WorkflowDocuments.Format.JSON;
        return WorkflowDocuments.parse(document, format);
    }

    /**
     * With {@code --json}, the workflow exactly as the API's {@code data} (the API puts the validation
     * summary in {@code metadata}); the warnings then go to stderr, so stdout stays one document.
     */
    static void print(PrintWriter out, PrintWriter err, boolean json, SavedWorkflow saved, String verb) {
        if (json) {
            Output.json(out, saved.workflow());
            saved.validation().warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
        } else {
            out.println(saved.workflow().workflowId() + " " + verb + " (version " + saved.workflow().version() + ", "
                    + saved.validation().blockCount() + " blocks)");
            saved.validation().warnings().forEach(w -> out.println("warning: " + w));
            out.flush();
        }
    }
}
