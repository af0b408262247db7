/** Medians and the few number formats the table uses. */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "12.3 ms (10.1–15.0)": the median, and the spread of the samples so one can judge the noise. */
export function ms(values) {
  const list = Array.isArray(values) ? values : [values];
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const m = `${fmt(median(list))} ms`;
  if (list.length < 2) return m;
  return `${m} (${fmt(Math.min(...list))}–${fmt(Math.max(...list))})`;
}

export const perSecond = (count, msPerBatch) => Math.round((count * 1000) / msPerBatch);
export const thousands = (n) => n.toLocaleString('en-US');
export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
export const MiB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
