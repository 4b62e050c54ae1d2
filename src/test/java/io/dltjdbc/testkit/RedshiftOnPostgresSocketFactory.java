package io.dltjdbc.testkit;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.net.SocketFactory;

/**
 * Test-only: lets the Redshift JDBC driver talk to PostgreSQL (REFERENCE: "The Redshift driver against
 * PostgreSQL"). The driver always sends {@code driver_version}, {@code os_version} and
 * {@code client_protocol_version} in its startup packet, which PostgreSQL rejects; this factory's sockets
 * drop those three parameters from the first (startup) message and pass every other byte unchanged.
 * Use with the driver properties {@code ssl=false;socketFactory=io.dltjdbc.testkit.RedshiftOnPostgresSocketFactory}.
 */
public final class RedshiftOnPostgresSocketFactory extends SocketFactory {
    /** The dlt-jdbc {@code driver_properties} value that routes the Redshift driver through this factory. */
    public static final String DRIVER_PROPERTIES = "ssl=false;socketFactory=" + RedshiftOnPostgresSocketFactory.class.getName();

    static final Set<String> DROPPED = Set.of("driver_version", "os_version", "client_protocol_version");
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;

    @Override
    public Socket createSocket() {
        return new FilteringSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private static final class FilteringSocket extends Socket {
        private OutputStream out;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new StartupFilter(super.getOutputStream());
            }
            return out;
        }
    }

    /** Buffers until the startup message is complete, rewrites it, then passes everything through. */
    static final class StartupFilter extends FilterOutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean passThrough;

        StartupFilter(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (passThrough) {
                out.write(bytes, offset, length);
                return;
            }
            pending.write(bytes, offset, length);
            drain();
        }

        private void drain() throws IOException {
            while (!passThrough) {
                byte[] buffered = pending.toByteArray();
                if (buffered.length < 8) {
                    return;
                }
                ByteBuffer head = ByteBuffer.wrap(buffered);
                int length = head.getInt(0);
                if (buffered.length < length) {
                    return;
                }
                int code = head.getInt(4);
                pending.reset();
                if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
                    out.write(buffered, 0, length); // the startup message follows the server's answer
                } else if (code == CANCEL_REQUEST) {
                    out.write(buffered, 0, length);
                    passThrough = true;
                } else {
                    out.write(rewrite(buffered, length));
                    passThrough = true;
                }
                if (buffered.length > length) {
                    if (passThrough) {
                        out.write(buffered, length, buffered.length - length);
                    } else {
                        pending.write(buffered, length, buffered.length - length);
                    }
                }
            }
        }

        static byte[] rewrite(byte[] message, int length) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(message, 4, 4); // protocol version
            int position = 8;
            while (position < length - 1) {
                int keyEnd = indexOfZero(message, position, length);
                int valueEnd = indexOfZero(message, keyEnd + 1, length);
                String key = new String(message, position, keyEnd - position, StandardCharsets.UTF_8);
                if (!DROPPED.contains(key)) {
                    body.write(message, position, valueEnd + 1 - position);
                }
                position = valueEnd + 1;
            }
            body.write(0);
            byte[] rest = body.toByteArray();
            return ByteBuffer.allocate(4 + rest.length).putInt(4 + rest.length).put(rest).array();
        }

        private static int indexOfZero(byte[] bytes, int from, int end) {
            for (int i = from; i < end; i++) {
                if (bytes[i] == 0) {
                    return i;
                }
            }
            return end - 1;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
