/*
 * A small Chai-compatible assertion library for the Runscope scripts that RunscopeSuiteRunner runs with Rhino.
 * Runscope gives its scripts Chai's `assert` (callable itself) and `expect`; this file implements the commonly
 * used part of both with Chai 4 semantics (e.g. `.empty` on undefined/null/numbers is an error, not a pass).
 * Every failure throws an AssertionError, which the runner reports as a failed script assertion.
 */
(function (global) {
  'use strict';

  function AssertionError(message, actual, expected) {
    this.name = 'AssertionError';
    this.message = message;
    this.actual = actual;
    this.expected = expected;
  }
  AssertionError.prototype = Object.create(Error.prototype);
  AssertionError.prototype.constructor = AssertionError;
  AssertionError.prototype.toString = function () {
    return 'AssertionError: ' + this.message;
  };

  function inspect(v) {
    if (v === undefined) { return 'undefined'; }
    if (typeof v === 'function') { return '[Function' + (v.name ? ': ' + v.name : '') + ']'; }
    if (typeof v === 'number' && v !== v) { return 'NaN'; }
    if (v instanceof RegExp) { return String(v); }
    try {
      var s = JSON.stringify(v);
      if (s === undefined) { return String(v); }
      return s.length > 200 ? s.substring(0, 200) + '...' : s;
    } catch (e) {
      return String(v);
    }
  }

  function typeOf(v) {
    if (v === null) { return 'null'; }
    if (v === undefined) { return 'undefined'; }
    if (Array.isArray(v)) { return 'array'; }
    var t = typeof v;
    if (t === 'object') {
      return Object.prototype.toString.call(v).slice(8, -1).toLowerCase();
    }
    return t;
  }

  function deepEqual(a, b) {
    if (a === b) { return true; }
    if (a !== a && b !== b) { return true; }
    var ta = typeOf(a);
    if (ta !== typeOf(b)) { return false; }
    if (ta === 'date') { return a.getTime() === b.getTime(); }
    if (ta === 'regexp') { return String(a) === String(b); }
    if (ta === 'array' || ta === 'arguments') {
      if (a.length !== b.length) { return false; }
      for (var i = 0; i < a.length; i++) {
        if (!deepEqual(a[i], b[i])) { return false; }
      }
      return true;
    }
    if (a !== null && b !== null && typeof a === 'object') {
      var ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
      if (ka.length !== kb.length) { return false; }
      for (var j = 0; j < ka.length; j++) {
        if (ka[j] !== kb[j] || !deepEqual(a[ka[j]], b[ka[j]])) { return false; }
      }
      return true;
    }
    return false;
  }

  function prefix(msg) {
    return msg ? msg + ': ' : '';
  }

  function fail(msg, text, actual, expected) {
    throw new AssertionError(prefix(msg) + text, actual, expected);
  }

  function check(ok, msg, text, actual, expected) {
    if (!ok) { fail(msg, text, actual, expected); }
  }

  function includes(haystack, needle, deep, msg) {
    var t = typeOf(haystack);
    var same = deep ? deepEqual : function (x, y) { return x === y || (x !== x && y !== y); };
    if (t === 'string') {
      if (typeof needle !== 'string') {
        fail(msg, 'the given combination of arguments (string and ' + typeOf(needle) + ') is invalid for this assertion');
      }
      return haystack.indexOf(needle) !== -1;
    }
    if (t === 'array') {
      for (var i = 0; i < haystack.length; i++) {
        if (same(haystack[i], needle)) { return true; }
      }
      return false;
    }
    if (haystack !== null && typeof haystack === 'object') {
      if (needle === null || typeof needle !== 'object') {
        fail(msg, 'the given combination of arguments (object and ' + typeOf(needle) + ') is invalid for this assertion');
      }
      var keys = Object.keys(needle);
      for (var k = 0; k < keys.length; k++) {
        if (!(keys[k] in haystack) || !same(haystack[keys[k]], needle[keys[k]])) { return false; }
      }
      return true;
    }
    fail(msg, 'the given combination of arguments (' + typeOf(haystack) + ' and ' + typeOf(needle)
      + ') is invalid for this assertion. You can use an array, an object or a string instead');
  }

  function isEmpty(v, msg) {
    var t = typeOf(v);
    if (t === 'array' || t === 'string') { return v.length === 0; }
    if (t === 'function') { throw new TypeError(prefix(msg) + '.empty was passed a function'); }
    if (v !== null && typeof v === 'object') { return Object.keys(v).length === 0; }
    throw new TypeError(prefix(msg) + '.empty was passed non-string primitive ' + inspect(v));
  }

  function lengthOf(v, msg) {
    if (v === null || v === undefined || typeof v.length !== 'number') {
      fail(msg, 'expected ' + inspect(v) + ' to have property \'length\'');
    }
    return v.length;
  }

  function numberArg(n, what, msg) {
    if (typeof n !== 'number') {
      fail(msg, 'the argument to ' + what + ' must be a number');
    }
  }

  function sameMembers(a, b, deep) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) { return false; }
    return includeMembers(a, b, deep) && includeMembers(b, a, deep);
  }

  function includeMembers(superset, subset, deep) {
    if (!Array.isArray(superset) || !Array.isArray(subset)) { return false; }
    for (var i = 0; i < subset.length; i++) {
      if (!includes(superset, subset[i], deep)) { return false; }
    }
    return true;
  }

  // ---- assert -------------------------------------------------------------------------------------------

  function assert(expression, message) {
    check(expression, null, message === undefined ? 'assert(expression) failed' : String(message));
  }

  assert.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      throw new AssertionError(actual === undefined ? 'assert.fail()' : String(actual));
    }
    throw new AssertionError(message !== undefined ? String(message)
      : 'expected ' + inspect(actual) + ' ' + (operator || 'to equal') + ' ' + inspect(expected), actual, expected);
  };
  assert.ok = assert.isOk = function (v, msg) { check(v, msg, 'expected ' + inspect(v) + ' to be truthy', v); };
  assert.notOk = assert.isNotOk = function (v, msg) { check(!v, msg, 'expected ' + inspect(v) + ' to be falsy', v); };
  assert.equal = function (a, b, msg) { check(a == b, msg, 'expected ' + inspect(a) + ' to equal ' + inspect(b), a, b); };
  assert.notEqual = function (a, b, msg) { check(a != b, msg, 'expected ' + inspect(a) + ' to not equal ' + inspect(b), a, b); };
  assert.strictEqual = function (a, b, msg) { check(a === b, msg, 'expected ' + inspect(a) + ' to equal ' + inspect(b), a, b); };
  assert.notStrictEqual = function (a, b, msg) { check(a !== b, msg, 'expected ' + inspect(a) + ' to not equal ' + inspect(b), a, b); };
  assert.deepEqual = assert.deepStrictEqual = assert.eql = function (a, b, msg) {
    check(deepEqual(a, b), msg, 'expected ' + inspect(a) + ' to deeply equal ' + inspect(b), a, b);
  };
  assert.notDeepEqual = function (a, b, msg) { check(!deepEqual(a, b), msg, 'expected ' + inspect(a) + ' to not deeply equal ' + inspect(b), a, b); };
  assert.isAbove = function (v, n, msg) { check(v > n, msg, 'expected ' + inspect(v) + ' to be above ' + inspect(n), v, n); };
  assert.isAtLeast = function (v, n, msg) { check(v >= n, msg, 'expected ' + inspect(v) + ' to be at least ' + inspect(n), v, n); };
  assert.isBelow = function (v, n, msg) { check(v < n, msg, 'expected ' + inspect(v) + ' to be below ' + inspect(n), v, n); };
  assert.isAtMost = function (v, n, msg) { check(v <= n, msg, 'expected ' + inspect(v) + ' to be at most ' + inspect(n), v, n); };
  assert.isTrue = function (v, msg) { check(v === true, msg, 'expected ' + inspect(v) + ' to be true', v, true); };
  assert.isNotTrue = function (v, msg) { check(v !== true, msg, 'expected ' + inspect(v) + ' to not be true', v); };
  assert.isFalse = function (v, msg) { check(v === false, msg, 'expected ' + inspect(v) + ' to be false', v, false); };
  assert.isNotFalse = function (v, msg) { check(v !== false, msg, 'expected ' + inspect(v) + ' to not be false', v); };
  assert.isNull = function (v, msg) { check(v === null, msg, 'expected ' + inspect(v) + ' to be null', v, null); };
  assert.isNotNull = function (v, msg) { check(v !== null, msg, 'expected ' + inspect(v) + ' to not be null', v); };
  assert.isNaN = function (v, msg) { check(v !== v, msg, 'expected ' + inspect(v) + ' to be NaN', v); };
  assert.isNotNaN = function (v, msg) { check(v === v, msg, 'expected ' + inspect(v) + ' not to be NaN', v); };
  assert.exists = function (v, msg) { check(v !== null && v !== undefined, msg, 'expected ' + inspect(v) + ' to exist', v); };
  assert.notExists = function (v, msg) { check(v === null || v === undefined, msg, 'expected ' + inspect(v) + ' to not exist', v); };
  assert.isUndefined = function (v, msg) { check(v === undefined, msg, 'expected ' + inspect(v) + ' to be undefined', v); };
  assert.isDefined = function (v, msg) { check(v !== undefined, msg, 'expected ' + inspect(v) + ' to not be undefined', v); };

  function typeAssertion(name, type, negate) {
    assert[name] = function (v, msg) {
      var ok = typeOf(v) === type;
      check(negate ? !ok : ok, msg, 'expected ' + inspect(v) + (negate ? ' not' : '') + ' to be ' + (type === 'array' || type === 'object' ? 'an ' : 'a ') + type, v);
    };
  }
  typeAssertion('isFunction', 'function', false);
  typeAssertion('isNotFunction', 'function', true);
  typeAssertion('isObject', 'object', false);
  typeAssertion('isNotObject', 'object', true);
  typeAssertion('isArray', 'array', false);
  typeAssertion('isNotArray', 'array', true);
  typeAssertion('isString', 'string', false);
  typeAssertion('isNotString', 'string', true);
  typeAssertion('isNumber', 'number', false);
  typeAssertion('isNotNumber', 'number', true);
  typeAssertion('isBoolean', 'boolean', false);
  typeAssertion('isNotBoolean', 'boolean', true);
  assert.isFinite = function (v, msg) { check(typeof v === 'number' && isFinite(v), msg, 'expected ' + inspect(v) + ' to be a finite number', v); };
  assert.typeOf = function (v, type, msg) { check(typeOf(v) === String(type).toLowerCase(), msg, 'expected ' + inspect(v) + ' to be a ' + type, v, type); };
  assert.notTypeOf = function (v, type, msg) { check(typeOf(v) !== String(type).toLowerCase(), msg, 'expected ' + inspect(v) + ' not to be a ' + type, v, type); };
  assert.instanceOf = function (v, ctor, msg) { check(v instanceof ctor, msg, 'expected ' + inspect(v) + ' to be an instance of ' + (ctor && ctor.name), v); };
  assert.notInstanceOf = function (v, ctor, msg) { check(!(v instanceof ctor), msg, 'expected ' + inspect(v) + ' to not be an instance of ' + (ctor && ctor.name), v); };
  assert.include = function (hay, needle, msg) { check(includes(hay, needle, false, msg), msg, 'expected ' + inspect(hay) + ' to include ' + inspect(needle), hay, needle); };
  assert.notInclude = function (hay, needle, msg) { check(!includes(hay, needle, false, msg), msg, 'expected ' + inspect(hay) + ' to not include ' + inspect(needle), hay, needle); };
  assert.deepInclude = function (hay, needle, msg) { check(includes(hay, needle, true, msg), msg, 'expected ' + inspect(hay) + ' to deep include ' + inspect(needle), hay, needle); };
  assert.notDeepInclude = function (hay, needle, msg) { check(!includes(hay, needle, true, msg), msg, 'expected ' + inspect(hay) + ' to not deep include ' + inspect(needle), hay, needle); };
  assert.match = function (v, re, msg) { check(re.test(v), msg, 'expected ' + inspect(v) + ' to match ' + re, v, re); };
  assert.notMatch = function (v, re, msg) { check(!re.test(v), msg, 'expected ' + inspect(v) + ' not to match ' + re, v, re); };
  assert.property = function (obj, prop, msg) { check(obj !== null && obj !== undefined && prop in Object(obj), msg, 'expected ' + inspect(obj) + ' to have property ' + inspect(prop), obj); };
  assert.notProperty = function (obj, prop, msg) { check(obj === null || obj === undefined || !(prop in Object(obj)), msg, 'expected ' + inspect(obj) + ' to not have property ' + inspect(prop), obj); };
  assert.propertyVal = function (obj, prop, val, msg) { check(obj !== null && obj !== undefined && prop in Object(obj) && obj[prop] === val, msg, 'expected ' + inspect(obj) + ' to have property ' + inspect(prop) + ' of ' + inspect(val), obj, val); };
  assert.notPropertyVal = function (obj, prop, val, msg) { check(!(obj !== null && obj !== undefined && prop in Object(obj) && obj[prop] === val), msg, 'expected ' + inspect(obj) + ' to not have property ' + inspect(prop) + ' of ' + inspect(val), obj, val); };
  assert.deepPropertyVal = function (obj, prop, val, msg) { check(obj !== null && obj !== undefined && prop in Object(obj) && deepEqual(obj[prop], val), msg, 'expected ' + inspect(obj) + ' to have deep property ' + inspect(prop) + ' of ' + inspect(val), obj, val); };
  assert.lengthOf = function (v, n, msg) { var len = lengthOf(v, msg); check(len === n, msg, 'expected ' + inspect(v) + ' to have a length of ' + n + ' but got ' + len, len, n); };
  assert.isEmpty = function (v, msg) { check(isEmpty(v, msg), msg, 'expected ' + inspect(v) + ' to be empty', v); };
  assert.isNotEmpty = function (v, msg) { check(!isEmpty(v, msg), msg, 'expected ' + inspect(v) + ' not to be empty', v); };
  assert.sameMembers = function (a, b, msg) { check(sameMembers(a, b, false), msg, 'expected ' + inspect(a) + ' to have the same members as ' + inspect(b), a, b); };
  assert.notSameMembers = function (a, b, msg) { check(!sameMembers(a, b, false), msg, 'expected ' + inspect(a) + ' to not have the same members as ' + inspect(b), a, b); };
  assert.sameDeepMembers = function (a, b, msg) { check(sameMembers(a, b, true), msg, 'expected ' + inspect(a) + ' to have the same deep members as ' + inspect(b), a, b); };
  assert.includeMembers = function (a, b, msg) { check(includeMembers(a, b, false), msg, 'expected ' + inspect(a) + ' to be a superset of ' + inspect(b), a, b); };
  assert.includeDeepMembers = function (a, b, msg) { check(includeMembers(a, b, true), msg, 'expected ' + inspect(a) + ' to be a deep superset of ' + inspect(b), a, b); };
  assert.oneOf = function (v, list, msg) { check(includes(list, v, false, msg), msg, 'expected ' + inspect(v) + ' to be one of ' + inspect(list), v, list); };
  assert.closeTo = assert.approximately = function (v, expected, delta, msg) {
    numberArg(v, 'closeTo', msg);
    check(Math.abs(v - expected) <= delta, msg, 'expected ' + inspect(v) + ' to be close to ' + expected + ' +/- ' + delta, v, expected);
  };
  assert.hasAllKeys = function (obj, keys, msg) {
    var actual = Object.keys(obj || {}).sort(), wanted = (Array.isArray(keys) ? keys : Object.keys(keys)).slice().sort();
    check(deepEqual(actual, wanted), msg, 'expected ' + inspect(obj) + ' to have keys ' + inspect(wanted), obj, wanted);
  };
  assert.hasAnyKeys = function (obj, keys, msg) {
    var wanted = Array.isArray(keys) ? keys : Object.keys(keys), found = false;
    for (var i = 0; i < wanted.length; i++) { if (obj && Object.prototype.hasOwnProperty.call(obj, wanted[i])) { found = true; } }
    check(found, msg, 'expected ' + inspect(obj) + ' to have any of the keys ' + inspect(wanted), obj, wanted);
  };
  assert.containsAllKeys = function (obj, keys, msg) {
    var wanted = Array.isArray(keys) ? keys : Object.keys(keys);
    for (var i = 0; i < wanted.length; i++) {
      check(obj && Object.prototype.hasOwnProperty.call(obj, wanted[i]), msg, 'expected ' + inspect(obj) + ' to contain key ' + inspect(wanted[i]), obj, wanted);
    }
  };

  // ---- expect -------------------------------------------------------------------------------------------

  function Assertion(obj, msg) {
    this._obj = obj;
    this._msg = msg;
    this._negate = false;
    this._deep = false;
  }

  Assertion.prototype._check = function (ok, text, negatedText, expected) {
    var holds = this._negate ? !ok : !!ok;
    if (!holds) {
      fail(this._msg, this._negate ? negatedText : text, this._obj, expected);
    }
    return this;
  };

  function getter(name, fn) {
    Object.defineProperty(Assertion.prototype, name, { get: fn, configurable: true });
  }

  function method(names, fn) {
    for (var i = 0; i < names.length; i++) {
      Assertion.prototype[names[i]] = fn;
    }
  }

  ['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does',
    'still', 'also'].forEach(function (word) {
    getter(word, function () { return this; });
  });
  getter('not', function () { this._negate = !this._negate; return this; });
  getter('deep', function () { this._deep = true; return this; });

  function show(a) { return inspect(a._obj); }

  getter('ok', function () { return this._check(this._obj, 'expected ' + show(this) + ' to be truthy', 'expected ' + show(this) + ' to be falsy'); });
  getter('true', function () { return this._check(this._obj === true, 'expected ' + show(this) + ' to be true', 'expected ' + show(this) + ' to be false', true); });
  getter('false', function () { return this._check(this._obj === false, 'expected ' + show(this) + ' to be false', 'expected ' + show(this) + ' to be true', false); });
  getter('null', function () { return this._check(this._obj === null, 'expected ' + show(this) + ' to be null', 'expected ' + show(this) + ' not to be null', null); });
  getter('undefined', function () { return this._check(this._obj === undefined, 'expected ' + show(this) + ' to be undefined', 'expected ' + show(this) + ' not to be undefined'); });
  getter('NaN', function () { return this._check(this._obj !== this._obj, 'expected ' + show(this) + ' to be NaN', 'expected ' + show(this) + ' not to be NaN'); });
  getter('exist', function () { return this._check(this._obj !== null && this._obj !== undefined, 'expected ' + show(this) + ' to exist', 'expected ' + show(this) + ' to not exist'); });
  getter('exists', function () { return this.exist; });
  getter('finite', function () { return this._check(typeof this._obj === 'number' && isFinite(this._obj), 'expected ' + show(this) + ' to be a finite number', 'expected ' + show(this) + ' to not be a finite number'); });
  getter('empty', function () { return this._check(isEmpty(this._obj, this._msg), 'expected ' + show(this) + ' to be empty', 'expected ' + show(this) + ' not to be empty'); });

  method(['a', 'an'], function (type, msg) {
    if (msg) { this._msg = msg; }
    var t = String(type).toLowerCase();
    return this._check(typeOf(this._obj) === t, 'expected ' + show(this) + ' to be a ' + t, 'expected ' + show(this) + ' not to be a ' + t, t);
  });
  method(['equal', 'equals', 'eq'], function (v, msg) {
    if (msg) { this._msg = msg; }
    var ok = this._deep ? deepEqual(this._obj, v) : this._obj === v;
    return this._check(ok, 'expected ' + show(this) + ' to ' + (this._deep ? 'deeply ' : '') + 'equal ' + inspect(v), 'expected ' + show(this) + ' to not ' + (this._deep ? 'deeply ' : '') + 'equal ' + inspect(v), v);
  });
  method(['eql', 'eqls'], function (v, msg) {
    if (msg) { this._msg = msg; }
    return this._check(deepEqual(this._obj, v), 'expected ' + show(this) + ' to deeply equal ' + inspect(v), 'expected ' + show(this) + ' to not deeply equal ' + inspect(v), v);
  });
  method(['include', 'includes', 'contain', 'contains'], function (v, msg) {
    if (msg) { this._msg = msg; }
    return this._check(includes(this._obj, v, this._deep, this._msg), 'expected ' + show(this) + ' to include ' + inspect(v), 'expected ' + show(this) + ' to not include ' + inspect(v), v);
  });
  method(['above', 'gt', 'greaterThan'], function (n, msg) {
    if (msg) { this._msg = msg; }
    return this._check(this._obj > n, 'expected ' + show(this) + ' to be above ' + n, 'expected ' + show(this) + ' to be at most ' + n, n);
  });
  method(['least', 'gte', 'greaterThanOrEqual'], function (n, msg) {
    if (msg) { this._msg = msg; }
    return this._check(this._obj >= n, 'expected ' + show(this) + ' to be at least ' + n, 'expected ' + show(this) + ' to be below ' + n, n);
  });
  method(['below', 'lt', 'lessThan'], function (n, msg) {
    if (msg) { this._msg = msg; }
    return this._check(this._obj < n, 'expected ' + show(this) + ' to be below ' + n, 'expected ' + show(this) + ' to be at least ' + n, n);
  });
  method(['most', 'lte', 'lessThanOrEqual'], function (n, msg) {
    if (msg) { this._msg = msg; }
    return this._check(this._obj <= n, 'expected ' + show(this) + ' to be at most ' + n, 'expected ' + show(this) + ' to be above ' + n, n);
  });
  method(['within'], function (lo, hi, msg) {
    if (msg) { this._msg = msg; }
    return this._check(this._obj >= lo && this._obj <= hi, 'expected ' + show(this) + ' to be within ' + lo + '..' + hi, 'expected ' + show(this) + ' to not be within ' + lo + '..' + hi);
  });
  method(['instanceof', 'instanceOf'], function (ctor, msg) {
    if (msg) { this._msg = msg; }
    return this._check(this._obj instanceof ctor, 'expected ' + show(this) + ' to be an instance of ' + (ctor && ctor.name), 'expected ' + show(this) + ' to not be an instance of ' + (ctor && ctor.name));
  });
  method(['property'], function (name, value) {
    var has = this._obj !== null && this._obj !== undefined && name in Object(this._obj);
    if (arguments.length > 1) {
      var ok = has && (this._deep ? deepEqual(this._obj[name], value) : this._obj[name] === value);
      this._check(ok, 'expected ' + show(this) + ' to have property ' + inspect(name) + ' of ' + inspect(value), 'expected ' + show(this) + ' to not have property ' + inspect(name) + ' of ' + inspect(value), value);
      return this;
    }
    this._check(has, 'expected ' + show(this) + ' to have property ' + inspect(name), 'expected ' + show(this) + ' to not have property ' + inspect(name));
    if (this._negate) { return this; }
    var next = new Assertion(this._obj[name], this._msg);
    return next;
  });
  method(['ownProperty', 'haveOwnProperty'], function (name, msg) {
    if (msg) { this._msg = msg; }
    var has = this._obj !== null && this._obj !== undefined && Object.prototype.hasOwnProperty.call(this._obj, name);
    return this._check(has, 'expected ' + show(this) + ' to have own property ' + inspect(name), 'expected ' + show(this) + ' to not have own property ' + inspect(name));
  });
  method(['length', 'lengthOf'], function (n, msg) {
    if (msg) { this._msg = msg; }
    var len = lengthOf(this._obj, this._msg);
    return this._check(len === n, 'expected ' + show(this) + ' to have a length of ' + n + ' but got ' + len, 'expected ' + show(this) + ' to not have a length of ' + n, n);
  });
  method(['match', 'matches'], function (re, msg) {
    if (msg) { this._msg = msg; }
    return this._check(re.test(this._obj), 'expected ' + show(this) + ' to match ' + re, 'expected ' + show(this) + ' not to match ' + re);
  });
  method(['string'], function (s, msg) {
    if (msg) { this._msg = msg; }
    return this._check(typeof this._obj === 'string' && this._obj.indexOf(s) !== -1, 'expected ' + show(this) + ' to contain ' + inspect(s), 'expected ' + show(this) + ' to not contain ' + inspect(s));
  });
  method(['keys', 'key'], function () {
    var wanted = arguments.length === 1 && Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments);
    var actual = Object.keys(this._obj || {}).sort();
    return this._check(deepEqual(actual, wanted.slice().sort()), 'expected ' + show(this) + ' to have keys ' + inspect(wanted), 'expected ' + show(this) + ' to not have keys ' + inspect(wanted));
  });
  method(['members'], function (list, msg) {
    if (msg) { this._msg = msg; }
    return this._check(sameMembers(this._obj, list, this._deep), 'expected ' + show(this) + ' to have the same members as ' + inspect(list), 'expected ' + show(this) + ' to not have the same members as ' + inspect(list));
  });
  method(['oneOf'], function (list, msg) {
    if (msg) { this._msg = msg; }
    return this._check(includes(list, this._obj, this._deep, this._msg), 'expected ' + show(this) + ' to be one of ' + inspect(list), 'expected ' + show(this) + ' to not be one of ' + inspect(list));
  });
  method(['satisfy', 'satisfies'], function (fn, msg) {
    if (msg) { this._msg = msg; }
    return this._check(fn(this._obj), 'expected ' + show(this) + ' to satisfy ' + inspect(fn), 'expected ' + show(this) + ' to not satisfy ' + inspect(fn));
  });
  method(['closeTo', 'approximately'], function (expected, delta, msg) {
    if (msg) { this._msg = msg; }
    numberArg(this._obj, 'closeTo', this._msg);
    return this._check(Math.abs(this._obj - expected) <= delta, 'expected ' + show(this) + ' to be close to ' + expected + ' +/- ' + delta, 'expected ' + show(this) + ' not to be close to ' + expected + ' +/- ' + delta);
  });
  method(['fail'], function (msg) {
    fail(this._msg, msg === undefined ? 'expect(...).fail()' : String(msg), this._obj);
  });

  function expect(value, msg) {
    return new Assertion(value, msg);
  }
  expect.fail = function (msg) { fail(null, msg === undefined ? 'expect.fail()' : String(msg)); };

  global.AssertionError = AssertionError;
  global.assert = assert;
  global.expect = expect;
}(this));
