/**
 * Reading request fields strictly: each field is checked for type and size,
 * unknown fields are refused (a typo must not be silently ignored), and the
 * message names the field.
 */
import { badRequest } from './errors.js';

/** Whether a value is a plain JSON object. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Options of a string field. */
export interface StringRule {
  readonly max?: number;
  readonly min?: number;
  readonly pattern?: RegExp;
  /** What the pattern means, for the message. */
  readonly patternHint?: string;
}

/** A body (or nested object) whose fields are read one by one. */
export class Fields {
  private readonly seen = new Set<string>();
  constructor(
    private readonly value: Record<string, unknown>,
    private readonly where = '',
  ) {}

  /** Wraps a parsed body; 400 when it is not an object. */
  static of(value: unknown, where = ''): Fields {
    if (!isObject(value)) throw badRequest(`${where ? `"${where}"` : 'The body'} must be a JSON object.`);
    return new Fields(value, where);
  }

  private name(key: string) {
    return this.where ? `${this.where}.${key}` : key;
  }

  /** Whether the field is present (not undefined). */
  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  /** The raw value, marked as read. */
  raw(key: string): unknown {
    this.seen.add(key);
    return Object.hasOwn(this.value, key) ? this.value[key] : undefined;
  }

  /** Checks a string value against a rule. */
  checkString(value: unknown, name: string, rule: StringRule = {}): string {
    const max = rule.max ?? 256;
    if (typeof value !== 'string') throw badRequest(`"${name}" must be a string.`);
    if (value.length > max) throw badRequest(`"${name}" must be at most ${max} characters.`);
    if (value.length < (rule.min ?? 0)) throw badRequest(`"${name}" must be at least ${rule.min} characters.`);
    if (rule.pattern && !rule.pattern.test(value)) throw badRequest(`"${name}" ${rule.patternHint ?? 'has the wrong form'}.`);
    return value;
  }

  /** A required string; 400 when missing or breaking `rule`. */
  string(key: string, rule: StringRule = {}): string {
    const value = this.raw(key);
    if (value === undefined) throw badRequest(`"${this.name(key)}" is required.`);
    return this.checkString(value, this.name(key), rule);
  }

  /** An optional string. */
  optionalString(key: string, rule: StringRule = {}): string | undefined {
    const value = this.raw(key);
    return value === undefined ? undefined : this.checkString(value, this.name(key), rule);
  }

  /** A string, or null to clear it; undefined when absent. */
  nullableString(key: string, rule: StringRule = {}): string | null | undefined {
    const value = this.raw(key);
    if (value === null) return null;
    return value === undefined ? undefined : this.checkString(value, this.name(key), rule);
  }

  /** An optional whole number within `[min, max]`. */
  optionalInt(key: string, min: number, max: number): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw badRequest(`"${this.name(key)}" must be a whole number from ${min} to ${max}.`);
    }
    return value;
  }

  /** An optional boolean. */
  optionalBoolean(key: string): boolean | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw badRequest(`"${this.name(key)}" must be true or false.`);
    return value;
  }

  /** An optional string from a fixed set. */
  optionalOneOf<T extends string>(key: string, options: readonly T[]): T | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      throw badRequest(`"${this.name(key)}" must be one of: ${options.join(', ')}.`);
    }
    return value as T;
  }

  /** A required string from a fixed set. */
  oneOf<T extends string>(key: string, options: readonly T[]): T {
    const value = this.optionalOneOf(key, options);
    if (value === undefined) throw badRequest(`"${this.name(key)}" is required.`);
    return value;
  }

  /** A list read item by item; at most `maxItems`. */
  optionalList<T>(key: string, maxItems: number, item: (value: unknown, name: string) => T): T[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw badRequest(`"${this.name(key)}" must be a list.`);
    if (value.length > maxItems) throw badRequest(`"${this.name(key)}" may hold at most ${maxItems} items.`);
    return value.map((v, i) => item(v, `${this.name(key)}[${i}]`));
  }

  /** An optional list of strings, each checked against `rule`. */
  optionalStringList(key: string, maxItems: number, rule: StringRule = {}): string[] | undefined {
    return this.optionalList(key, maxItems, (v, name) => this.checkString(v, name, rule));
  }

  /** A map of string to string; keys and values checked. */
  optionalStringMap(key: string, maxEntries: number, keyRule: StringRule, valueRule: StringRule): Record<string, string> | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw badRequest(`"${this.name(key)}" must be an object of strings.`);
    const entries = Object.entries(value);
    if (entries.length > maxEntries) throw badRequest(`"${this.name(key)}" may hold at most ${maxEntries} entries.`);
    const out: Record<string, string> = {};
    for (const [k, v] of entries) {
      this.checkString(k, `${this.name(key)} key`, keyRule);
      out[k] = this.checkString(v, `${this.name(key)}.${k}`, valueRule);
    }
    return out;
  }

  /** A nested object, read with its own {@link Fields}. */
  optionalObject<T>(key: string, read: (fields: Fields) => T): T | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    const fields = Fields.of(value, this.name(key));
    const result = read(fields);
    fields.done();
    return result;
  }

  /** Refuses fields that were not read. */
  done(): void {
    for (const key of Object.keys(this.value)) {
      if (!this.seen.has(key)) throw badRequest(`Unknown field "${this.name(key)}".`);
    }
  }
}

/** Ids from clients: short, and only characters our ids use. */
export const ID_RULE: StringRule = { min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/, patternHint: 'may hold only letters, digits, _ and -' };
