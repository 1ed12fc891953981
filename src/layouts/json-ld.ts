/**
 * Serializes JSON-LD for an inline <script type="application/ld+json">.
 *
 * JSON.stringify alone is not safe inside <script>: a string holding "</script>"
 * would end the element early and whatever follows would be parsed as HTML.
 * Escaping "<", ">" and "&" as \u00XX keeps the JSON identical for a JSON parser
 * while leaving no markup the HTML parser can see. U+2028/U+2029 are escaped
 * because older JavaScript engines reject them in string literals.
 */
export function serializeJsonLd(data: unknown): string {
  const json = JSON.stringify(data);
  if (json === undefined) {
    throw new TypeError('serializeJsonLd: value is not JSON-serializable');
  }
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
