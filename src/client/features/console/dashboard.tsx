import { Card, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleDashboard } from '../../db/console-queries.js';
import type { ConsoleDashboard } from '../../db/console-queries.js';
import { useLiveQuery } from '../../db/live-query.js';
import { useServices } from '../../sync/services.js';
import { EChart } from './echart.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
// Colours that keep ≥ 3:1 against both the dark and the white background.
const DOOR_COLOURS: Record<string, string> = {
  done: '#2e7d32',
  needs_home_sampling: '#e65100',
  refused: '#c62828',
  notified: '#1565c0',
  moved_away: '#8d6e63',
  not_living_here: '#6d4c41',
  nobody_home: '#607d8b',
  unvisited: '#9e9e9e',
};

/** The hours with any registration, from the first to the last (the whole day when none). */
function dayWindow(d: ConsoleDashboard): number[] {
  const busy = HOURS.filter((h) => [...d.hourly.values()].some((s) => (s.hours[h] ?? 0) > 0));
  if (busy.length === 0) return HOURS.slice(6, 19);
  return HOURS.slice(Math.min(busy[0]!, 6), Math.max(busy[busy.length - 1]!, 18) + 1);
}

function useOptions(d: ConsoleDashboard | null | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!d) return null;
    const hours = dayWindow(d);
    const hourLabels = hours.map((hour) => t('console.charts.hour', { hour }));
    const grid = { left: 48, right: 16, top: 40, bottom: 32, containLabel: true };
    const hourly = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: hourLabels },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.sites.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'sites',
        data: hours.map((h) => d.hourly.get(s.id)?.hours[h] ?? 0),
      })),
    };
    const coverage = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: hourLabels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('console.charts.coverageSeen'),
          type: 'line',
          areaStyle: { opacity: 0.25 },
          data: hours.map((h) => d.cumulative[h] ?? 0),
        },
        {
          name: t('console.charts.coverageRoster'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          symbol: 'none',
          data: hours.map(() => d.totals.roster),
        },
      ],
    };
    const doorEntries = Object.entries(d.doors).filter(([, n]) => n > 0);
    const doors = {
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {c}' },
          data: doorEntries.map(([status, value]) => ({
            name: status === 'unvisited' ? t('board.states.pending') : t(`coverage.door.${status}`),
            value,
            itemStyle: { color: DOOR_COLOURS[status] },
          })),
        },
      ],
    };
    const urgencies = ['now', 'soon', 'today'] as const;
    const tasks = {
      tooltip: { trigger: 'axis' },
      grid,
      xAxis: { type: 'category', data: urgencies.map((u) => t(`tasks.urgency.${u}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: urgencies.map((u, i) => ({
            value: d.openTasksByUrgency[u],
            itemStyle: { color: ['#c62828', '#e65100', '#1565c0'][i] },
          })),
          label: { show: true, position: 'top' },
        },
      ],
    };
    const duty = {
      tooltip: { trigger: 'axis' },
      grid,
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.onDutyByPost.map((p) => p.post) },
      series: [
        {
          type: 'bar',
          data: d.onDutyByPost.map((p) => p.count),
          label: { show: true, position: 'right' },
        },
      ],
    };
    return { hourly, coverage, doors, tasks, duty };
  }, [d, t]);
}

/** The dashboard: cards with the day's figures, then the charts (issue 15). */
export function Dashboard() {
  const { t } = useTranslation();
  const { db } = useServices();
  const d = useLiveQuery(() => consoleDashboard(db), [db]);
  const options = useOptions(d);
  if (d === undefined) return <p>{t('sites.loading')}</p>;
  if (d === null || !options) return <p>{t('console.noCampaign')}</p>;
  const hourlyTotal = [...d.hourly.values()].reduce(
    (n, s) => n + s.hours.reduce((a, b) => a + b, 0) + s.unknownHour,
    0,
  );
  const perSite = Object.fromEntries(
    d.sites.map((s) => [`site-${s.id}`, d.hourly.get(s.id)?.hours.reduce((a, b) => a + b, 0) ?? 0]),
  );
  const openTasks =
    d.openTasksByUrgency.now + d.openTasksByUrgency.soon + d.openTasksByUrgency.today;
  const cards: [string, string, number | string][] = [
    ['roster', t('console.cards.roster'), d.totals.roster],
    ['registered', t('console.cards.registered'), d.totals.registered],
    ['not-seen', t('console.cards.notSeen'), d.totals.notSeen],
    ['sampled', t('console.cards.sampled'), d.totals.sampled],
    ['on-duty', t('console.cards.onDuty'), d.onDuty],
    ['open-tasks', t('console.cards.openTasks'), openTasks],
    ['tubes', t('console.cards.tubes'), `${d.tubesClosed} / ${d.tubesOpen}`],
  ];
  return (
    <div className="hc-dashboard">
      <div className="hc-cards">
        {cards.map(([key, title, value]) => (
          <Card key={key} size="small" data-testid={`console-card-${key}`} data-value={value}>
            <Statistic title={title} value={value} />
          </Card>
        ))}
      </div>
      <div className="hc-charts">
        <Card title={t('console.charts.hourly')} className="hc-wide">
          <EChart
            option={options.hourly}
            label={t('console.charts.hourly')}
            testId="chart-hourly"
            data={{ total: hourlyTotal, ...perSite }}
          />
        </Card>
        <Card title={t('console.charts.coverage')}>
          <EChart
            option={options.coverage}
            label={t('console.charts.coverage')}
            testId="chart-coverage"
            data={{ registered: d.cumulative[23] ?? 0, roster: d.totals.roster }}
          />
        </Card>
        <Card title={t('console.charts.doors')}>
          <EChart
            option={options.doors}
            label={t('console.charts.doors')}
            testId="chart-doors"
            data={d.doors}
          />
        </Card>
        <Card title={t('console.charts.tasks')}>
          <EChart
            option={options.tasks}
            label={t('console.charts.tasks')}
            testId="chart-tasks"
            data={d.openTasksByUrgency}
          />
        </Card>
        <Card title={t('console.charts.duty')}>
          <EChart
            option={options.duty}
            label={t('console.charts.duty')}
            testId="chart-duty"
            data={{ total: d.onDutyByPost.reduce((n, p) => n + p.count, 0) }}
          />
        </Card>
      </div>
    </div>
  );
}
