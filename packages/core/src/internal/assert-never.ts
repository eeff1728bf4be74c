/** Ends an exhaustive `switch`: compile error when a case is missing, throw if reached anyway. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
