package io.tributary.e2e;

/**
 * Picks the environment a test class runs on: the sandbox unless {@code -Dtributary.e2e.target}
 * names another. A real cluster that is not there throws {@link Unavailable}, which tests turn into
 * a skip that says so: such a run never passes.
 */
final class Environments {
    private Environments() {}

    /** The environment asked for is not there; tests skip with this message. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    static TributaryEnvironment start(String testName) {
        return start(testName, System.getProperty(TributaryEnvironment.TARGET_PROPERTY, "sandbox"));
    }

    static TributaryEnvironment start(String testName, String target) {
        if (target.equals("sandbox")) {
            return new SandboxEnvironment(testName);
        }
        if (target.equals("kubeconfig")) {
            StringBuilder whyNot = new StringBuilder();
            var environment = KubeconfigEnvironment.fromKubeconfig(whyNot);
            if (environment.isEmpty()) {
                throw new Unavailable(whyNot.toString());
            }
            return environment.get();
        }
        throw new IllegalArgumentException(
                "unknown "
                        + TributaryEnvironment.TARGET_PROPERTY
                        + " "
                        + target
                        + ": use sandbox or kubeconfig");
    }
}
