/**
 * Gathers a skeleton's inputs: from flags, and — when a prompter is given (the
 * terminal is interactive) — by asking for each one not given, re-asking
 * after a refused answer. Without a prompter, every problem is returned at
 * once so a script or CI run can print them together.
 */
import type { InputSpec, InputValues, KindScaffold, ScaffoldContext } from './shared.ts';

/** The CLI's terminal, or a scripted stand-in in tests. */
export interface Prompter {
  ask: (question: string) => Promise<string>;
  say: (message: string) => void;
}

export type CollectResult = { ok: true; values: InputValues } | { ok: false; problems: string[] };

/** How many refused answers before giving up (a closed stdin answers "" forever). */
const MAX_TRIES = 3;

/** "Kind of place (city, county, …) [city]: " */
export function questionFor(input: InputSpec, fallback: string | undefined): string {
  const choices = input.choices ? ` (${input.choices.join(', ')})` : '';
  const proposed = fallback ? ` [${fallback}]` : input.required ? '' : input.placeholderWhenEmpty ? ' [leave empty to fill in later]' : ' [optional]';
  return `${input.label}${choices}${proposed}: `;
}

export async function collectInputs(
  scaffold: KindScaffold,
  given: InputValues,
  context: ScaffoldContext,
  prompter?: Prompter,
): Promise<CollectResult> {
  const values: InputValues = {};
  const problems: string[] = [];
  const flagged = Object.fromEntries(Object.entries(given).map(([name, value]) => [name, value?.trim() || undefined]));
  for (const input of scaffold.inputs) {
    // Fallbacks see every flag, not only earlier answers: --place kansas-city-mo tells the state.
    const fallback = input.fallback?.({ ...flagged, ...values }, context);
    let value = flagged[input.name];
    if (value === undefined && prompter) {
      for (const line of input.help?.(values, context) ?? []) prompter.say(line);
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        const answer = (await prompter.ask(questionFor(input, fallback))).trim() || fallback;
        const refusal = answer === undefined ? (input.required ? 'an answer is needed here' : undefined) : input.check?.(answer, values, context);
        if (!refusal) {
          value = answer;
          break;
        }
        prompter.say(`  ${refusal}`);
        if (tries === MAX_TRIES - 1) problems.push(`${input.name}: ${refusal}`);
      }
      if (problems.length) return { ok: false, problems };
    } else {
      value ??= fallback;
      const refusal = value === undefined ? (input.required ? `missing --${input.name}: ${input.label}` : undefined) : input.check?.(value, values, context);
      if (refusal) problems.push(value === undefined ? refusal : `--${input.name}: ${refusal}`);
    }
    values[input.name] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
