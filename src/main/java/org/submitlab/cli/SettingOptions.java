package org.submitlab.cli;

import java.util.List;
import java.util.Locale;
import org.submitlab.policy.Setting;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The tenant settings as command-line options, one per setting of {@link Settings}: name, value label and
 * help (with the range and Exchange's value) come from the setting's definition, so the CLI never repeats
 * a range or a default. A command names this as its picocli model transformer.
 */
final class SettingOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (Setting<?> s : Settings.all()) {
            spec.addOption(OptionSpec.builder(s.option())
                    .paramLabel(label(s))
                    .type(String.class)
                    .description(s.description() + ".")
                    .build());
        }
        return spec;
    }

    /** {@code base} with every setting option given on the command line applied; bad values are bad arguments. */
    static TenantSettings apply(CommandSpec spec, TenantSettings base) {
        TenantSettings s = base;
        for (Setting<?> setting : Settings.all()) {
            OptionSpec o = spec.findOption(setting.option());
            String text = o == null ? null : o.getValue();
            if (text != null) {
                try {
                    s = Settings.withText(s, setting, text);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), setting.option() + ": " + e.getMessage());
                }
            }
        }
        try {
            TenantSettings.checkChange(base, s);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Settings.BASIC_AUTH.option() + ": "
                    + e.getMessage());
        }
        return s;
    }

    /** Whether any setting option was given. */
    static boolean anyGiven(CommandSpec spec) {
        return Settings.all().stream().map(s -> spec.findOption(s.option())).anyMatch(o -> o != null && o.getValue() != null);
    }

    private static String label(Setting<?> s) {
        return switch (s.kind()) {
            case COUNT -> "N";
            case BYTES -> "BYTES";
            case SWITCH -> "on|off";
            case DURATION -> "DURATION";
            case TEXT -> "TEXT";
            case CHOICE -> String.join("|", s.choices()).toLowerCase(Locale.ROOT);
        };
    }

    static List<Setting<?>> all() {
        return Settings.all();
    }
}
