package io.spotbridge.ingress.okta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptStackElement;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a Runscope step script (JavaScript) with Rhino in a sandbox: no Java classes are reachable
 * ({@code initSafeStandardObjects} plus a class shutter that refuses every class), and a script that runs past
 * its time limit is stopped. The scope holds what Runscope gives its scripts:
 * <ul>
 * <li>{@code response}: {@code status}, {@code body} (string), {@code headers} (name to array of values),
 * {@code response_time} / {@code response_time_ms}, {@code size_bytes}, {@code reason} (post-response only);</li>
 * <li>{@code request}: {@code method}, {@code url}, {@code headers}, {@code body}, {@code scheme}, {@code host},
 * {@code path}, {@code params}, {@code form}; changes a pre-request script makes are returned;</li>
 * <li>{@code variables.get(name)} / {@code variables.set(name, value)}, {@code log(...)},
 * {@code console.log(...)};</li>
 * <li>a Chai-compatible {@code assert} (callable itself: {@code assert(expr, message)}) and {@code expect} from
 * {@code runscope/chai-lite.js}.</li>
 * </ul>
 * A thrown error of any kind (failed assertion, TypeError, syntax error, timeout) is a failure.
 */
final class ScriptSandbox {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CHAI_RESOURCE = "/runscope/chai-lite.js";

	private static final String CHAI_LITE = load(CHAI_RESOURCE);

	private static final Object DEADLINE = new Object();

	private static final SandboxFactory FACTORY = new SandboxFactory();

	private final Duration timeout;

	ScriptSandbox(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * @param passed whether the script ran to its end
	 * @param failure the error, or {@code null}
	 * @param request the {@code request} object as the script left it
	 */
	record Outcome(boolean passed, String failure, JsonNode request) {
	}

	/** Get and set the run's variables. */
	interface Variables {

		String get(String name);

		void set(String name, String value);

	}

	/**
	 * @param script the JavaScript source
	 * @param name a name for messages, e.g. {@code script 1}
	 * @param request the request as JSON (see class doc)
	 * @param response the response as JSON, or {@code null} for a pre-request script
	 */
	Outcome run(String script, String name, JsonNode request, JsonNode response, Variables variables,
			Consumer<String> log) {
		Context cx = FACTORY.enterContext();
		try {
			cx.setLanguageVersion(Context.VERSION_ES6);
			cx.setInterpretedMode(true);
			cx.setInstructionObserverThreshold(5_000);
			cx.setClassShutter(className -> false);
			cx.putThreadLocal(DEADLINE, System.nanoTime() + this.timeout.toNanos());
			ScriptableObject scope = cx.initSafeStandardObjects();
			ScriptableObject.putProperty(scope, "__varGet", new LambdaFunction(scope, "get", 1,
					(c, s, thisObj, args) -> {
						String value = args.length == 0 ? null : variables.get(Context.toString(args[0]));
						return value == null ? Undefined.instance : value;
					}));
			ScriptableObject.putProperty(scope, "__varSet", new LambdaFunction(scope, "set", 2,
					(c, s, thisObj, args) -> {
						if (args.length > 0) {
							Object v = args.length > 1 ? args[1] : Undefined.instance;
							variables.set(Context.toString(args[0]),
									v == null || Undefined.isUndefined(v) ? "" : Context.toString(v));
						}
						return Undefined.instance;
					}));
			ScriptableObject.putProperty(scope, "__log", new LambdaFunction(scope, "log", 1,
					(c, s, thisObj, args) -> {
						StringJoiner line = new StringJoiner(" ");
						for (Object arg : args) {
							line.add(show(c, s, arg));
						}
						log.accept(line.toString());
						return Undefined.instance;
					}));
			ScriptableObject.putProperty(scope, "__requestJson", JSON.writeValueAsString(request));
			ScriptableObject.putProperty(scope, "__responseJson",
					response == null ? null : JSON.writeValueAsString(response));
			cx.evaluateString(scope, CHAI_LITE, "chai-lite.js", 1, null);
			cx.evaluateString(scope, """
					var request = JSON.parse(__requestJson);
					var response = __responseJson === null ? undefined : JSON.parse(__responseJson);
					var variables = {
					  get: function (name) { return __varGet(String(name)); },
					  set: function (name, value) { __varSet(String(name), value); }
					};
					var log = function () { __log.apply(null, arguments); };
					var console = { log: log, info: log, warn: log, error: log };
					delete __requestJson; delete __responseJson;
					""", "runscope-context.js", 1, null);
			String failure = null;
			try {
				cx.evaluateString(scope, script, name, 1, null);
			}
			catch (ScriptTimeout ex) {
				failure = name + " ran longer than " + this.timeout.toMillis() + " ms and was stopped";
			}
			catch (RhinoException ex) {
				int line = scriptLine(ex, name);
				failure = name + ": " + ex.details() + (line > 0 ? " (line " + line + ")" : "");
			}
			Object after = cx.evaluateString(scope, "JSON.stringify(request === undefined ? null : request)",
					"runscope-request.js", 1, null);
			JsonNode requestAfter = request;
			if (after instanceof CharSequence text) {
				try {
					requestAfter = JSON.readTree(text.toString());
				}
				catch (RuntimeException ex) {
					failure = failure != null ? failure : name + " left an unusable request object: " + ex;
				}
			}
			return new Outcome(failure == null, failure, requestAfter);
		}
		catch (ScriptTimeout ex) {
			return new Outcome(false, name + " ran longer than " + this.timeout.toMillis() + " ms and was stopped",
					request);
		}
		catch (RhinoException ex) {
			return new Outcome(false, name + " could not be set up: " + ex.details(), request);
		}
		finally {
			Context.exit();
		}
	}

	/** The line of the step's own script where the error arose (not a line of chai-lite.js), or -1. */
	private static int scriptLine(RhinoException ex, String name) {
		for (ScriptStackElement element : ex.getScriptStack()) {
			if (name.equals(element.fileName)) {
				return element.lineNumber;
			}
		}
		return name.equals(ex.sourceName()) ? ex.lineNumber() : -1;
	}

	private static String show(Context cx, org.mozilla.javascript.Scriptable scope, Object value) {
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value == null
				|| Undefined.isUndefined(value)) {
			return Context.toString(value);
		}
		try {
			Object json = org.mozilla.javascript.NativeJSON.stringify(cx, scope, value, null, null);
			return json instanceof CharSequence ? json.toString() : Context.toString(value);
		}
		catch (RuntimeException ex) {
			return Context.toString(value);
		}
	}

	private static String load(String resource) {
		try (InputStream in = ScriptSandbox.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Thrown from the instruction observer; an Error, so scripts cannot catch it. */
	private static final class ScriptTimeout extends Error {

		private static final long serialVersionUID = 1L;

		ScriptTimeout() {
			super("script timed out", null, false, false);
		}

	}

	private static final class SandboxFactory extends ContextFactory {

		@Override
		protected void observeInstructionCount(Context cx, int instructionCount) {
			Object deadline = cx.getThreadLocal(DEADLINE);
			if (deadline instanceof Long nanos && System.nanoTime() > nanos) {
				throw new ScriptTimeout();
			}
		}

	}

}
