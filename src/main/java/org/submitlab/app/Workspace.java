package org.submitlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.sim.Scenario;

/**
 * A data folder as the console uses it: Live, opened (and locked) for as long as the workspace is
 * open, and its runs: those started here, and those opened for review. Thread-safe.
 */
public final class Workspace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final LiveWorld live;
    private final Runs runs;
    private final Map<String, Run> open = new ConcurrentHashMap<>();

    private Workspace(LiveWorld live) {
        this.live = live;
        this.runs = new Runs(live.dataDir());
    }

    public static Workspace open(Path dataDir) {
        return new Workspace(LiveWorld.open(dataDir));
    }

    public LiveWorld live() {
        return live;
    }

    public Runs runs() {
        return runs;
    }

    public Path dataDir() {
        return live.dataDir();
    }

    /** Starts a new run; it stays open here until deleted or the workspace closes. */
    public Run startRun(Scenario scenario, double speed) {
        Run run = runs.start(scenario, speed);
        open.put(run.id(), run);
        return run;
    }

    /** Live for {@value LiveWorld#ID}, else the run with that id (opened for review the first time). */
    public World world(String id) {
        if (LiveWorld.ID.equals(id)) {
            return live;
        }
        return open.computeIfAbsent(id, runs::open);
    }

    public List<RunInfo> listRuns() {
        return runs.list();
    }

    /** Deletes a run that has ended, closing it here first. */
    public void deleteRun(String id) {
        RunInfo info = runs.find(id);
        if (info.state().active()) {
            throw new IllegalStateException("run " + info.id() + " is still " + info.state().id() + "; stop it first");
        }
        Run r = open.remove(info.id());
        if (r != null) {
            r.close();
        }
        runs.delete(info.id());
    }

    /** Stops the runs still playing, closes every run and Live. */
    @Override
    public void close() {
        for (Run r : open.values()) {
            try {
                r.close();
            } catch (RuntimeException e) {
                LOG.warn("closing run {}: {}", r.id(), e.toString());
            }
        }
        open.clear();
        live.close();
    }
}
