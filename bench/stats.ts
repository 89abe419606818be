/** Small statistics helpers: nearest-rank percentiles, medians and number formatting for the report. */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. Sorts a copy. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The median (the mean of the middle two for an even count); NaN for no samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A latency sample set: ack and reply-visible milliseconds, one pair per event. */
export interface LatencySummary {
  count: number;
  ackP50: number;
  ackP99: number;
  replyP50: number;
  replyP99: number;
  replyMax: number;
}

/** Summarises ack and reply-visible latencies. */
export function summariseLatencies(ackMs: readonly number[], replyMs: readonly number[]): LatencySummary {
  return {
    count: replyMs.length,
    ackP50: percentile(ackMs, 50),
    ackP99: percentile(ackMs, 99),
    replyP50: percentile(replyMs, 50),
    replyP99: percentile(replyMs, 99),
    replyMax: replyMs.length ? Math.max(...replyMs) : Number.NaN,
  };
}

/** Formats a number with a fixed number of decimals, or "—" when it is not a number. */
export function fmt(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '—';
}

/** Pads cells into aligned columns: the first column left-aligned, the rest right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '))
    .join('\n');
}
