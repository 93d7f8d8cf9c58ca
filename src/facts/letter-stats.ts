import { daysBetween, type LocalDate } from '../extract/dates.js';
import type { Letter } from '../extract/letters.js';

/** The letters figures of SPEC §6, over letters asked within the 365 days before the as-of date. */
export interface LetterStats {
  total: number;
  answered: number;
  unanswered: number;
  /** open for more than 90 days */
  overdue: number;
  medianReplyDays: number | null;
  /** share of answered letters whose reply is an empty phrase or the same text as another reply */
  boilerplateShare: number;
}

export const OVERDUE_DAYS = 90;
export const LETTER_WINDOW_DAYS = 365;
const EMPTY_PHRASES = /已转相关部门|已转交?有关部门|尽快处理|正在调查|会尽快为您处理|已收悉|正在核实|感谢您的来信[。！!]?$/;

export function isAnswered(l: Letter): boolean {
  return l.status === 'answered' || (l.status === null && l.replied !== null);
}

/** Letters of the window, each with its days open (unanswered ones) or days to reply. */
export function lettersInWindow<L extends Letter>(letters: readonly L[], asOf: LocalDate): L[] {
  return letters.filter((l) => l.asked !== null && l.asked <= asOf && daysBetween(l.asked, asOf) <= LETTER_WINDOW_DAYS);
}

/**
 * The window's answered letters whose reply text was read, and those of them whose reply is
 * boilerplate: empty, an empty phrase, or the same text (white space aside) as another reply. Each
 * reply is compared through a count of the texts, not with every other reply (a mailbox of 2,000
 * letters took half a second).
 */
export function repliesOf<L extends Letter>(letters: readonly L[], asOf: LocalDate): { replied: L[]; boilerplate: L[] } {
  const replied = lettersInWindow(letters, asOf).filter((l) => isAnswered(l) && l.reply);
  const texts = replied.map((l) => l.reply!.replace(/\s+/g, ''));
  const times = new Map<string, number>();
  for (const t of texts) times.set(t, (times.get(t) ?? 0) + 1);
  const boilerplate = (t: string) => t.length === 0 || (t.length < 60 && EMPTY_PHRASES.test(t)) || times.get(t)! > 1;
  return { replied, boilerplate: replied.filter((_, i) => boilerplate(texts[i]!)) };
}

export function letterStats(letters: readonly Letter[], asOf: LocalDate): LetterStats {
  const inWindow = lettersInWindow(letters, asOf);
  const answered = inWindow.filter(isAnswered);
  const open = inWindow.filter((l) => !isAnswered(l));
  const replyDays = answered.filter((l) => l.replied && l.asked).map((l) => daysBetween(l.asked!, l.replied!)).sort((a, b) => a - b);
  const { replied, boilerplate } = repliesOf(letters, asOf);
  return {
    total: inWindow.length,
    answered: answered.length,
    unanswered: open.length,
    overdue: open.filter((l) => daysBetween(l.asked!, asOf) > OVERDUE_DAYS).length,
    medianReplyDays: replyDays.length ? median(replyDays) : null,
    boilerplateShare: replied.length ? Math.round((boilerplate.length / replied.length) * 1000) / 1000 : 0,
  };
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
