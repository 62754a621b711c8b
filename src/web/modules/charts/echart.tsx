/**
 * An ECharts canvas (tree-shaken: bar, line, map, pie, scatter), imported only by lazily loaded pages so the
 * charting code stays out of the first bundle. Maps are drawn from GeoJSON we pass in: no tiles.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, MapChart, PieChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface EChartProps {
  option: Record<string, unknown>;
  height?: number;
  /** Registers GeoJSON under this name before drawing (for map series). */
  map?: { name: string; geoJson: unknown };
  ariaLabel: string;
  onClick?: (params: { name: string; data?: unknown }) => void;
}

export function EChart({ option, height = 360, map, ariaLabel, onClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    if (map) echarts.registerMap(map.name, map.geoJson as never);
    instance.setOption(option as never, true);
    instance.off('click');
    if (onClick) instance.on('click', (params) => onClick(params as never));
  }, [option, map, onClick]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
