package app.hindsight.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The system's resolver, through the JVM's address cache: the HTTP client's own look-up a moment later finds the
 * same answer there (see {@link OutboundTargets}). A bean so that a test can make a name resolve where it likes.
 */
@ApplicationScoped
public class HostResolver implements TargetAddresses.Resolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
