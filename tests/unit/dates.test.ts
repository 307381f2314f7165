import { describe, expect, test } from 'vitest';
import {
  clockOf,
  dayOf,
  formatDay,
  formatShortDay,
  formatTime,
  instantAt,
  isoIn,
  isRealDate,
  isValidTimeZone,
  parseWrittenDate,
  startOfDayIn,
  zoneAbbreviation,
} from '../../src/core/dates.ts';

describe('isValidTimeZone', () => {
  test.each([
    ['Asia/Almaty', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Europe/London', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    [' Asia/Almaty', false],
    ['Asia/Almaty ', false],
  ])('%j → %s', (tz, ok) => expect(isValidTimeZone(tz)).toBe(ok));
});

describe('isRealDate', () => {
  test.each([
    [2022, 1, 7, true],
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2022, 2, 30, false],
    [2022, 13, 1, false],
    [2022, 0, 1, false],
    [2022, 4, 31, false],
    [2022, 12, 31, true],
  ])('%i-%i-%i → %s', (y, m, d, ok) => expect(isRealDate(y, m, d)).toBe(ok));
});

describe('parseWrittenDate', () => {
  test('a date stays a calendar day', () => {
    expect(parseWrittenDate('2022-01-07')).toEqual({ kind: 'date', day: '2022-01-07' });
  });
  test('a datetime keeps its instant', () => {
    const p = parseWrittenDate('2022-01-07T14:30:00+06:00');
    expect(p).toMatchObject({ kind: 'datetime', instant: Date.UTC(2022, 0, 7, 8, 30) });
  });
  test.each(['2022-01-07T14:30Z', '2022-01-07T14:30:00.250-05:00', '2022-01-07T23:59:59+14:00'])(
    'accepts %s',
    (s) => {
      expect(parseWrittenDate(s)).toHaveProperty('kind', 'datetime');
    },
  );
  test.each([
    ['2022-02-30', 'not a real calendar date'],
    ['2022-13-01T10:00:00Z', 'not a real calendar date'],
    ['2022-01-07T24:00:00Z', 'impossible time of day'],
    ['2022-01-07T12:60:00Z', 'impossible time of day'],
    ['2022-01-07T12:00:00+15:00', 'impossible UTC offset'],
    ['2022-01-07T14:30:00', 'has no UTC offset'],
    ['2022-01-07 14:30', 'has no UTC offset'],
    ['7 January 2022', 'is not a date'],
    ['2022-1-7', 'is not a date'],
    ['', 'is not a date'],
  ])('rejects %j (%s)', (s, message) => {
    const p = parseWrittenDate(s);
    expect(p).toHaveProperty('error');
    expect((p as { error: string }).error).toContain(message);
  });
});

describe('days are computed in the story zone, not the machine zone', () => {
  const instant = Date.parse('2022-01-07T20:30:00Z');
  test.each([
    ['Asia/Almaty', '2022-01-08', '02:30'],
    ['America/New_York', '2022-01-07', '15:30'],
    ['Pacific/Auckland', '2022-01-08', '09:30'],
    ['UTC', '2022-01-07', '20:30'],
    ['Pacific/Honolulu', '2022-01-07', '10:30'],
  ])('%s', (tz, day, clock) => {
    expect(dayOf(instant, tz)).toBe(day);
    expect(clockOf(instant, tz)).toBe(clock);
  });

  test('a minute before local midnight stays on its day', () => {
    const i = Date.parse('2026-11-21T04:59:00Z');
    expect(dayOf(i, 'America/New_York')).toBe('2026-11-20');
    expect(dayOf(i + 60_000, 'America/New_York')).toBe('2026-11-21');
  });

  test('Kazakhstan moved from UTC+6 to UTC+5 in 2024; the old date keeps +6', () => {
    expect(isoIn(Date.parse('2022-01-07T08:00:00Z'), 'Asia/Almaty')).toBe(
      '2022-01-07T14:00:00+06:00',
    );
    expect(isoIn(Date.parse('2025-01-07T08:00:00Z'), 'Asia/Almaty')).toBe(
      '2025-01-07T13:00:00+05:00',
    );
  });
});

describe('instantAt and DST', () => {
  test('wall-clock time to instant', () => {
    expect(instantAt('2022-01-07', '14:30', 'Asia/Almaty')).toBe(
      Date.parse('2022-01-07T14:30:00+06:00'),
    );
  });
  test('summer and winter offsets in New York', () => {
    expect(instantAt('2024-07-01', '12:00', 'America/New_York')).toBe(
      Date.parse('2024-07-01T12:00:00-04:00'),
    );
    expect(instantAt('2024-12-01', '12:00', 'America/New_York')).toBe(
      Date.parse('2024-12-01T12:00:00-05:00'),
    );
  });
  test('a time inside the spring-forward gap does not read back as itself', () => {
    const i = instantAt('2024-03-10', '02:30', 'America/New_York');
    expect(clockOf(i, 'America/New_York')).not.toBe('02:30');
  });
  test('start of day on a DST day', () => {
    expect(startOfDayIn('2024-03-10', 'America/New_York')).toBe(
      Date.parse('2024-03-10T00:00:00-05:00'),
    );
    expect(startOfDayIn('2024-11-03', 'America/New_York')).toBe(
      Date.parse('2024-11-03T00:00:00-04:00'),
    );
  });
});

describe('display', () => {
  test('time with a zone abbreviation', () => {
    expect(formatTime(Date.parse('2022-01-07T14:30:00+06:00'), 'Asia/Almaty')).toBe('14:30 GMT+6');
    expect(formatTime(Date.parse('2024-12-01T12:00:00-05:00'), 'America/New_York')).toBe(
      '12:00 EST',
    );
    expect(formatTime(Date.parse('2024-07-01T12:00:00-04:00'), 'America/New_York')).toBe(
      '12:00 EDT',
    );
  });
  test('British and central European abbreviations come from en-GB', () => {
    expect(zoneAbbreviation(Date.parse('2024-07-01T12:00:00Z'), 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation(Date.parse('2024-01-01T12:00:00Z'), 'Europe/Paris')).toBe('CET');
    expect(zoneAbbreviation(Date.parse('2024-01-01T12:00:00Z'), 'UTC')).toBe('UTC');
  });
  test('formatDay names the weekday and does not shift the day', () => {
    expect(formatDay('2022-01-07', 'en-GB')).toBe('Friday, 7 January 2022');
    expect(formatDay('2022-01-01', 'en-GB')).toBe('Saturday, 1 January 2022');
  });
  test('formatShortDay shows the year only when it differs', () => {
    expect(formatShortDay('2022-01-07', 'en-GB', '2022')).toBe('7 Jan');
    expect(formatShortDay('2021-12-31', 'en-GB', '2022')).toBe('31 Dec 2021');
  });
});
