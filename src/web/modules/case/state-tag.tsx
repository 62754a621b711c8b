/** The case state as a coloured tag. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../domain/case/case-model.ts';

const COLOURS: Record<CaseState, string> = {
  reported: 'magenta', filed: 'purple', dispatched: 'blue', signed: 'geekblue', suspended: 'default',
  resolved: 'cyan', closed: 'green', declined: 'default', merged: 'default',
};

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[state]}>{t(`state.${state}`)}</Tag>;
}
