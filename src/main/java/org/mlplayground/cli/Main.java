package org.mlplayground.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless front end: {@code mvn -q -B exec:java -Dexec.args="surface …"} (or {@code "data --check FILE"},
 * {@code "lesson --check DIR"}).
 * Every error a user can cause is one line on stderr starting with {@code error:} and a non-zero exit code,
 * never a stack trace.
 */
@Command(name = "mlp-playground", mixinStandardHelpOptions = true, version = "MLP Playground 0.1.0",
        description = "Headless commands of MLP Playground.", subcommands = {SurfaceCommand.class, DataCommand.class,
        TrainCommand.class, LessonCommand.class})
public final class Main implements Runnable {
    /** Exit code of a bad command line or an impossible setting. */
    static final int USAGE = 2;
    /** Exit code of a failure that is not the user's doing. */
    static final int FAILURE = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; known commands: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out);
        PrintWriter err = new PrintWriter(System.err);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line {@code args}, writing results to {@code out} and errors to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignored) -> fail(ex.getCommandLine().getErr(), ex.getMessage(), USAGE));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> ex instanceof IllegalArgumentException
                ? fail(commandLine.getErr(), ex.getMessage(), USAGE)
                : fail(commandLine.getErr(), "unexpected failure: " + ex, FAILURE));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The message flattened to one line, since a script reads the first line only. */
    private static int fail(PrintWriter err, String message, int code) {
        err.println("error: " + String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip());
        err.flush();
        return code;
    }
}
