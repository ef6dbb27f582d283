package io.spotbridge.worker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.spotbridge.worker.WorkerApplication;
import io.spotbridge.worker.reconcile.UserEventsConsumer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/** A whole worker started in this JVM with command-line arguments (they win over application.yml). */
public final class RunningWorker implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private RunningWorker(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static RunningWorker start(WorkerSetup setup, List<Class<?>> extraSources, List<String> extra) {
		List<Class<?>> sources = new ArrayList<>();
		sources.add(WorkerApplication.class);
		sources.addAll(extraSources);
		String[] args = setup.arguments(extra).stream().map(p -> "--" + p).toArray(String[]::new);
		RunningWorker worker = new RunningWorker(
				new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args));
		worker.awaitConsuming();
		return worker;
	}

	/** Waits until the worker loaded its links and was assigned partitions of the user events. */
	public void awaitConsuming() {
		UserEventsConsumer consumer = bean(UserEventsConsumer.class);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> consumer.isConsuming() && consumer.container().getAssignedPartitions() != null
					&& !consumer.container().getAssignedPartitions().isEmpty());
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** The sum of {@code bridge.worker.events.processed} with the given tags (name/value pairs). */
	public double processed(String... tags) {
		return counter("bridge.worker.events.processed", tags);
	}

	public double counter(String name, String... tags) {
		return bean(MeterRegistry.class).find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
	}

	public double gauge(String name, String... tags) {
		var gauge = bean(MeterRegistry.class).find(name).tags(tags).gauge();
		return gauge == null ? Double.NaN : gauge.value();
	}

	/** The number of events recorded by the timers with the name and tags. */
	public long timerCount(String name, String... tags) {
		return bean(MeterRegistry.class).find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
	}

	public int managementPort() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
	}

	/** GET on the management port; answers status and body. */
	public Answer management(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Answer(int status, String body) {
	}

	@Override
	public void close() {
		context.close();
	}

}
