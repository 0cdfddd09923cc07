namespace EventObserver.Core.Projections;

/// <summary>
/// JavaScript run in every sandbox before the prelude. Jint checks its memory limit before each statement, so a
/// built-in that assembles one huge string in a single native call (<c>join</c> of 60 references to one 16 MB string,
/// <c>JSON.stringify</c> of them, <c>concat</c>, <c>replace</c> with <c>$`</c>, a template literal) allocated gigabytes before the
/// next check. Each such builder is wrapped here: it either learns the result's length before building it (and refuses
/// more than the sandbox's string length), or is made to call script code per piece, so the per-call memory limit is
/// checked while it builds. Returns the guarded <c>JSON.stringify</c> for the host and the template-literal helper.
/// </summary>
internal static class SandboxStringGuards
{
    public const string MaxLengthToken = "__MAX_STRING_LENGTH__";

    /// <summary>Template literals with two or more substitutions are rewritten to call this global (see <see cref="TemplateLiteralRewriter"/>).</summary>
    public const string TemplateFunction = "__eventObserverTemplate";

    public const string Source = """
        (function (g, max) {
          'use strict';
          const apply = Reflect.apply;
          const define = (target, name, value) =>
            Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
          const tooLong = what => new RangeError('Invalid string length: ' + what + ' would build more than ' + max
            + ' characters, over the sandbox\'s memory budget for one string');
          // ToString, as the built-ins do; a string is returned as it is (Jint copies one through a template).
          const text = v => typeof v === 'string' ? v : `${v}`;
          const self = (v, name) => {
            if (v === null || v === undefined) throw new TypeError(name + ' called on null or undefined');
            return text(v);
          };
          const toLength = v => { const n = Math.trunc(Number(v)); return n > 0 ? Math.min(n, 9007199254740991) : 0; };
          const S = String.prototype, A = Array.prototype, R = RegExp.prototype;
          const nativeJoin = A.join, nativeReplaceAll = S.replaceAll, nativeSplit = S.split, nativeSlice = S.slice;
          const nativeReplace = S.replace, nativeRegExpReplace = R[Symbol.replace], nativeStringify = JSON.stringify;
          const nativeParse = JSON.parse;

          const nativeRepeat = S.repeat, nativePadStart = S.padStart, nativePadEnd = S.padEnd;
          define(S, 'repeat', function repeat(count) {
            const n = Math.trunc(Number(count));
            if (n > 1 && self(this, 'String.prototype.repeat').length * n > max) throw tooLong('repeat');
            return apply(nativeRepeat, this, [count]);
          });
          define(S, 'padStart', function padStart(length, fill) {
            if (Number(length) > max) throw tooLong('padStart');
            return apply(nativePadStart, this, [length, fill]);
          });
          define(S, 'padEnd', function padEnd(length, fill) {
            if (Number(length) > max) throw tooLong('padEnd');
            return apply(nativePadEnd, this, [length, fill]);
          });

          const nativeConcat = S.concat;
          define(S, 'concat', function concat(...values) {
            const head = self(this, 'String.prototype.concat');
            let total = head.length;
            const parts = [];
            for (const value of values) {
              const part = text(value);
              total += part.length;
              if (total > max) throw tooLong('concat');
              parts.push(part);
            }
            return apply(nativeConcat, head, parts);
          });

          // join converts each element once, as the native one does, and refuses before building; a cycle joins as ''.
          const joining = new Set();
          const named = (name, f) => Object.defineProperty(f, 'name', { value: name });
          const guardedJoin = (what, convert) => named(what, function (separator) {
            if (this === null || this === undefined) throw new TypeError('Array.prototype.' + what + ' called on null or undefined');
            const o = Object(this);
            const length = toLength(o.length);
            const sep = separator === undefined ? ',' : text(separator);
            if (length === 0 || joining.has(o)) return '';
            let total = (length - 1) * sep.length;
            if (total > max) throw tooLong(what);
            joining.add(o);
            try {
              const parts = [];
              for (let i = 0; i < length; i++) {
                const value = o[i];
                const part = value === undefined || value === null ? '' : convert(value);
                total += part.length;
                if (total > max) throw tooLong(what);
                parts.push(part);
              }
              return apply(nativeJoin, parts, [sep]);
            } finally {
              joining.delete(o);
            }
          });
          define(A, 'join', guardedJoin('join', text));
          define(A, 'toLocaleString', { toLocaleString(locales, options) {
            return apply(guardedJoin('toLocaleString', v => text(v.toLocaleString(locales, options))), this, [',']);
          } }.toLocaleString);

          // Replacing: a string replacement whose result could exceed the limit becomes a function, so each match
          // runs script code (the memory limit is checked) and the total is counted.
          const dollarToken = /(\$[$&`']|\$[0-9]{1,2}|\$<[^>]*>)/;
          const bound = (str, replacement) => {
            const n = str.length;
            const dollars = replacement.length - apply(nativeReplaceAll, replacement, ['$', '']).length;
            return n + (n + 1) * (replacement.length + dollars * n);
          };
          const capture = (captures, i) => i >= 1 && i <= captures.length ? (captures[i - 1] === undefined ? '' : text(captures[i - 1])) : null;
          const substitute = (tokens, matched, position, str, captures, groups) => {
            let out = '';
            for (const token of tokens) {
              if (token.length < 2 || token[0] !== '$') { out += token; continue; }
              const c = token[1];
              if (c === '$') out += '$';
              else if (c === '&') out += matched;
              else if (c === '`') out += apply(nativeSlice, str, [0, position]);
              else if (c === "'") out += apply(nativeSlice, str, [position + matched.length]);
              else if (c === '<') {
                if (groups === undefined) { out += token; continue; }
                const value = groups[apply(nativeSlice, token, [2, -1])];
                out += value === undefined ? '' : text(value);
              } else {
                const two = token.length === 3 ? capture(captures, Number(apply(nativeSlice, token, [1]))) : null;
                if (two !== null) { out += two; continue; }
                const one = capture(captures, Number(token[1]));
                out += one === null ? token : one + apply(nativeSlice, token, [2]);
              }
            }
            return out;
          };
          const counted = (str, replacement, what) => {
            const tokens = apply(nativeSplit, replacement, [dollarToken]);
            let total = str.length;
            return function (matched, ...rest) {
              const hasGroups = rest.length >= 2 && typeof rest[rest.length - 1] !== 'string';
              const groups = hasGroups ? rest.pop() : undefined;
              const source = rest.pop();
              const position = rest.pop();
              const out = substitute(tokens, matched, position, source, rest, groups);
              total += out.length;
              if (total > max) throw tooLong(what);
              return out;
            };
          };
          const guardedReplace = (native, what) => function (pattern, replacement) {
            const str = self(this, 'String.prototype.' + what);
            if (typeof replacement === 'function' || (pattern !== null && pattern !== undefined && pattern[Symbol.replace] !== undefined)) {
              return apply(native, str, [pattern, replacement]);
            }

            const r = text(replacement);
            return apply(native, str, [pattern, bound(str, r) <= max ? r : counted(str, r, what)]);
          };
          define(S, 'replace', named('replace', guardedReplace(nativeReplace, 'replace')));
          define(S, 'replaceAll', named('replaceAll', guardedReplace(nativeReplaceAll, 'replaceAll')));
          define(R, Symbol.replace, { [Symbol.replace](string, replacement) {
            const str = text(string);
            if (typeof replacement === 'function') return apply(nativeRegExpReplace, this, [str, replacement]);
            const r = text(replacement);
            return apply(nativeRegExpReplace, this, [str, bound(str, r) <= max ? r : counted(str, r, 'replace')]);
          } }[Symbol.replace]);

          // Expanding conversions: at most this many characters per character (ASCII text expands far less).
          const ascii = /^[\x00-\x7f]*$/;
          const nativeTest = R.test;
          const expanding = (target, name, asciiFactor, factor) => {
            const native = target[name];
            define(target, name, { [name](...args) {
              const str = target === g ? text(args[0]) : self(this, 'String.prototype.' + name);
              if (str.length * factor > max && str.length * (apply(nativeTest, ascii, [str]) ? asciiFactor : factor) > max) throw tooLong(name);
              return target === g ? native(str, ...args.slice(1)) : apply(native, this, args);
            } }[name]);
          };
          expanding(g, 'encodeURI', 3, 9);
          expanding(g, 'encodeURIComponent', 3, 9);
          expanding(g, 'escape', 3, 6);
          for (const name of ['toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase']) expanding(S, name, 1, 3);
          expanding(S, 'normalize', 1, 18);
          for (const [name, count] of [['anchor', 1], ['fontcolor', 1], ['fontsize', 1], ['link', 1]]) {
            const native = S[name];
            define(S, name, { [name](attribute) {
              const attr = text(attribute);
              if (self(this, 'String.prototype.' + name).length + 6 * attr.length * count + 32 > max) throw tooLong(name);
              return apply(native, this, [attr]);
            } }[name]);
          }

          const nativeRaw = String.raw;
          define(String, 'raw', function raw(template, ...substitutions) {
            const cooked = Object(template);
            const literal = Object(cooked.raw);
            const length = toLength(literal.length);
            const segments = [];
            const values = [];
            let total = 0;
            for (let i = 0; i < length; i++) {
              const segment = text(literal[i]);
              total += segment.length;
              segments.push(segment);
              if (i + 1 < length && i < substitutions.length) {
                const value = text(substitutions[i]);
                total += value.length;
                values.push(value);
              }

              if (total > max) throw tooLong('String.raw');
            }

            return apply(nativeRaw, String, [{ raw: segments }, ...values]);
          });

          if (g.Intl && g.Intl.ListFormat) {
            const L = g.Intl.ListFormat.prototype;
            for (const name of ['format', 'formatToParts']) {
              const native = L[name];
              define(L, name, { [name](list) {
                const items = [];
                let total = 0;
                for (const item of list) {
                  total += (typeof item === 'string' ? item.length : 0) + 16;
                  if (total > max) throw tooLong('Intl.ListFormat');
                  items.push(item);
                }
                return apply(native, this, [items]);
              } }[name]);
            }
          }

          // JSON: stringify calls a replacer per value (so the memory limit is checked while it builds) that also counts
          // the output; an array replacer becomes a function that rebuilds each object with the listed keys, in order.
          const boxed = v => v instanceof Number || v instanceof String || v instanceof Boolean;
          const stringify = function (value, replacer, space, limit) {
            let total = 0;
            const user = typeof replacer === 'function' ? replacer : null;
            let keys = null;
            if (Array.isArray(replacer)) {
              keys = [];
              for (const k of replacer) {
                const key = typeof k === 'string' ? k : typeof k === 'number' || k instanceof String || k instanceof Number ? text(k) : null;
                if (key !== null && !keys.includes(key)) keys.push(key);
              }
            }
            const account = function (key, v) {
              if (user !== null) v = apply(user, this, [key, v]);
              total += key.length + 4 + (typeof v === 'string' ? v.length : 8);
              if (total > limit) throw tooLong('JSON.stringify');
              if (keys !== null && v !== null && typeof v === 'object' && !Array.isArray(v) && !boxed(v)) {
                const picked = {};
                for (const k of keys) { const x = v[k]; if (x !== undefined) picked[k] = x; }
                return picked;
              }
              return v;
            };
            return apply(nativeStringify, JSON, [value, account, space]);
          };
          define(JSON, 'stringify', { stringify(value, replacer, space) { return stringify(value, replacer, space, max); } }.stringify);
          define(JSON, 'parse', { parse(source, reviver) {
            const str = text(source);
            if (str.length > max / 8) throw tooLong('JSON.parse of ' + str.length + ' characters');
            return apply(nativeParse, JSON, [str, reviver]);
          } }.parse);

          const template = function (...parts) {
            let total = 0;
            const strings = [];
            for (let i = 0; i < parts.length; i++) {
              const part = i % 2 === 0 ? parts[i] : text(parts[i]);
              total += part.length;
              if (total > max) throw tooLong('A template literal');
              strings.push(part);
            }
            return apply(nativeJoin, strings, ['']);
          };
          Object.defineProperty(g, '__eventObserverTemplate', { value: template, writable: false, enumerable: false, configurable: false });

          const guards = Object.create(null);
          guards.stringify = stringify;
          return guards;
        })(globalThis, __MAX_STRING_LENGTH__)
        """;
}
