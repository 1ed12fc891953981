/**
 * The FAQ section → `questions`. Two layouts occur: a question line followed
 * by an answer line, and the same as "- Q" / "- A" bullets. Either way a
 * question is a line ending in "?" (or starting "Q:"), and its answer is every
 * line up to the next question.
 */
import { citedNumbers } from './citations.ts';
import type { TextLine } from './types.ts';

export interface ParsedQuestion {
  q: string;
  a: string;
  sources: number[];
  line: number;
}

export interface ParsedQa {
  questions: ParsedQuestion[];
  /** Questions the input stops before answering. */
  unanswered: { q: string; line: number }[];
  /** Lines before the first question (an intro or tip): kept in the body. */
  leftover: TextLine[];
}

const QUESTION_PREFIX = /^(?:Q(?:uestion)?\s*[:.)-]\s*)/i;
const ANSWER_PREFIX = /^(?:A(?:nswer)?\s*[:.)-]\s*)/i;

function isQuestion(text: string): boolean {
  return QUESTION_PREFIX.test(text) || /\?(?:\s*\[\d+\])*\s*$/.test(text);
}

export function parseQa(lines: readonly TextLine[]): ParsedQa {
  const questions: ParsedQuestion[] = [];
  const unanswered: ParsedQa['unanswered'] = [];
  const leftover: TextLine[] = [];
  let current: { q: string; line: number; answer: string[] } | undefined;

  const close = (): void => {
    if (!current) return;
    const a = current.answer.join(' ').trim();
    if (a) questions.push({ q: current.q, a, sources: [...new Set([...citedNumbers(current.q), ...citedNumbers(a)])], line: current.line });
    else unanswered.push({ q: current.q, line: current.line });
    current = undefined;
  };

  for (const line of lines) {
    if (isQuestion(line.text) && !ANSWER_PREFIX.test(line.text)) {
      close();
      current = { q: line.text.replace(QUESTION_PREFIX, '').trim(), line: line.line, answer: [] };
    } else if (current) {
      current.answer.push(line.text.replace(ANSWER_PREFIX, '').trim());
    } else {
      leftover.push(line);
    }
  }
  close();
  return { questions, unanswered, leftover };
}
