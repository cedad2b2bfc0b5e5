package org.mlplayground.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mlplayground.experiment.Experiment;
import org.mlplayground.experiment.ExperimentFileException;
import org.mlplayground.experiment.ExperimentFiles;
import org.mlplayground.train.TrainingConfig;

/**
 * Save, Save As, Open and Open Recent of experiment files, the window title (the file's name, and "•" while the
 * run on screen differs from the file), autosave to a recovery file and the offer to restore it after a crash.
 *
 * <p>The run is copied on the training thread ({@link TrainingLoop#capture()}), files are written and read on a
 * thread of their own, and only the results come back to the FX thread: the window never waits for the disk.
 * A file that cannot be opened leaves the session as it was; the reason goes to the status line. The recent
 * files and the recovery file live in a folder of their own ({@code ~/.mlplayground} unless the system property
 * {@value #HOME_PROPERTY} names another, as the tests do).
 */
final class ExperimentActions implements AutoCloseable {
    /** System property naming the folder of the recent-files list and the recovery file. */
    static final String HOME_PROPERTY = "mlplayground.home";
    static final Duration AUTOSAVE_PERIOD = Duration.ofSeconds(60);
    static final int RECENT = 8;

    /** What the actions need of the window. */
    interface Host {
        /** The run, copied on the training thread. */
        CompletableFuture<ExperimentBridge.Captured> capture();

        /** Continues from {@code e} on the training thread; completes with the restored run's snapshot. */
        CompletableFuture<Snapshot> restore(Experiment e);

        /** Shows {@code config} in the controls without posting it again (FX thread). */
        void adopt(TrainingConfig config);

        /** Pauses training, as the Pause button does (FX thread). */
        void pause();

        /** A message on the status line (FX thread). */
        void report(String text, boolean problem);

        /** The newest snapshot (any thread). */
        Snapshot latest();

        /** The window for dialogs, or null. */
        Window window();
    }

    /** The host of a window: its training loop and its controls. */
    static Host host(TrainingLoop loop, java.util.function.Consumer<TrainingConfig> adopt, Runnable pause,
            java.util.function.BiConsumer<String, Boolean> report, java.util.function.Supplier<Window> window) {
        return new Host() {
            public CompletableFuture<ExperimentBridge.Captured> capture() {
                return loop.capture();
            }

            public CompletableFuture<Snapshot> restore(Experiment e) {
                return loop.restore(e);
            }

            public void adopt(TrainingConfig config) {
                adopt.accept(config);
            }

            public void pause() {
                pause.run();
            }

            public void report(String text, boolean problem) {
                report.accept(text, problem);
            }

            public Snapshot latest() {
                return loop.latest();
            }

            public Window window() {
                return window.get();
            }
        };
    }

