// Formatting for the printed tables only; the JSON keeps full-precision numbers.

/** Milliseconds with precision that suits their size: 0.042, 1.63, 12.4, 1,234. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude < 1) return value.toFixed(3);
  if (magnitude < 10) return value.toFixed(2);
  if (magnitude < 1000) return value.toFixed(1);
  return integer(value);
}

/** A count with thousands separators. */
export function integer(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Math.round(value).toLocaleString('en-US');
}

/** A ratio such as a write amplification or a group-commit factor. */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value.toFixed(2)}×`;
}

/** Bytes in B, KiB or MiB. */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${(value / 1024 / 1024).toFixed(2)} MiB`;
}

/** A signed difference in milliseconds, for "added by storing". */
export function deltaMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value >= 0 ? '+' : ''}${ms(value)}`;
}
