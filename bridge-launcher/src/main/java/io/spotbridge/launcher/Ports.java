package io.spotbridge.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks, before anything starts, that every port the stack needs is free, and says which setting to change if not. */
final class Ports {

    /** One port the stack will listen on, and the setting that chose it. */
    record Use(int port, Setting setting, String host) {
    }

    private Ports() {
    }

    /**
     * The first problem with {@code uses}, as a one-line message: two settings with the same port, or a port that
     * cannot be bound because something else listens on it.
     */
    static Optional<String> firstProblem(List<Use> uses) {
        Map<Integer, Use> seen = new HashMap<>();
        for (Use use : uses) {
            Use other = seen.putIfAbsent(use.port(), use);
            if (other != null) {
                return Optional.of(other.setting() + " and " + use.setting() + " are both " + use.port()
                        + ": give each component its own port");
            }
        }
        for (Use use : uses) {
            if (!isFree(use.host(), use.port())) {
                return Optional.of(inUseMessage(use, suggestion(use, uses)));
            }
        }
        return Optional.empty();
    }

    static String inUseMessage(Use use, int suggestion) {
        return "Port " + use.port() + " (" + use.setting() + ") is already in use on " + use.host()
                + ": stop what is using it, or choose another port, e.g. " + use.setting() + "=" + suggestion
                + " bin/bridge local";
    }

    /** True if a server socket can be bound to {@code host:port} now (as the component will do, with SO_REUSEADDR). */
    static boolean isFree(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new LauncherException("BIND_ADDRESS=" + host + " is not a known address", 2);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A free loopback port chosen by the OS, different from every port in {@code taken}. */
    static int freeLoopbackPort(List<Integer> taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Settings.LOOPBACK))) {
                int port = socket.getLocalPort();
                if (!taken.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new LauncherException("Cannot find a free port on " + Settings.LOOPBACK + ": " + e.getMessage());
            }
        }
        throw new LauncherException("Cannot find a free port on " + Settings.LOOPBACK);
    }

    private static int suggestion(Use busy, List<Use> uses) {
        List<Integer> taken = uses.stream().map(Use::port).toList();
        for (int candidate = busy.port() + 1; candidate <= Math.min(65535, busy.port() + 200); candidate++) {
            if (!taken.contains(candidate) && isFree(busy.host(), candidate)) {
                return candidate;
            }
        }
        return freeLoopbackPort(taken);
    }
}
