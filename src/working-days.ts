import { DAY_MS, type LocalDate } from './extract/dates.js';

/**
 * Working days as China's offices keep them: Monday to Friday, but for the public holidays and the
 * weekend days worked in their place (调休) that the State Council sets each year in its notice on
 * the holiday arrangements (国务院办公厅关于 YYYY 年部分节假日安排的通知). A reply due in 5 working
 * days over the National Day week is not late on the 6th calendar weekday, and a rectification
 * deadline of 15 working days over the Spring Festival is a week later than weekdays alone say.
 */
interface YearSchedule {
  /** days off, from–to inclusive (weekends inside them included) */
  off: readonly (readonly [LocalDate, LocalDate])[];
  /** weekend days worked */
  work: readonly LocalDate[];
}

/** Add each year as its notice comes out (usually in November of the year before). */
const SCHEDULES: Readonly<Record<number, YearSchedule>> = {
  // 国办发明电〔2022〕16号
  2023: {
    off: [['2022-12-31', '2023-01-02'], ['2023-01-21', '2023-01-27'], ['2023-04-05', '2023-04-05'], ['2023-04-29', '2023-05-03'], ['2023-06-22', '2023-06-24'], ['2023-09-29', '2023-10-06']],
    work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  // 国务院办公厅 2023年10月25日
  2024: {
    off: [['2023-12-30', '2024-01-01'], ['2024-02-10', '2024-02-17'], ['2024-04-04', '2024-04-06'], ['2024-05-01', '2024-05-05'], ['2024-06-08', '2024-06-10'], ['2024-09-15', '2024-09-17'], ['2024-10-01', '2024-10-07']],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  // 国办发明电〔2024〕12号
  2025: {
    off: [['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08']],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅 2025年11月4日
  2026: {
    off: [['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07']],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const dayOf = (date: LocalDate): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

const OFF = new Set<number>();
const WORKED = new Set<number>();
for (const { off, work } of Object.values(SCHEDULES)) {
  for (const [from, to] of off) for (let d = dayOf(from); d <= dayOf(to); d++) OFF.add(d);
  for (const date of work) WORKED.add(dayOf(date));
}

/** Whether the State Council's schedule for that year is known here (else weekends alone are left out). */
const holidaysKnown = (year: number): boolean => year in SCHEDULES;

function isWorkingDay(day: number): boolean {
  if (WORKED.has(day)) return true;
  if (OFF.has(day)) return false;
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after `from`, up to and including `to` (a letter asked on Friday and answered on Monday took 1). */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
  let days = 0;
  for (let d = dayOf(from) + 1; d <= dayOf(to); d++) if (isWorkingDay(d)) days++;
  return days;
}

/** The date `days` working days after `date`. */
export function addWorkingDays(date: LocalDate, days: number): LocalDate {
  let d = dayOf(date);
  for (let left = days; left > 0;) if (isWorkingDay(++d)) left--;
  return dateOf(d);
}

/** A warning line when some year between two dates (inclusive) has holidays not known here: what then counts weekends only. */
export function unknownHolidaysWarning(from: LocalDate, to: LocalDate, what: string): string | null {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!holidaysKnown(y)) years.push(y);
  return years.length === 0 ? null
    : `warning: the State Council's holidays of ${years.join(', ')} are not known to this govsite (src/working-days.ts): ${what} leaves out weekends only there; check it against that year's holiday notice`;
}
