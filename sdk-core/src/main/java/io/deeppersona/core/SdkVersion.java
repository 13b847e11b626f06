package io.deeppersona.core;

/** The SDK version, read from the jar manifest; {@code "dev"} when running from classes. */
public final class SdkVersion {
    private SdkVersion() {
    }

    public static String current() {
        String version = SdkVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
