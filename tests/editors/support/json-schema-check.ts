/**
 * A small JSON Schema (draft-07) checker for exactly the keywords our
 * generated schemas use. No JSON Schema validator (ajv or other) is in
 * node_modules and packages are not to be added, so the tests carry this one;
 * `UNSUPPORTED` lets a test fail when a schema starts using a keyword this
 * checker would otherwise silently ignore.
 */
export const SUPPORTED_KEYWORDS = new Set([
  '$schema', 'title', 'description', 'default',
  'type', 'properties', 'required', 'additionalProperties', 'propertyNames',
  'items', 'enum', 'anyOf',
  'minLength', 'pattern', 'format',
  'minimum', 'maximum', 'exclusiveMinimum',
]);

type Schema = Record<string, unknown>;

/** Keywords used anywhere in a schema that this checker does not implement. */
export function unsupportedKeywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (!schema || typeof schema !== 'object') return found;
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (!SUPPORTED_KEYWORDS.has(key)) found.add(key);
    if (key === 'properties') for (const sub of Object.values(value as Schema)) unsupportedKeywords(sub, found);
    else if (key === 'items' || key === 'additionalProperties' || key === 'propertyNames') unsupportedKeywords(value, found);
    else if (key === 'anyOf') for (const sub of value as unknown[]) unsupportedKeywords(sub, found);
  }
  return found;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const FORMATS: Record<string, (value: string) => boolean> = {
  uri: (value) => URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value),
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
};

/** Every violation as "path: problem"; empty when the value conforms. */
export function checkJsonSchema(schema: Schema, value: unknown, at = '$'): string[] {
  const errors: string[] = [];
  if (typeof schema['type'] === 'string' && !matchesType(value, schema['type'])) return [`${at}: expected ${schema['type']}, found ${typeOf(value)}`];
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema['enum'])}`);
  if (Array.isArray(schema['anyOf']) && !(schema['anyOf'] as Schema[]).some((branch) => checkJsonSchema(branch, value, at).length === 0)) {
    errors.push(`${at}: matches none of the allowed forms`);
  }
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) errors.push(`${at}: shorter than ${schema['minLength']}`);
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) errors.push(`${at}: does not match ${schema['pattern']}`);
    if (typeof schema['format'] === 'string') {
      const check = FORMATS[schema['format']];
      if (!check) errors.push(`${at}: unknown format ${schema['format']}`);
      else if (!check(value)) errors.push(`${at}: not a valid ${schema['format']}`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) errors.push(`${at}: below ${schema['minimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) errors.push(`${at}: above ${schema['maximum']}`);
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) errors.push(`${at}: not above ${schema['exclusiveMinimum']}`);
  }
  if (Array.isArray(value) && schema['items'] && typeof schema['items'] === 'object') {
    value.forEach((item, i) => errors.push(...checkJsonSchema(schema['items'] as Schema, item, `${at}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in record)) errors.push(`${at}: missing required "${key}"`);
    for (const [key, item] of Object.entries(record)) {
      if (schema['propertyNames']) errors.push(...checkJsonSchema(schema['propertyNames'] as Schema, key, `${at} key "${key}"`));
      if (key in properties) errors.push(...checkJsonSchema(properties[key]!, item, `${at}.${key}`));
      else if (schema['additionalProperties'] === false) errors.push(`${at}: unknown key "${key}"`);
      else if (schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object') {
        errors.push(...checkJsonSchema(schema['additionalProperties'] as Schema, item, `${at}.${key}`));
      }
    }
  }
  return errors;
}
