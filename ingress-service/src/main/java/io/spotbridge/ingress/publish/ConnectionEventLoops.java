package io.spotbridge.ingress.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * Where a write continues once Kafka acknowledged it: on the Netty event loop of the connection the SCIM request came
 * on. Applying the event to the directory and rendering the answer there lets the answer be written at once, instead
 * of handing it from another thread to that loop (one thread hop and wake-up less per write). Requests that did not
 * come through Reactor Netty (none in production) continue on Reactor's parallel scheduler.
 */
public final class ConnectionEventLoops {

	private static final String CONTEXT_KEY = ConnectionEventLoops.class.getName();

	/** One scheduler per event loop (there are as many loops as cores), made on first use. */
	private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

	private ConnectionEventLoops() {
	}

	/** The Reactor context for a request: remembers its connection's event loop, when it has one. */
	public static Context remember(ServerHttpRequest request, Context context) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		if (nativeRequest instanceof Connection connection) {
			EventLoop loop = connection.channel().eventLoop();
			return context.put(CONTEXT_KEY, SCHEDULERS.computeIfAbsent(loop, Schedulers::fromExecutor));
		}
		return context;
	}

	/** The scheduler to continue a request's work on, from its Reactor context. */
	static Scheduler of(ContextView context) {
		return context.getOrDefault(CONTEXT_KEY, Schedulers.parallel());
	}

}
