package io.dltjdbc.config;

/** A configuration value and where it was found (said in messages so users know which file or variable won). */
public record ConfigValue(String value, String origin) {
    @Override
    public String toString() {
        return "ConfigValue[origin=" + origin + "]"; // never the value: it may be a secret
    }
}
