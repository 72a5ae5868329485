/**
 * Four faces for the 4-point scale (1 Tidak pernah … 4 Selalu), as inline SVG: they work offline,
 * weigh nothing, and tell young or weak readers the meaning without the words.
 */
const COLORS = ['#c0392b', '#e67e22', '#7cb342', '#2e7d32'] as const;
/** Mouth paths from a deep frown to a broad smile. */
const MOUTHS = ['M14 33 Q24 24 34 33', 'M15 32 Q24 28 33 32', 'M15 29 Q24 34 33 29', 'M13 27 Q24 39 35 27'] as const;

export function Face({ value, size = 48, title }: { value: 1 | 2 | 3 | 4; size?: number; title?: string }) {
  const color = COLORS[value - 1];
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true} aria-label={title} focusable="false">
      <circle cx="24" cy="24" r="22" fill={color} />
      <circle cx="17" cy="19" r="3" fill="#fff" />
      <circle cx="31" cy="19" r="3" fill="#fff" />
      <path d={MOUTHS[value - 1]} stroke="#fff" strokeWidth="3.5" fill="none" strokeLinecap="round" />
    </svg>
  );
}

export const SCALE_COLORS = COLORS;
