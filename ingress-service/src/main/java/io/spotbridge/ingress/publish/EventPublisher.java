package io.spotbridge.ingress.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spotbridge.ingress.scim.ScimProblem;
import io.spotbridge.ingress.system.IngressProperties;
import io.spotbridge.model.EventCodec;
import io.spotbridge.model.LifecycleEvent;
import io.spotbridge.model.UserEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import jakarta.annotation.PreDestroy;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes lifecycle events and completes only when the broker acknowledged them (acks=all, idempotent producer).
 * The send runs off the event loop (it can block on metadata while the broker is away) and is bounded by the write
 * timeout: past it the caller gets a 503 with {@code Retry-After}, never a hang and never a success for a record that
 * is not in Kafka.
 */
@Component
public class EventPublisher {

	public static final String HEADER_CORRELATION_ID = "x-correlation-id";

	public static final String HEADER_EVENT_TYPE = "x-event-type";

	/**
	 * The event's version (decimal), the same as inside the value: lets the directory loader skip the records this
	 * ingress published and already applied without decoding them.
	 */
	public static final String HEADER_VERSION = "x-event-version";

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaTemplate<String, byte[]> kafka;

	private final EventCodec codec = new EventCodec();

	private final IngressProperties properties;

	private final MeterRegistry meters;

	private final java.util.Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Threads of our own for {@code send()}, which blocks while the producer waits for metadata or buffer space: a
	 * shared pool (Reactor's boundedElastic) could be exhausted by other work and leave writes stuck behind it.
	 */
	private final Scheduler sendScheduler = Schedulers.newBoundedElastic(32, 10_000, "kafka-send", 60, true);

	public EventPublisher(KafkaTemplate<String, byte[]> kafka, IngressProperties properties, MeterRegistry meters) {
		this.kafka = kafka;
		this.properties = properties;
		this.meters = meters;
	}

	public <E extends LifecycleEvent> Mono<E> publish(E event) {
		var record = new ProducerRecord<String, byte[]>(topicOf(event), event.key().toString(), codec.encode(event));
		record.headers().add(HEADER_EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
		record.headers().add(HEADER_VERSION, Long.toString(event.version()).getBytes(StandardCharsets.US_ASCII));
		if (!event.correlationId().isEmpty()) {
			record.headers().add(HEADER_CORRELATION_ID, event.correlationId().getBytes(StandardCharsets.UTF_8));
		}
		Duration timeout = properties.writeTimeout();
		return Mono.deferContextual(context -> Mono.fromFuture(() -> kafka.send(record))
			.subscribeOn(sendScheduler)
			// off the producer's single I/O thread: what follows (directory, rendering the answer) runs on the
			// request's own event loop, which then writes the answer without another hop
			.publishOn(ConnectionEventLoops.of(context)))
			.timeout(timeout.plusMillis(500), Schedulers.parallel())
			.doOnSuccess(result -> count(event, "published"))
			.onErrorMap(ex -> !(ex instanceof ScimProblem), ex -> unavailable(event, ex))
			.thenReturn(event);
	}

	@PreDestroy
	void close() {
		sendScheduler.dispose();
	}

	private ScimProblem unavailable(LifecycleEvent event, Throwable ex) {
		count(event, "failed");
		log.warn("Kafka did not acknowledge {} for {} within {} (correlation {}): {}", event.type(), event.key(),
				properties.writeTimeout(), event.correlationId(),
				ex instanceof TimeoutException ? "timeout" : ex.toString());
		return ScimProblem.unavailable("The change could not be stored right now and was not applied; retry later",
				properties.retryAfter());
	}

	private void count(LifecycleEvent event, String outcome) {
		counters.computeIfAbsent(event.type() + '\u0000' + event.tenant() + '\u0000' + outcome,
				key -> Counter.builder("bridge.ingress.events.published")
					.description("Lifecycle events the ingress published, by type and outcome")
					.tag("type", event.type())
					.tag("tenant", event.tenant())
					.tag("outcome", outcome)
					.register(meters))
			.increment();
	}

	private String topicOf(LifecycleEvent event) {
		return event instanceof UserEvent ? properties.topics().userEvents() : properties.topics().groupEvents();
	}

}