    private final Host host;
    private final Path home;
    private final ExecutorService files = Executors.newSingleThreadExecutor(r -> daemon(r, "experiment-files"));
    private final ScheduledExecutorService autosaver = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "autosave"));
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "MLP Playground");
    private final Menu recentMenu = new Menu("Open Recent");
    /** The run as the open file (or the fresh start) holds it; FX thread. */
    private ExperimentBridge.Captured clean;
    /** The run as the recovery file holds it; autosave thread. */
    private ExperimentBridge.Captured autosaved;

    /** @param autosave the autosave period, or null for none */
    ExperimentActions(Host host, Path home, Duration autosave) {
        this.host = host;
        this.home = home;
        title.bind(Bindings.createStringBinding(() -> (dirty.get() ? "• " : "")
                + (file.get() == null ? (dirty.get() ? "Untitled — " : "") : file.get().getFileName() + " — ") + "MLP Playground",
                file, dirty));
        host.capture().thenAccept(start -> {
            autosaved = start;
            Platform.runLater(() -> {
                if (clean == null) clean = start;
            });
        });
        if (autosave != null) {
            long ms = autosave.toMillis();
            autosaver.scheduleWithFixedDelay(() -> {
                try {
                    autosave();
                } catch (RuntimeException | IOException e) {
                    Platform.runLater(() -> host.report("Autosave failed: " + reason(e), true));
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
        refreshRecentMenu();
    }

    /** The folder of the recent-files list and the recovery file: {@value #HOME_PROPERTY}, else ~/.mlplayground. */
    static Path defaultHome() {
        String named = System.getProperty(HOME_PROPERTY);
        return named != null && !named.isBlank() ? Path.of(named) : Path.of(System.getProperty("user.home"), ".mlplayground");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The experiment file the window shows, or null for an untitled run. */
    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    Path recoveryFile() {
        return home.resolve("recovery.json");
    }

    /** Updates the "•" for the snapshot now on screen (FX thread). */
    void shown(Snapshot s) {
        dirty.set(clean != null && !clean.matches(s));
    }

    // ---- Menu ---------------------------------------------------------------------------------------------------

    /** Open…, Open Recent, Save, Save As… with their keys (Ctrl+O, Ctrl+S, Ctrl+Shift+S). */
    List<MenuItem> menuItems() {
        MenuItem open = new MenuItem("Open…");
        open.setId("fileOpen");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem save = new MenuItem("Save");
        save.setId("fileSave");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> save());
        MenuItem saveAs = new MenuItem("Save As…");
        saveAs.setId("fileSaveAs");
        saveAs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveAs.setOnAction(e -> chooseAndSave());
        return List.of(open, recentMenu, save, saveAs);
    }

    private void chooseAndOpen() {
        FileChooser chooser = chooser("Open an experiment");
        java.io.File chosen = chooser.showOpenDialog(host.window());
        if (chosen != null) open(chosen.toPath());
    }

    private void chooseAndSave() {
        FileChooser chooser = chooser("Save the experiment");
        chooser.setInitialFileName(file.get() == null ? "experiment.json" : file.get().getFileName().toString());
        java.io.File chosen = chooser.showSaveDialog(host.window());
        if (chosen == null) return;
        Path path = chosen.toPath();
        if (!chosen.getName().contains(".")) path = path.resolveSibling(chosen.getName() + ".json");
        saveTo(path);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MLP Playground experiment (JSON)", "*.json"));
        Path current = file.get();
        if (current != null && current.toAbsolutePath().getParent() != null && Files.isDirectory(current.toAbsolutePath().getParent())) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    // ---- Save and open ------------------------------------------------------------------------------------------

    /** Ctrl+S: to the open file, or Save As for an untitled run. */
    void save() {
        if (file.get() == null) chooseAndSave();
        else saveTo(file.get());
    }

    /**
     * Saves the run to {@code path} (atomically) and makes it the window's file; the status line confirms or
     * says why not. FX thread.
     *
     * @return completes with the path once written, or exceptionally
     */
    CompletableFuture<Path> saveTo(Path path) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        host.capture().thenAcceptAsync(captured -> {
            try {
                ExperimentFiles.save(path, captured.experiment());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Platform.runLater(() -> {
                clean = captured;
                file.set(path);
                shown(host.latest());
                remember(path);
                host.report(String.format(Locale.ROOT, "Saved %s (epoch %,d, step %,d).", path.getFileName(),
                        captured.experiment().state().epoch(), captured.experiment().state().step()), false);
                done.complete(path);
            });
        }, files).exceptionally(failure -> {
            Platform.runLater(() -> {
                host.report("Could not save " + path.getFileName() + ": " + reason(failure), true);
                done.completeExceptionally(failure);
            });
            return null;
        });
        return done;
    }

    /**
     * Opens {@code path}: read and checked on the file thread, then the training thread goes on from it. A file
     * that cannot be opened changes nothing; its message goes to the status line. FX thread.
     *
     * @return completes with the experiment once it is on screen, or exceptionally with the reason
     */
    CompletableFuture<Experiment> open(Path path) {
        return load(path, true);
    }

    private CompletableFuture<Experiment> load(Path path, boolean asFile) {
        CompletableFuture<Experiment> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return ExperimentFiles.read(path);
            } catch (ExperimentFileException e) {
                throw new CompletionException(e);
            }
        }, files).whenComplete((experiment, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                host.report(reason(failure), true);
                done.completeExceptionally(failure);
                return;
            }
            host.pause();
            host.restore(experiment).thenCompose(shownAfter -> host.capture()).whenComplete((captured, broken) ->
                    Platform.runLater(() -> {
                        if (broken != null) {
                            host.report("Could not open " + path.getFileName() + ": " + reason(broken), true);
                            done.completeExceptionally(broken);
                            return;
                        }
                        host.adopt(experiment.config());
                        if (asFile) {
                            clean = captured;
                            file.set(path);
                            remember(path);
                        } else {
                            file.set(null);
                        }
                        shown(host.latest());
                        int epoch = experiment.state() == null ? 0 : experiment.state().epoch();
                        host.report(String.format(Locale.ROOT, "%s %s at epoch %,d.", asFile ? "Opened" : "Restored the run from",
                                asFile ? path.getFileName() : "before the crash", epoch), false);
                        done.complete(experiment);
                    }));
        }));
        return done;
    }

    // ---- Recent files -------------------------------------------------------------------------------------------

    private Path recentList() {
        return home.resolve("recent-experiments.txt");
    }

    /** The last {@value #RECENT} files saved or opened, newest first. */
    List<Path> recent() {
        try {
            if (!Files.exists(recentList())) return List.of();
            List<Path> paths = new ArrayList<>();
            for (String line : Files.readAllLines(recentList(), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && paths.size() < RECENT) paths.add(Path.of(line.strip()));
            }
            return paths;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void remember(Path path) {
        List<Path> paths = new ArrayList<>(recent());
        Path absolute = path.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        while (paths.size() > RECENT) paths.remove(paths.size() - 1);
        List<String> lines = paths.stream().map(Path::toString).toList();
        files.execute(() -> {
            try {
                Files.createDirectories(home);
                Files.write(recentList(), lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                Platform.runLater(() -> host.report("Could not update the recent files: " + e.getMessage(), true));
            }
        });
        refreshRecentMenu(paths);
    }

    private void refreshRecentMenu() {
        refreshRecentMenu(recent());
    }

    private void refreshRecentMenu(List<Path> paths) {
        recentMenu.getItems().clear();
        for (Path p : paths) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.toAbsolutePath().getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(paths.isEmpty());
    }

    // ---- Autosave and recovery ----------------------------------------------------------------------------------

    /**
     * Writes the run to the recovery file if it changed since the last autosave (autosave thread, or a test).
     *
     * @return whether it wrote
     */
    boolean autosave() throws IOException {
        Snapshot now = host.latest();
        // Until the start has been copied there is nothing to compare with, and nothing to lose.
        if (autosaved == null || autosaved.matches(now)) return false;
        ExperimentBridge.Captured captured;
        try {
            captured = host.capture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the run could not be copied: " + reason(e), e);
        }
        ExperimentFiles.save(recoveryFile(), captured.experiment());
        autosaved = captured;
        return true;
    }

    /**
     * After a crash: if a recovery file is there, asks Restore or Discard (without blocking the window). Not for
     * the {@code --snapshot} launch mode.
     */
    void offerRecovery() {
        if (!Files.isRegularFile(recoveryFile())) return;
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "MLP Playground did not close properly last time. Restore the "
                + "run it was training (autosaved at most a minute before), or discard it?", restore, discard);
        ask.setTitle("MLP Playground");
        ask.setHeaderText("Restore the last session?");
        if (host.window() != null) ask.initOwner(host.window());
        ask.resultProperty().addListener((obs, old, choice) -> {
            if (choice == restore) restoreRecovery();
            else discardRecovery();
        });
        ask.show();
    }

    /** Continues from the recovery file as an untitled run. */
    CompletableFuture<Experiment> restoreRecovery() {
        return load(recoveryFile(), false).whenComplete((e, failure) -> files.execute(this::deleteRecovery));
    }

    void discardRecovery() {
        files.execute(this::deleteRecovery);
    }

    private void deleteRecovery() {
        try {
            Files.deleteIfExists(recoveryFile());
        } catch (IOException ignored) {
            // A recovery file that cannot be deleted is offered again next time; nothing is lost.
        }
    }

    /** A clean exit: stops autosaving and removes the recovery file. */
    @Override
    public void close() {
        autosaver.shutdownNow();
        try {
            autosaver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecovery();
        files.shutdown();
    }

    static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
