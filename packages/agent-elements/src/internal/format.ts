/** Times and durations in the agent's language. */

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Hours and minutes (`14:05`, `下午2:05`). */
export function formatClock(at: number, language: string): string {
  let format = clocks.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' });
    clocks.set(language, format);
  }
  return format.format(at);
}

const dates = new Map<string, Intl.DateTimeFormat>();

/** Date and time (`12 Nov 2026, 14:05`). */
export function formatDateTime(at: number, language: string): string {
  let format = dates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    dates.set(language, format);
  }
  return format.format(at);
}

/** A duration as `m:ss`, or `h:mm:ss` from an hour on; negative counts as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
