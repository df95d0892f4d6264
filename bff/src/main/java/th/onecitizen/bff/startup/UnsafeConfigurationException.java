package th.onecitizen.bff.startup;

import java.util.List;

/** Start-up refused: a required setting is missing, or a demo-only secret is configured outside the demo. */
public final class UnsafeConfigurationException extends IllegalStateException {

    private final List<String> problems;

    public UnsafeConfigurationException(List<String> problems) {
        super("OneCitizen refuses to start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, naming the setting (never its value). */
    public List<String> problems() {
        return problems;
    }
}
