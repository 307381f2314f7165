/** Field types shared by the story and bulletin schemas. */
import { z } from 'astro/zod';
import { isRealDate, isValidTimeZone, parseWrittenDate } from '../core/dates.ts';
import { canonicalLang } from '../core/lang.ts';

/** A non-empty line of text (surrounding spaces trimmed). */
export const text = () => z.string().trim().min(1, 'must not be empty');

/**
 * Free-form labels; lower-case is not enforced, empty strings are. Each tag gets a page, so a file
 * may name at most 30, of at most 100 characters each (a file of thousands would add thousands of
 * pages to every build).
 */
export const tags = () =>
  z
    .array(text().max(100, 'is longer than 100 characters; a tag is a topic of a few words'))
    .max(30, 'holds more than 30 tags; keep the few topics readers would follow')
    .default([]);

/** Authors named by their file in content/authors/ (`[aigerim-sadykova]`), at most ten. */
export const authorSlugs = () =>
  z.array(text()).max(10, 'names more than 10 authors; name those who reported it');

/** A BCP 47 language tag such as `ru`, `en-GB` or `he`, kept in its canonical form. */
export const language = () =>
  z
    .string()
    .refine((tag) => canonicalLang(tag) !== undefined, {
      message: 'is not a language tag (BCP 47: for example ru, en-GB, he, ar)',
    })
    .transform((tag) => canonicalLang(tag)!);

/** An IANA time-zone name such as `Asia/Almaty`. */
export const timeZone = () =>
  z.string().refine(isValidTimeZone, {
    message:
      'is not an IANA time zone name (for example Asia/Almaty, Europe/London, America/New_York)',
  });

/** `2022-01-07` or `2022-01-07T14:30:00+06:00`: written as text so the offset is kept. */
export const writtenDate = () =>
  z.string().superRefine((value, ctx) => {
    const parsed = parseWrittenDate(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });

/**
 * A day and time on the story's own clock, without an offset: `2026-11-24 09:00` (or with a `T`).
 * Checked to be a real day and time here; that it exists in the story's zone, where the file is
 * checked against its story.
 */
export const localDateTime = () =>
  z.string().superRefine((value, ctx) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
    if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3])))
      ctx.addIssue({
        code: 'custom',
        message: 'must be a day and time on the story\'s clock, in quotes, like "2026-11-24 09:00"',
      });
  });

/** A datetime with an explicit offset (a bare date is not precise enough for it). */
export const writtenDateTime = () =>
  z.string().superRefine((value, ctx) => {
    const parsed = parseWrittenDate(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
    else if (parsed.kind !== 'datetime')
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" needs a time and offset, like ${value}T18:00:00+06:00`,
      });
  });

/** An absolute http(s) link; other schemes (`javascript:`, `data:`) are refused. */
export const webUrl = () =>
  z.url({
    protocol: /^https?$/,
    error: (issue) =>
      issue.input === undefined ? 'is required' : 'must be an absolute http:// or https:// URL',
  });
