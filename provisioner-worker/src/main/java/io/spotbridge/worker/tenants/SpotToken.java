package io.spotbridge.worker.tenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A Spot API token. Its {@link #toString()} never shows the value, so it cannot leak into logs or dumps. */
public final class SpotToken {

	private final String value;

	private SpotToken(String value) {
		this.value = value;
	}

	public static SpotToken of(String value) {
		Objects.requireNonNull(value, "token");
		String trimmed = value.trim();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("a Spot token must not be blank");
		}
		return new SpotToken(trimmed);
	}

	/** Reads the token from a file (for example a mounted secret); surrounding whitespace is ignored. */
	public static SpotToken fromFile(Path file) {
		try {
			return of(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the Spot token file " + file, ex);
		}
	}

	/** The secret itself: only for the {@code Authorization} header. */
	public String reveal() {
		return value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SpotToken token && token.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return "SpotToken[****]";
	}

}
