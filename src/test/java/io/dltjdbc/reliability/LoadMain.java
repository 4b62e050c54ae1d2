package io.dltjdbc.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Child-JVM entry point of the crash tests: {@code LoadMain <url> <sql>} runs one statement and says when it is done. */
public final class LoadMain {
    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
            System.out.println("STARTED");
            System.out.flush();
            s.execute(args[1]);
            System.out.println("LOADED " + s.getUpdateCount());
        }
    }
}
