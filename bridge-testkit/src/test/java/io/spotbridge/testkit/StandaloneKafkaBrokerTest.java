package io.spotbridge.testkit;

import static io.spotbridge.testkit.KafkaTestClients.createTopic;
import static io.spotbridge.testkit.KafkaTestClients.produce;
import static io.spotbridge.testkit.KafkaTestClients.readValues;
import static io.spotbridge.testkit.KafkaTestClients.sendFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outage behaviour of {@link StandaloneKafkaBroker}. One broker is shared by the tests (each test leaves it
 * running and uses its own topic) to keep the run short.
 */
class StandaloneKafkaBrokerTest {

    @TempDir
    static Path dataDir;

    private static StandaloneKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = StandaloneKafkaBroker.builder().port(0).dataDir(dataDir).fastStartup().build();
        broker.start();
        System.out.println("First start (with format) took " + broker.lastStartupDuration().toMillis() + " ms");
    }

    @AfterAll
    static void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void brokerIsUp() {
        broker.start(); // no-op unless an earlier test failed half-way
    }

    @Test
    void recordWrittenWithAcksAllSurvivesGracefulStopAndStartOnTheSamePort() throws Exception {
        String bootstrap = broker.bootstrapServers();
        assertThat(bootstrap).isEqualTo("127.0.0.1:" + broker.port());
        assertThat(broker.port()).isPositive();
        createTopic(bootstrap, "graceful");
        produce(bootstrap, "graceful", "before-stop");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThat(BrokerReadiness.isListening(broker.port())).isFalse();
        broker.start();
        System.out.println("Restart after stop() took " + broker.lastStartupDuration().toMillis() + " ms");

        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(readValues(bootstrap, "graceful", 1)).containsExactly("before-stop");
    }

    @Test
    void recordSurvivesKillAndStart() throws Exception {
        String bootstrap = broker.bootstrapServers();
        createTopic(bootstrap, "crash");
        produce(bootstrap, "crash", "before-kill");

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        broker.start();
        System.out.println("Restart after kill() took " + broker.lastStartupDuration().toMillis() + " ms");

        assertThat(readValues(bootstrap, "crash", 1)).containsExactly("before-kill");
        produce(bootstrap, "crash", "after-restart");
        assertThat(readValues(bootstrap, "crash", 2)).containsExactly("before-kill", "after-restart");
    }

    @Test
    void sendTimesOutWhileStoppedAndTheSameProducerSendsAfterRestart() throws Exception {
        String bootstrap = broker.bootstrapServers();
        createTopic(bootstrap, "outage");
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap, Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000))) {
            producer.send(new ProducerRecord<>("outage", "before-outage")).get(30, TimeUnit.SECONDS);

            long stopping = System.nanoTime();
            broker.stop();
            System.out.println("stop() took " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping) + " ms");
            long begin = System.nanoTime();
            Throwable failure = sendFailure(producer, new ProducerRecord<>("outage", "during-outage"));
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            assertThat(failure).isInstanceOf(TimeoutException.class);
            assertThat(elapsedMillis).isLessThan(10_000);

            broker.start();
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(sendFailure(producer, new ProducerRecord<>("outage", "after-outage"))).isNull());
            System.out.println("Timed-out send took " + elapsedMillis + " ms; first successful send after restart "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted) + " ms after start() returned");
        }
        assertThat(readValues(bootstrap, "outage", 2)).containsSubsequence("before-outage", "after-outage")
                .doesNotContain("during-outage");
    }

    @Test
    void portZeroIsReplacedByAFreePortAtBuildTime() {
        try (StandaloneKafkaBroker other = StandaloneKafkaBroker.builder().build()) {
            assertThat(other.port()).isPositive().isNotEqualTo(other.controllerPort());
            assertThat(other.controllerPort()).isPositive();
            assertThat(other.bootstrapServers()).isEqualTo("127.0.0.1:" + other.port());
            assertThat(other.isRunning()).isFalse();
        }
    }

    @Test
    void startRefusesAPortThatAnotherProcessListensOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                StandaloneKafkaBroker other = StandaloneKafkaBroker.builder().port(taken.getLocalPort()).build()) {
            assertThatThrownBy(other::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void failedStartReportsTheTailOfTheChildLogAndCloseDeletesTheTemporaryDataDir() {
        StandaloneKafkaBroker invalid = StandaloneKafkaBroker.builder()
                .brokerProperty("num.io.threads", "0") // rejected by KafkaConfig
                .fastStartup()
                .startupTimeout(Duration.ofSeconds(60))
                .build();
        Path tempDir = invalid.dataDir();
        try {
            assertThatThrownBy(invalid::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed to start")
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("num.io.threads");
            assertThat(invalid.isRunning()).isFalse();
        } finally {
            invalid.close();
        }
        assertThat(Files.exists(tempDir)).isFalse();
    }
}
