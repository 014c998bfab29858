package app.hindsight.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server in the test's process (GreenMail), on a free port the mailer is pointed at. Tests read what it
 * received, and stop and start it again on the same port to play an outage.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;
    private static volatile int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        up();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        down();
    }

    /** The running server. */
    static GreenMail server() {
        return server;
    }

    /** Starts the server (again) on the same port. */
    static synchronized void up() {
        if (server == null || !server.isRunning()) {
            // A connection left unused for 3 s is closed with a 421, as real servers do after minutes: see
            // awaitGreeting.
            ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            smtp.setReadTimeout(3000);
            server = new GreenMail(smtp)
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            awaitGreeting();
        }
    }

    /**
     * Waits until the server greets a connection. GreenMail can accept a connection and not greet it until its read
     * timeout (seen on this 2-core machine under load, also later than right after a start): the server then answers
     * 421, which the service takes as "try again" (MailOut), so the read timeout is short; this probe keeps the
     * stall out of the first send after a (re)start.
     */
    private static void awaitGreeting() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(1000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                String greeting = in.readLine();
                if (greeting != null && greeting.startsWith("220")) {
                    socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    in.readLine();
                    return;
                }
            } catch (IOException e) {
                // Not greeted (yet): another connection.
            }
        }
        throw new IllegalStateException("GreenMail on port " + port + " greets no connection");
    }

    /** Stops the server: connections to its port are refused until {@link #up()}. */
    static synchronized void down() {
        if (server != null) {
            server.stop();
        }
    }
}
