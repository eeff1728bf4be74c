/**
 * The validator the protocol's schemas are written with. Each builder makes a
 * {@link Schema}: a `run` function that checks an unknown value and returns it
 * typed, or the first {@link Issue} it finds. A check stops at its first issue:
 * the decoder reports only that one, and a hostile frame costs no more than its
 * first mistake.
 *
 * It took over from valibot (`docs/decisions/2026-11-21-own-validator-for-frames.md`)
 * and keeps what frames relied on: objects drop keys they do not know; failures
 * read the same (`Invalid type: Expected string but received 42`) at the same
 * path; and each schema's output type is inferred ({@link Infer}), so
 * `check-types.ts` can prove it equals the hand-written frame type. It holds only
 * what the protocol needs; a new kind of check belongs here, documented like the
 * others.
 *
 * Builders do no work when called, so a bundle holds only the schemas it uses:
 * rollup sees that a call has no side effect, and `@__NO_SIDE_EFFECTS__` tells
 * bundlers that do not look inside functions.
 */

/** Where an issue is, from the checked value down: object keys and array indexes. */
export type Path = (string | number)[];

/** The first rule a value broke, and where. */
export class Issue {
  constructor(
    readonly message: string,
    readonly path: Path = [],
  ) {}
}

/**
 * Checks an unknown value: returns it as a `T` or the {@link Issue} that stopped
 * it. Objects and arrays come back as new ones holding only what the schema
 * describes; strings, numbers and booleans as they are.
 */
export interface Schema<T> {
  readonly run: (input: unknown) => T | Issue;
}

/** A schema whose key may be absent from an {@link object} (made by {@link optional}). */
export interface Optional<T> extends Schema<T | undefined> {
  readonly optional: true;
}

/** The type of what a schema returns for a valid value. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

type Entries = Readonly<Record<string, Schema<unknown>>>;
type OptionalKeys<E extends Entries> = { [K in keyof E]: E[K] extends Optional<unknown> ? K : never }[keyof E];
/** What {@link object} returns: a key per entry, optional where its schema is. */
type ObjectOutput<E extends Entries> = {
  [K in Exclude<keyof E, OptionalKeys<E>>]: Infer<E[K]>;
} & {
  [K in OptionalKeys<E>]?: Exclude<Infer<E[K]>, undefined>;
};

/** Whether `input` passes `schema` (for values read back from storage, where the copy is not needed). */
export const is = <T>(schema: Schema<T>, input: unknown): input is T => !(schema.run(input) instanceof Issue);

// ── Messages, in valibot's words ────────────────────────────────────────────

/** A JSON value as a message quotes it: strings in quotes, objects and arrays by their kind. */
function show(input: unknown): string {
  if (typeof input === 'string') return `"${input}"`;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'Array';
  return typeof input === 'object' ? 'Object' : String(input);
}

/** `Invalid <what>: Expected <expected> but received <received>`. */
const message = (what: string, expected: string, received: string) =>
  `Invalid ${what}: Expected ${expected} but received ${received}`;

/** `input` is not of the `expected` type. */
const typeIssue = (expected: string, input: unknown) => new Issue(message('type', expected, show(input)));

/** The issue found inside the value at `key`, now seen from its parent. */
function at(issue: Issue, key: string | number): Issue {
  issue.path.unshift(key);
  return issue;
}

/** Objects in valibot's sense: arrays too. Only a schema with no required key takes one, as `{}`. */
const isObject = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null;

// ── Values ──────────────────────────────────────────────────────────────────

/** Any string; {@link maxLength} and {@link rule} narrow it. */
export const string: Schema<string> = {
  run: (input) => (typeof input === 'string' ? input : typeIssue('string', input)),
};

/** Any number but NaN (JSON has none; `1e999` is Infinity, which {@link check} rules can refuse). */
export const number: Schema<number> = {
  run: (input) => (typeof input === 'number' && !Number.isNaN(input) ? input : typeIssue('number', input)),
};

/** `true` or `false`. */
export const boolean: Schema<boolean> = {
  run: (input) => (typeof input === 'boolean' ? input : typeIssue('boolean', input)),
};

/** Anything, as it is (not copied). */
export const unknown: Schema<unknown> = { run: (input) => input };

/** How a message names the strings it wanted: `"a"`, or `("a" | "b")`. */
function oneOf(options: readonly string[]): string {
  const quoted = options.map((option) => `"${option}"`);
  return quoted.length > 1 ? `(${quoted.join(' | ')})` : quoted.join();
}

/** One of `options`: `picklist(['online', 'busy'])`. */
/* @__NO_SIDE_EFFECTS__ */
export function picklist<const T extends string>(options: readonly T[]): Schema<T> {
  return { run: (input) => (options.includes(input as T) ? (input as T) : typeIssue(oneOf(options), input)) };
}

/** Exactly `value`: `literal('ping')`. */
/* @__NO_SIDE_EFFECTS__ */
export function literal<const T extends string>(value: T): Schema<T> {
  return picklist([value]);
}

