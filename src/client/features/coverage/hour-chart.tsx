import type { HourlyCounts } from '../../../shared/domain/daily-totals.js';

export interface HourChartProps {
  hourly: HourlyCounts;
  /** The hours shown, inclusive (the working day, widened to any hour with data). */
  from: number;
  to: number;
  label: string;
  testId?: string;
}

const W = 340;
const H = 150;
const PAD_LEFT = 30;
const PAD_BOTTOM = 24;
const PAD_TOP = 18;

/**
 * Registrations per hour as bars, in plain SVG (no chart library: a few
 * hundred bytes, drawn offline, readable in sunlight with `currentColor`).
 * Each bar carries its count on top, so nobody has to read the axis in gloves.
 */
export function HourChart({ hourly, from, to, label, testId }: HourChartProps) {
  const hours = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const max = Math.max(1, ...hours.map((h) => hourly.hours[h] ?? 0));
  const slot = (W - PAD_LEFT) / hours.length;
  const scale = (H - PAD_BOTTOM - PAD_TOP) / max;
  return (
    <svg className="cov-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid={testId}>
      <line x1={PAD_LEFT} y1={H - PAD_BOTTOM} x2={W} y2={H - PAD_BOTTOM} stroke="currentColor" strokeWidth="1" />
      <text x={2} y={PAD_TOP + 4} fontSize="11" fill="currentColor">
        {max}
      </text>
      {hours.map((h, i) => {
        const count = hourly.hours[h] ?? 0;
        const height = count * scale;
        const x = PAD_LEFT + i * slot;
        return (
          <g key={h} data-hour={h} data-count={count}>
            <rect
              x={x + slot * 0.15}
              y={H - PAD_BOTTOM - height}
              width={slot * 0.7}
              height={height}
              fill="var(--adm-color-primary)"
            />
            {count > 0 ? (
              <text x={x + slot / 2} y={H - PAD_BOTTOM - height - 3} fontSize="10" textAnchor="middle" fill="currentColor">
                {count}
              </text>
            ) : null}
            <text x={x + slot / 2} y={H - 8} fontSize="10" textAnchor="middle" fill="currentColor">
              {h}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
