package io.spotbridge.ingress.okta;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Turns a rendered Runscope URL into a {@link URI} the way a browser would: characters that may not appear in a
 * URI (space, {@code "}, {@code <}, non-ASCII, ...) are percent-encoded as UTF-8 ({@code %20}, {@code %22}),
 * while existing {@code %XX} escapes and the delimiters ({@code / ? & = + :}) are kept, so a filter such as
 * {@code ?filter=userName eq "x@y"} reaches the server as {@code filter=userName%20eq%20%22x@y%22}.
 */
final class RequestUri {

	private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

	private static final String SUB_DELIMS = "!$&'()*+,;=";

	private RequestUri() {
	}

	static URI toUri(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("Empty request URL");
		}
		String trimmed = url.trim();
		int schemeEnd = trimmed.indexOf("://");
		if (schemeEnd <= 0) {
			throw new IllegalArgumentException("Request URL is not absolute: " + trimmed);
		}
		int pathStart = indexOfAny(trimmed, "/?#", schemeEnd + 3);
		String authority = pathStart < 0 ? trimmed : trimmed.substring(0, pathStart);
		StringBuilder out = new StringBuilder(authority);
		if (pathStart >= 0) {
			String rest = trimmed.substring(pathStart);
			int part = 0; // 0 path, 1 query, 2 fragment
			for (int i = 0; i < rest.length(); i++) {
				char c = rest.charAt(i);
				if (c == '?' && part == 0) {
					part = 1;
					out.append(c);
				}
				else if (c == '#' && part < 2) {
					part = 2;
					out.append(c);
				}
				else if (c == '%' && i + 2 < rest.length() && isHex(rest.charAt(i + 1)) && isHex(rest.charAt(i + 2))) {
					out.append(c);
				}
				else if (c < 0x80 && (UNRESERVED.indexOf(c) >= 0 || SUB_DELIMS.indexOf(c) >= 0 || c == ':' || c == '@'
						|| c == '/' || (part > 0 && c == '?'))) {
					out.append(c);
				}
				else {
					int cp = rest.codePointAt(i);
					if (Character.charCount(cp) == 2) {
						i++;
					}
					for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
						out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
							.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
					}
				}
			}
		}
		return URI.create(out.toString());
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

	private static int indexOfAny(String s, String chars, int from) {
		for (int i = from; i < s.length(); i++) {
			if (chars.indexOf(s.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
