/** The project's nodes Gantt-style: a bar from each node's planned to its actual date (or today), coloured by flag. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/index.ts';
import type { ProjectNode } from './project-types.ts';

const DAY = 86_400_000;
const toDay = (ymd: string) => Math.floor(Date.parse(`${ymd}T00:00:00Z`) / DAY);
const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const COLORS = { red: '#cf1322', black: '#262626', none: '#91caff' };

export function NodeGantt({ nodes }: { nodes: ProjectNode[] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(() => {
    const today = Math.floor(Date.now() / DAY);
    const rows = [...nodes].reverse();
    const spans = rows.map((node) => {
      const planned = node.plannedDate ? toDay(node.plannedDate) : null;
      const actual = node.actualDate ? toDay(node.actualDate) : null;
      const start = Math.min(planned ?? actual ?? today, actual ?? today);
      const end = Math.max(planned ?? start, actual ?? (node.flag === 'black' ? today : planned ?? start));
      return { node, start, length: Math.max(end - start, 3) };
    });
    const min = Math.min(...spans.map((span) => span.start));
    return {
      tooltip: { trigger: 'item', formatter: (params: { dataIndex: number }) => {
        const node = rows[params.dataIndex]!;
        return `${i18n.language.startsWith('en') ? node.nameEn : node.name}<br/>${t('projects.planned')}: ${node.plannedDate ?? '—'}<br/>${t('projects.actual')}: ${node.actualDate ?? '—'}`;
      } },
      grid: { left: 150, right: 24, top: 8, bottom: 30 },
      xAxis: { type: 'value', min, axisLabel: { formatter: (value: number) => fromDay(value).slice(0, 7) } },
      yAxis: { type: 'category', data: rows.map((node) => (i18n.language.startsWith('en') ? node.nameEn : node.name)) },
      series: [
        { type: 'bar', stack: 'gantt', silent: true, itemStyle: { color: 'transparent' }, data: spans.map((span) => span.start) },
        { type: 'bar', stack: 'gantt', data: spans.map((span) => ({ value: span.length, itemStyle: { color: COLORS[span.node.flag] } })) },
      ],
    };
  }, [nodes, t, i18n.language]);
  return <EChart option={option} height={Math.max(240, nodes.length * 22)} ariaLabel={t('projects.gantt')} />;
}
