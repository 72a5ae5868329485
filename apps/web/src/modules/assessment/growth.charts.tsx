import type { PkgCategory } from '@tumbuh/shared';
import './growth.css';

/** Category colours, best first (each also named in text beside it: colour is never the only cue). */
export const CATEGORY_COLOURS: Record<PkgCategory, string> = {
  'Amat baik': '#1b7a4a',
  Baik: '#5fae6e',
  Cukup: '#e3c04a',
  Sedang: '#e8904a',
  Kurang: '#c8473d',
};

/** Background of a competency-value cell (1–4) and a text colour that reads on it. */
export function valueColours(value: number): { background: string; color: string } {
  switch (value) {
    case 4:
      return { background: '#1b7a4a', color: '#fff' };
    case 3:
      return { background: '#8cc79a', color: '#10311d' };
    case 2:
      return { background: '#f2d675', color: '#3b2f00' };
    default:
      return { background: '#e89a8f', color: '#3d0d08' };
  }
}

export interface Series {
  name: string;
  colour: string;
  /** One value per x label; null where there is none. */
  values: (number | null)[];
  /** Text of each point's label (defaults to the value). */
  labels?: (string | null)[];
  dash?: string;
}

/**
 * A line chart in inline SVG over 0–`max` (no chart library): x = periods, one polyline per
 * series, a labelled point per value, and a hidden table-like description for screen readers.
 */
export function LineChart({ title, description, xLabels, series, max = 100 }: { title: string; description: string; xLabels: string[]; series: Series[]; max?: number }) {
  const width = 640;
  const height = 240;
  const pad = { left: 36, right: 16, top: 16, bottom: 44 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (xLabels.length <= 1 ? innerW / 2 : (innerW * i) / (xLabels.length - 1));
  const y = (v: number) => pad.top + innerH - (innerH * Math.max(0, Math.min(max, v))) / max;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  return (
    <figure className="growth-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${description}`} preserveAspectRatio="xMidYMid meet">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#e3e7e4" />
            <text x={pad.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#5b6660">
              {tick}
            </text>
          </g>
        ))}
        {xLabels.map((label, i) => (
          <text key={label} x={x(i)} y={height - pad.bottom + 18} textAnchor="middle" fontSize="11" fill="#2b332e">
            {label}
          </text>
        ))}
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
          return (
            <g key={s.name}>
              <polyline points={points.join(' ')} fill="none" stroke={s.colour} strokeWidth="2.5" strokeDasharray={s.dash} />
              {s.values.map((v, i) =>
                v === null ? null : (
                  <g key={`${s.name}-${xLabels[i]}`}>
                    <circle cx={x(i)} cy={y(v)} r="4" fill={s.colour} />
                    <text x={x(i)} y={y(v) - 8} textAnchor="middle" fontSize="11" fill="#1d2420">
                      {s.labels?.[i] ?? String(v)}
                    </text>
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul className="growth-legend">
          {series.map((s) => (
            <li key={s.name}>
              <span className="growth-swatch" style={{ background: s.colour }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** One stacked horizontal bar of category counts, with the counts written in each segment and beside it. */
export function StackedBar({ label, counts, total }: { label: string; counts: { category: PkgCategory; count: number }[]; total: number }) {
  const width = 300;
  let at = 0;
  return (
    <div className="stack-row">
      <span className="stack-label">{label}</span>
      <svg viewBox={`0 0 ${width} 20`} className="stack-svg" role="img" aria-label={`${label}: ${counts.map((c) => `${c.category} ${c.count}`).join(', ')}`} preserveAspectRatio="none">
        <rect x="0" y="0" width={width} height="20" fill="#eef1ef" />
        {counts.map((c) => {
          if (c.count === 0 || total === 0) return null;
          const w = (width * c.count) / total;
          const rect = (
            <g key={c.category}>
              <rect x={at} y="0" width={w} height="20" fill={CATEGORY_COLOURS[c.category]} />
              {w > 18 && (
                <text x={at + w / 2} y="14" textAnchor="middle" fontSize="11" fill={c.category === 'Cukup' ? '#2b2300' : '#fff'}>
                  {c.count}
                </text>
              )}
            </g>
          );
          at += w;
          return rect;
        })}
      </svg>
      <span className="stack-total">{total}</span>
    </div>
  );
}

export function CategoryLegend({ title }: { title: string }) {
  return (
    <ul className="growth-legend" aria-label={title}>
      {(Object.keys(CATEGORY_COLOURS) as PkgCategory[]).map((c) => (
        <li key={c}>
          <span className="growth-swatch" style={{ background: CATEGORY_COLOURS[c] }} aria-hidden="true" />
          {c}
        </li>
      ))}
    </ul>
  );
}
