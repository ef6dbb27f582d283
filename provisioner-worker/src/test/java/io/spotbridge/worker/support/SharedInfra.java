package io.spotbridge.worker.support;

import io.spotbridge.simulator.SpotSimulator;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One KRaft broker (spring-kafka-test) and one Spot simulator for all integration tests of a run: test classes keep
 * apart by topic names, consumer groups and tokens (each token is its own Spot organization). Faults are global in
 * the simulator, so tests that inject them clear them afterwards (tests run one at a time).
 */
public final class SharedInfra {

	private static EmbeddedKafkaKraftBroker broker;

	private static SpotSimulator simulator;

	private SharedInfra() {
	}

	public static synchronized String bootstrapServers() {
		if (broker == null) {
			EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
			started.brokerProperty("group.initial.rebalance.delay.ms", "0");
			started.brokerProperty("log.cleaner.enable", "true");
			started.brokerProperty("offsets.topic.num.partitions", "3");
			started.afterPropertiesSet();
			broker = started;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-stop"));
		}
		return broker.getBrokersAsString();
	}

	public static synchronized SpotSimulator simulator() {
		if (simulator == null) {
			simulator = SpotSimulator.start(0);
			Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "spot-simulator-stop"));
		}
		return simulator;
	}

	public static SpotApi spot() {
		return new SpotApi(simulator().baseUrl());
	}

}
