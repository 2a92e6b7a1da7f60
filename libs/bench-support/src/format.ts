// Formatting for printed tables only; the JSON results keep full-precision numbers.

/** Milliseconds with precision that suits their size: 0.042, 1.63, 12.4, 1,234. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude < 1) return value.toFixed(3);
  if (magnitude < 10) return value.toFixed(2);
  if (magnitude < 1000) return value.toFixed(1);
  return integer(value);
}

/** A signed difference in milliseconds: "+1.63", "-0.042". */
export function deltaMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value >= 0 ? '+' : ''}${ms(value)}`;
}

/** A count with thousands separators. */
export function integer(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Math.round(value).toLocaleString('en-US');
}

/** Three significant digits, for rates and CPU figures. */
export function significant(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1000) return integer(value);
  return Number(value.toPrecision(3)).toString();
}

/** A ratio such as a write amplification or Quire's figure over a peer's: "2.24×". */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value.toFixed(2)}×`;
}

/** A share as a percentage: 1 → "100%", 0.9994 → "99.94%". */
export function percent(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const scaled = value * 100;
  return `${scaled === 100 || scaled === 0 ? scaled.toFixed(0) : scaled.toFixed(2)}%`;
}

/** Bytes in B, KiB or MiB, signed (a drift can be negative): "20 B", "38.6 KiB", "2.45 MiB", "87.5 MiB". */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude < 1024) return `${Math.round(value)} B`;
  if (magnitude < 1024 * 1024) return `${(value / 1024).toFixed(1)} KiB`;
  const mib = value / 1024 / 1024;
  return `${mib.toFixed(Math.abs(mib) < 10 ? 2 : 1)} MiB`;
}

/** A duration in seconds, from milliseconds: 83,400 → "1 min 23 s". */
export function duration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
