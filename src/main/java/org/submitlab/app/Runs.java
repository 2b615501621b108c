package org.submitlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.submitlab.policy.LabClock;
import org.submitlab.sim.Scenario;

/**
 * The runs of a data folder, in {@code <data>/runs/<id>/}: start one, list them newest first, open one
 * for review, delete one. Works without opening Live, so {@code simulate} and {@code runs} work while a
 * console or a server uses the folder.
 */
public final class Runs {

    public static final String FOLDER = "runs";
    public static final String LATEST = "latest";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Runs this process plays, by folder: they are not "interrupted" whatever run.json says. */
    private static final Map<Path, Run> PLAYING = new ConcurrentHashMap<>();

    private final Path dataDir;

    public Runs(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path folder() {
        return dataDir.resolve(FOLDER);
    }

    /** Starts a new run of {@code scenario} at {@code speed} (1 to 3,600 simulated seconds per real second). */
    public Run start(Scenario scenario, double speed) {
        if (!(speed >= 1 && speed <= 3600)) {
            throw new IllegalArgumentException("speed must be between 1 and 3600, was " + speed);
        }
        String id = newId();
        Path folder = folder().resolve(id);
        Run run = Run.start(dataDir, folder, id, scenario, speed);
        PLAYING.put(folder, run);
        run.ended().whenComplete((r, e) -> PLAYING.remove(folder));
        return run;
    }

    /**
     * Starts a run of each scenario at {@code speed} with their devices starting together: every world is set up
     * first (store, server, mailboxes), then every run's devices start, one right after the other.
     */
    public List<Run> startTogether(List<Scenario> scenarios, double speed) {
        if (!(speed >= 1 && speed <= 3600)) {
            throw new IllegalArgumentException("speed must be between 1 and 3600, was " + speed);
        }
        List<Run> prepared = new ArrayList<>();
        try {
            for (Scenario s : scenarios) {
                String id = newId();
                Path folder = folder().resolve(id);
                Run run = Run.prepare(dataDir, folder, id, s, speed);
                prepared.add(run);
                PLAYING.put(folder, run);
                run.ended().whenComplete((r, e) -> PLAYING.remove(folder));
            }
        } catch (RuntimeException e) {
            prepared.forEach(Run::close);
            throw e;
        }
        prepared.forEach(Run::play);
        return List.copyOf(prepared);
    }

    /** Every run, newest first. */
    public List<RunInfo> list() {
        List<RunInfo> all = new ArrayList<>();
        if (!Files.isDirectory(folder())) {
            return all;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder(), Files::isDirectory)) {
            for (Path dir : ds) {
                Run.readInfo(dir).map(i -> withLiveness(dir, i)).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the runs in " + folder() + ": " + e.getMessage(), e);
        }
        all.sort(Comparator.comparing(RunInfo::started).thenComparing(RunInfo::id).reversed());
        return all;
    }

    /** A run by id, or the newest for {@value #LATEST}. */
    public RunInfo find(String idOrLatest) {
        String key = idOrLatest == null ? "" : idOrLatest.trim();
        if (key.equalsIgnoreCase(LATEST)) {
            return list().stream().findFirst()
                    .orElseThrow(() -> new NoSuchRunException("there are no runs in " + folder() + " yet"));
        }
        if (!key.matches("[A-Za-z0-9._-]+")) {
            throw new NoSuchRunException("'" + idOrLatest + "' is not a run id (see 'submitlab runs list')");
        }
        Path dir = folder().resolve(key);
        return Run.readInfo(dir).map(i -> withLiveness(dir, i))
                .orElseThrow(() -> new NoSuchRunException("no run '" + key + "' in " + folder()
                        + " (see 'submitlab runs list')"));
    }

    /** The run this process plays, or the run opened for review (read its store; close it when done). */
    public Run open(String idOrLatest) {
        RunInfo info = find(idOrLatest);
        Path dir = folder().resolve(info.id());
        Run playing = PLAYING.get(dir);
        return playing != null ? playing : Run.open(dir, info);
    }

    /** The run's store folder, for read-only commands. */
    public Path folderOf(String idOrLatest) {
        return folder().resolve(find(idOrLatest).id());
    }

    /** Deletes the run and everything it recorded; refuses while it plays (here or in another process). */
    public void delete(String id) {
        RunInfo info = find(id);
        if (info.state().active()) {
            throw new IllegalStateException("run " + info.id() + " is still " + info.state().id() + " (process "
                    + info.pid() + "); stop it first");
        }
        Path dir = folder().resolve(info.id());
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A run whose run.json says it plays, but whose process is gone, was interrupted. */
    private static RunInfo withLiveness(Path dir, RunInfo info) {
        if (!info.state().active() || PLAYING.containsKey(dir)) {
            return info;
        }
        boolean alive = info.pid() != ProcessHandle.current().pid()
                && ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
        return alive ? info : info.withState(RunState.INTERRUPTED);
    }

    private static String newId() {
        byte[] b = new byte[2];
        RANDOM.nextBytes(b);
        return ID_TIME.format(LabClock.system().instant()) + "-" + HexFormat.of().formatHex(b);
    }

    /** The run asked for does not exist. */
    public static final class NoSuchRunException extends IllegalArgumentException {
        public NoSuchRunException(String message) {
            super(message);
        }
    }
}