/**
 * `schema`'s output, if `test` passes it; `fail` says why it did not. Rules run
 * only on a value of the right type, and after the checks inside it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function check<T>(schema: Schema<T>, test: (value: T) => boolean, fail: string | ((value: T) => string)): Schema<T> {
  return {
    run(input) {
      const output = schema.run(input);
      if (output instanceof Issue || test(output)) return output;
      return new Issue(typeof fail === 'string' ? fail : fail(output));
    },
  };
}

/** {@link check} with a message like valibot's: `rule(number, Number.isFinite, 'a finite number')`. */
/* @__NO_SIDE_EFFECTS__ */
export function rule<T>(schema: Schema<T>, test: (value: T) => boolean, expected: string): Schema<T> {
  return check(schema, test, (value) => message('value', expected, show(value)));
}

/** A string or array of at most `max` items (checked after its items). */
/* @__NO_SIDE_EFFECTS__ */
export function maxLength<T extends string | readonly unknown[]>(schema: Schema<T>, max: number): Schema<T> {
  return check(schema, (value) => value.length <= max, (value) => message('length', `<=${max}`, `${value.length}`));
}

/** A string that `pattern` matches (give it no `g` flag: `test` would then keep state). */
/* @__NO_SIDE_EFFECTS__ */
export function regex(pattern: RegExp): Schema<string> {
  return check(string, (value) => pattern.test(value), (value) => message('format', `${pattern}`, show(value)));
}

// ── Containers ──────────────────────────────────────────────────────────────

/** `schema`, or undefined; in an {@link object}, its key may be absent. */
/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: true, run: (input) => (input === undefined ? undefined : schema.run(input)) };
}

/**
 * An object with these keys, checked in this order: `object({ id, text: optional(text) })`.
 * The output holds these keys only; any other key is dropped.
 */
/* @__NO_SIDE_EFFECTS__ */
export function object<const E extends Entries>(entries: E): Schema<ObjectOutput<E>> {
  // Listed on first use rather than here, so that making a schema has no side
  // effect a bundler could see: a schema nobody uses is dropped from bundles.
  let list: [string, Schema<unknown>][] | undefined;
  return {
    run(input) {
      if (!isObject(input)) return typeIssue('Object', input);
      const output: Record<string, unknown> = {};
      list ??= Object.entries(entries);
      for (const [key, schema] of list) {
        if (key in input) {
          const value = schema.run(input[key]);
          if (value instanceof Issue) return at(value, key);
          output[key] = value;
        } else if (!('optional' in schema)) {
          return new Issue(message('key', `"${key}"`, 'undefined'), [key]);
        }
      }
      return output as ObjectOutput<E>;
    },
  };
}

/** An array whose every item passes `item`. */
/* @__NO_SIDE_EFFECTS__ */
export function array<T>(item: Schema<T>): Schema<T[]> {
  return {
    run(input) {
      if (!Array.isArray(input)) return typeIssue('Array', input);
      const output: T[] = [];
      for (let index = 0; index < input.length; index++) {
        const value = item.run(input[index]);
        if (value instanceof Issue) return at(value, index);
        output.push(value);
      }
      return output;
    },
  };
}

/** Keys that could reach or replace a prototype; a map holding one is refused. */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * A JSON object used as a map, each key passing `key` and each value `value`.
 * Arrays and the keys `__proto__`, `constructor` and `prototype` are refused,
 * not quietly taken or dropped.
 */
/* @__NO_SIDE_EFFECTS__ */
export function record<V>(key: Schema<string>, value: Schema<V>): Schema<Record<string, V>> {
  return {
    run(input) {
      if (!isObject(input) || Array.isArray(input) || RESERVED_KEYS.some((reserved) => Object.hasOwn(input, reserved))) {
        return new Issue('Invalid type: Expected an object without __proto__, constructor or prototype keys');
      }
      const output: Record<string, V> = {};
      for (const name of Object.keys(input)) {
        const checkedKey = key.run(name);
        if (checkedKey instanceof Issue) return at(checkedKey, name);
        const checked = value.run(input[name]);
        if (checked instanceof Issue) return at(checked, name);
        output[name] = checked;
      }
      return output;
    },
  };
}

/**
 * Any object, copied with its own keys, values as they are; reserved keys are
 * dropped. Arrays pass too, as valibot's `record` took them. For the `result`
 * of an `ack`, checked against its command's schema once the command is known.
 */
export const anyObject: Schema<Record<string, unknown>> = {
  run(input) {
    if (!isObject(input)) return typeIssue('Object', input);
    const output: Record<string, unknown> = {};
    for (const key of Object.keys(input)) if (!RESERVED_KEYS.includes(key)) output[key] = input[key];
    return output;
  },
};

/**
 * One of several objects, told apart by the string at `key`:
 * `variant('role', { visitor: visitorHello, agent: agentHello })`. Each option
 * checks `key` again, so it must be the option's own literal.
 */
/* @__NO_SIDE_EFFECTS__ */
export function variant<K extends string, O extends Readonly<Record<string, Schema<object>>>>(
  key: K,
  options: O,
): Schema<Infer<O[keyof O]>> {
  const tag = picklist(Object.keys(options));
  return {
    run(input) {
      if (!isObject(input)) return typeIssue('Object', input);
      const value = tag.run(input[key]);
      if (value instanceof Issue) return at(value, key);
      return options[value]!.run(input) as Infer<O[keyof O]>;
    },
  };
}
