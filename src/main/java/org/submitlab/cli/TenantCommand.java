package org.submitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.submitlab.policy.Setting;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;
import org.submitlab.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tenant show|set}: Live's tenant settings, changed at once even while a server runs on the folder. */
@Command(name = "tenant", mixinStandardHelpOptions = true,
        description = "Live's tenant settings: every limit and switch with its value, range and Exchange's value.",
        subcommands = {TenantCommand.Show.class, TenantCommand.Set.class})
public final class TenantCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: show or set");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Shows every setting.", "With --json: one object, each setting by its key (the options "
                    + "of 'tenant set' without their dashes, in camel case)."})
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Option(names = "--json", description = "One JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            TenantSettings s;
            try (Store store = data.openWorldReadOnly(null)) {
                s = store.settings().load();
            }
            if (json) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                for (Setting<?> setting : Settings.all()) {
                    Object v = setting.get(s);
                    if (v instanceof Integer i) {
                        o.put(setting.key(), i);
                    } else if (v instanceof Long l) {
                        o.put(setting.key(), l);
                    } else if (v instanceof Boolean b) {
                        o.put(setting.key(), b);
                    } else {
                        o.put(setting.key(), format(setting, s));
                    }
                }
                out.println(o);
            } else {
                String group = "";
                for (Setting<?> setting : Settings.all()) {
                    if (!setting.group().equals(group)) {
                        group = setting.group();
                        out.println(group);
                    }
                    out.printf("  %-34s %-28s %s%s%n", setting.label(), format(setting, s), setting.option(),
                            defaultNote(setting, s));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.class,
            description = {"Changes the settings given; the others stay. Out of range is refused with the range, "
                    + "and nothing is changed.", "A server or console running on the folder applies it within a second."})
    static final class Set implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            if (!SettingOptions.anyGiven(spec)) {
                throw new CommandLine.ParameterException(cl, "give at least one setting (see 'submitlab tenant set --help')");
            }
            try (Store store = data.openForAdministration()) {
                TenantSettings before = store.settings().load();
                TenantSettings after = SettingOptions.apply(spec, before);
                store.settings().save(after);
                for (Setting<?> setting : Settings.all()) {
                    if (!setting.get(before).equals(setting.get(after))) {
                        cl.getOut().println(setting.label() + ": " + format(setting, before) + " -> "
                                + format(setting, after));
                    }
                }
                cl.getOut().flush();
            }
            return 0;
        }
    }

    static <T> String format(Setting<T> setting, TenantSettings s) {
        T v = setting.get(s);
        return v instanceof Duration d ? org.submitlab.policy.Durations.format(d) : setting.format(v);
    }

    /** "  (default 10,000)" when the value is not the default. */
    private static <T> String defaultNote(Setting<T> setting, TenantSettings s) {
        T v = setting.get(s);
        return v.equals(setting.defaultValue()) ? "" : "  (default " + setting.format(setting.defaultValue()) + ")";
    }
}
