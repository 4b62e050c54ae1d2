package io.dltjdbc.testkit;

import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.util.Properties;

/** Prints {@code name=value} for every key the driver resolves for a URL; run by {@link ChildJvm}. */
public final class PropertyInfoProbe {
    private PropertyInfoProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (DriverPropertyInfo info : DriverManager.getDriver(args[0]).getPropertyInfo(args[0], new Properties())) {
            System.out.println(info.name + "=" + info.value + " | " + info.description);
        }
    }
}
