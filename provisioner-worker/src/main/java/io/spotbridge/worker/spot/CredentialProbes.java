package io.spotbridge.worker.spot;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets a tenant whose token Spot rejected recover without waiting for an event: whenever its credentials gate lets a
 * probe through (half-open, after a pause that doubles with every rejection), one cheap call
 * ({@code GET /setup/account}) tries the token. Success closes the gate (health UP, paused partitions resume).
 */
@Component
class CredentialProbes implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CredentialProbes.class);

	private final SpotClients clients;

	private final Set<String> probing = ConcurrentHashMap.newKeySet();

	private volatile Disposable ticker;

	CredentialProbes(SpotClients clients) {
		this.clients = clients;
	}

	@Override
	public void start() {
		ticker = Flux.interval(Duration.ofMillis(500)).subscribe(tick -> probeHalfOpen());
	}

	@Override
	public void stop() {
		Disposable current = ticker;
		if (current != null) {
			current.dispose();
		}
		ticker = null;
	}

	@Override
	public boolean isRunning() {
		return ticker != null;
	}

	void probeHalfOpen() {
		for (SpotClient client : clients.all()) {
			CircuitBreaker gate = client.guard().credentialsGate();
			if (gate.getState() == CircuitBreaker.State.HALF_OPEN && probing.add(client.tenant())) {
				client.probe()
					.doFinally(signal -> probing.remove(client.tenant()))
					.subscribe(ok -> {
					}, error -> log.debug("Token probe of tenant {}: {}", client.tenant(), error.getMessage()),
							() -> log.info("Spot accepts the token of tenant {} again", client.tenant()));
			}
		}
	}

}
