package io.spotbridge.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Fast ISO-8601 text of {@link Instant}s in UTC ({@code 2026-11-28T10:15:30.123Z}), exactly as
 * {@link DateTimeFormatter#ISO_INSTANT} writes them (fraction in groups of three digits, none when zero), without the
 * formatter's general machinery: every event carries three instants and the directory rebuild reads them all.
 * Anything outside the common shape falls back to the JDK.
 */
public final class Instants {

	private Instants() {
	}

	/** The same text as {@link Instant#toString()}. */
	public static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		long days = Math.floorDiv(seconds, 86_400L);
		int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
		LocalDate date;
		try {
			date = LocalDate.ofEpochDay(days);
		}
		catch (DateTimeException ex) {
			return instant.toString();
		}
		int year = date.getYear();
		if (year < 1000 || year > 9999) {
			return instant.toString();
		}
		int nano = instant.getNano();
		char[] out = new char[30];
		int i = 0;
		i = digits(out, i, year, 4);
		out[i++] = '-';
		i = digits(out, i, date.getMonthValue(), 2);
		out[i++] = '-';
		i = digits(out, i, date.getDayOfMonth(), 2);
		out[i++] = 'T';
		i = digits(out, i, secondOfDay / 3600, 2);
		out[i++] = ':';
		i = digits(out, i, (secondOfDay / 60) % 60, 2);
		out[i++] = ':';
		i = digits(out, i, secondOfDay % 60, 2);
		if (nano != 0) {
			out[i++] = '.';
			if (nano % 1_000_000 == 0) {
				i = digits(out, i, nano / 1_000_000, 3);
			}
			else if (nano % 1000 == 0) {
				i = digits(out, i, nano / 1000, 6);
			}
			else {
				i = digits(out, i, nano, 9);
			}
		}
		out[i++] = 'Z';
		return new String(out, 0, i);
	}

	private static int digits(char[] out, int at, int value, int width) {
		for (int p = at + width - 1; p >= at; p--) {
			out[p] = (char) ('0' + value % 10);
			value /= 10;
		}
		return at + width;
	}

	/**
	 * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; anything else (offsets, leap seconds, other years) goes through
	 * {@link Instant#parse}.
	 *
	 * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant
	 */
	public static Instant parse(CharSequence text) {
		Instant fast = parseCommon(text);
		return fast != null ? fast : Instant.parse(text);
	}

	/** The common shape only; null when the text is anything else. */
	static Instant parseCommon(CharSequence text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = number(text, 0, 4);
		int month = number(text, 5, 2);
		int day = number(text, 8, 2);
		int hour = number(text, 11, 2);
		int minute = number(text, 14, 2);
		int second = number(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nano = 0;
		if (length > 20) {
			int fractionDigits = length - 21;
			if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
				return null;
			}
			int fraction = number(text, 20, fractionDigits);
			if (fraction < 0) {
				return null;
			}
			nano = fraction;
			for (int d = fractionDigits; d < 9; d++) {
				nano *= 10;
			}
		}
		else if (text.charAt(19) != 'Z') {
			return null;
		}
		long epochDay;
		try {
			epochDay = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			return null;
		}
		return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, nano);
	}

	/** The decimal number of {@code width} ASCII digits at {@code from}, or -1. */
	private static int number(CharSequence text, int from, int width) {
		int value = 0;
		for (int i = from; i < from + width; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
