import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// Only the parts the console draws: keeps the lazy chunk small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

/** Dark on screen in the dark theme; always light on paper (dark text on white). */
export function useChartTheme(): 'dark' | 'light' {
  const read = (): 'dark' | 'light' =>
    document.documentElement.dataset.theme === 'light' || window.matchMedia('print').matches
      ? 'light'
      : 'dark';
  const [mode, setMode] = useState(read);
  useEffect(() => {
    const update = () => setMode(read());
    const print = window.matchMedia('print');
    print.addEventListener('change', update);
    window.addEventListener('beforeprint', update);
    window.addEventListener('afterprint', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    return () => {
      print.removeEventListener('change', update);
      window.removeEventListener('beforeprint', update);
      window.removeEventListener('afterprint', update);
      observer.disconnect();
    };
  }, []);
  return mode;
}

/**
 * One chart (SVG: sharp on screen and paper). `label` names it for screen readers;
 * ECharts' aria component adds a spoken description of the data.
 */
export function EChart({
  option,
  label,
  testId,
  data,
}: {
  option: EChartsCoreOption;
  label: string;
  testId: string;
  /** The figures drawn, as data attributes for tests and tools. */
  data: Record<string, string | number>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const mode = useChartTheme();
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, mode === 'dark' ? 'dark' : undefined, { renderer: 'svg' });
    chart.setOption({ backgroundColor: 'transparent', aria: { enabled: true }, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, mode]);
  const attrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <div
      ref={ref}
      className="hc-chart"
      role="img"
      aria-label={label}
      data-testid={testId}
      {...attrs}
    />
  );
}
