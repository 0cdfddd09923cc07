namespace EventObserver.Core.Projections;

/// <summary>
/// JavaScript run in every sandbox before the user's script (after <see cref="SandboxStringGuards"/>). It removes what a
/// projection never needs and what could allocate gigabytes in one call (binary buffers), makes <c>Math.random</c> a
/// seeded generator (replays stay deterministic), defines <c>options(...)</c> and the KurrentDB-style
/// <c>fromAll().when(...)</c>, and returns the host's helpers, which are never globals.
/// </summary>
internal static class SandboxPrelude
{
    public const string Source = """
        (function (g) {
          'use strict';
          const removed = ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array',
            'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array',
            'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'WeakRef', 'FinalizationRegistry',
            'ShadowRealm'];
          for (const name of removed) delete g[name];

          const define = (target, name, value) =>
            Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });

          let seed = 0x2F6B1A3D;
          define(Math, 'random', function random() {
            seed = (seed + 0x6D2B79F5) | 0;
            let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
            t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
          });

          let captured;
          let built;
          define(g, 'options', function options(o) { captured = o; });
          const builder = {
            when(handlers) { built = handlers; return builder; },
            partitionBy(f) { captured = Object.assign({}, captured, { partitionBy: f }); return builder; },
            foreachStream() { captured = Object.assign({}, captured, { partitionBy: e => e.key }); return builder; },
            outputState() { return builder; },
          };
          for (const name of ['fromAll', 'fromStream', 'fromStreams', 'fromCategory']) define(g, name, () => builder);

          const describe = function (completion) {
            const def = completion === builder || completion === null || typeof completion !== 'object' ? built : completion;
            if (def === null || typeof def !== 'object') {
              return 'The script must end with an object of handlers, e.g. ({ $init: () => ({ count: 0 }), OrderPlaced: (s, e) => { s.count++; } }).';
            }
            const handlers = Object.create(null);
            for (const name of Object.keys(def)) {
              const handler = def[name];
              if (typeof handler !== 'function') return 'Handler "' + name + '" must be a function.';
              handlers[name] = handler;
            }
            const result = Object.create(null);
            result.handlers = handlers;
            result.partitionBy = null;
            const o = captured;
            if (o !== undefined && o !== null) {
              if (typeof o !== 'object') return 'options(...) expects an object, e.g. options({ partitionBy: e => e.key }).';
              const by = o.partitionBy;
              if (by !== undefined && by !== null) {
                if (typeof by !== 'function') return 'options.partitionBy must be a function of the event, e.g. e => e.key.';
                result.partitionBy = by;
              }
            }
            return result;
          };

          const helpers = Object.create(null);
          helpers.describe = describe;
          helpers.toKey = key => key === undefined || key === null ? null : String(key);
          return helpers;
        })(globalThis)
        """;
}
