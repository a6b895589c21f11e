package io.skyvern.server.liveview;

import io.javalin.http.Context;
import io.skyvern.browser.Screencast;
import io.skyvern.liveview.LiveViewService;
import io.skyvern.server.http.RequestAttributes;
import io.skyvern.server.http.ApiRouteGroup;
import io.skyvern.server.http.ApiRoutes;
import io.skyvern.server.http.Operation;
import io.skyvern.server.http.Param;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * GET /api/v1/tasks/{task_id}/live and /api/v1/workflows/{workflow_id}/runs/{run_id}/live: the
 * run's browser as {@code multipart/x-mixed-replace} JPEG frames, so a plain {@code <img>} shows
 * it. Errors (404, 409 RUN_NOT_RUNNING) are the JSON envelope, answered before the stream starts.
 * The stream ends when the run ends on this node or the viewer goes away. At most
 * {@link #MAX_FPS} frames a second are sent (newer frames replace older ones meanwhile), which with
 * the screencast's size and quality bounds the bandwidth.
 */
public final class LiveViewRoutes implements ApiRouteGroup {
    static final int MAX_FPS = 10;
    private static final String BOUNDARY = "skyvernframe";
    private final LiveViewService liveView;

    public LiveViewRoutes(LiveViewService liveView) {
        this.liveView = liveView;
    }

    @Override
    public void register(ApiRoutes api) {
        api.get("/api/v1/tasks/{task_id}/live", Operation.of("tasks", "Live view of a running task's browser: "
                + "multipart/x-mixed-replace JPEG frames (an <img> shows it); ends with the run; a dashboard session "
                + "cookie also works").params(Param.path("task_id")).errors(404, 409), ctx -> {
            String taskId = ctx.pathParam("task_id");
            stream(ctx, liveView.watchTask(RequestAttributes.organizationId(ctx), taskId), taskId);
        });
        api.get("/api/v1/workflows/{workflow_id}/runs/{run_id}/live", Operation.of("workflows", "Live view of a "
                + "running workflow run's browser (as the task's)").params(Param.path("workflow_id"),
                Param.path("run_id")).errors(404, 409), ctx -> {
            String runId = ctx.pathParam("run_id");
            stream(ctx, liveView.watchWorkflowRun(RequestAttributes.organizationId(ctx),
                    ctx.pathParam("workflow_id"), runId), runId);
        });
    }

    private void stream(Context ctx, Screencast screencast, String runId) throws InterruptedException {
        try (screencast) {
            ctx.status(200);
            ctx.res().setContentType("multipart/x-mixed-replace; boundary=" + BOUNDARY);
            ctx.res().setHeader("Cache-Control", "no-store");
            // Written to the servlet stream itself: Javalin's own output stream would buffer and gzip it.
            OutputStream out = ctx.res().getOutputStream();
            long minGapNanos = 1_000_000_000L / MAX_FPS;
            long lastSent = 0;
            while (liveView.running(runId) && !screencast.ended()) {
                Optional<byte[]> frame = screencast.nextFrame(Duration.ofSeconds(1));
                if (frame.isEmpty()) {
                    continue;
                }
                long wait = lastSent + minGapNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                write(out, frame.get());
                lastSent = System.nanoTime();
            }
            out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException viewerGone) {
            // the viewer closed the page: nothing to answer
        }
    }

    private static void write(OutputStream out, byte[] jpeg) throws IOException {
        out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
