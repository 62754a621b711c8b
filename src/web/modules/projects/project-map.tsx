/** 挂图作战: the district's grids as the base, projects as points coloured by stage, ringed black when overdue. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../charts/index.ts';
import { STAGE_COLORS, type Project } from './project-types.ts';

export function ProjectMap({ projects, gridMap, mapName, onPick }: { projects: Project[]; gridMap: unknown; mapName: string; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const map = useMemo(() => ({ name: mapName, geoJson: gridMap }), [gridMap, mapName]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: (params: { data?: { project?: Project } }) => {
      const project = params.data?.project;
      return project ? `${project.name}<br/>${t(`projects.stage.${project.stageCode}`)} · ${t(`projects.flag.${project.flag}`)}` : '';
    } },
    geo: { map: mapName, roam: true, itemStyle: { areaColor: '#f5f5f5', borderColor: '#d9d9d9', borderWidth: 0.4 }, emphasis: { disabled: true } },
    series: [{
      type: 'scatter', coordinateSystem: 'geo', symbolSize: 14,
      data: projects.filter((project) => project.location).map((project) => ({
        name: project.name, value: [project.location!.lng, project.location!.lat], project,
        itemStyle: { color: STAGE_COLORS[project.stageCode] ?? '#999', borderColor: project.flag === 'black' ? '#000' : '#fff', borderWidth: project.flag === 'black' ? 3 : 1 },
      })),
    }],
  }), [projects, mapName, t]);
  return (
    <EChart option={option} map={map} height={480} ariaLabel={t('projects.mapTitle')}
      onClick={(params) => { const project = (params.data as { project?: Project } | undefined)?.project; if (project) onPick(project.id); }} />
  );
}
