/** A drawer that loads one case by id and shows CaseDetail; reports changes to the list. */
import { Drawer, Skeleton, Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client.ts';
import type { CaseDetailView } from '../../api/types.ts';
import { useErrorText } from '../../ui/errors.ts';
import { CaseDetail } from './case-detail.tsx';

export interface CaseDrawerProps {
  caseId: number | null;
  districtCode?: string | undefined;
  width?: number | string;
  onClose(): void;
  onChanged(updated: CaseDetailView): void;
}

export function CaseDrawer({ caseId, districtCode, width = 720, onClose, onChanged }: CaseDrawerProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [item, setItem] = useState<CaseDetailView | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setItem(null);
    setError(null);
    if (caseId === null) return;
    let alive = true;
    apiGet<CaseDetailView>(`/api/v1/cases/${caseId}`).then(
      (detail) => alive && setItem(detail),
      (failure: unknown) => alive && setError(failure),
    );
    return () => {
      alive = false;
    };
  }, [caseId]);

  return (
    <Drawer open={caseId !== null} onClose={onClose} size={width} title={item ? item.number : t('app.loading')} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      {!item && !error && <Skeleton active />}
      {item && (
        <CaseDetail
          item={item}
          districtCode={districtCode}
          compact={typeof width === 'string'}
          onChanged={(updated) => {
            setItem(updated);
            onChanged(updated);
          }}
        />
      )}
    </Drawer>
  );
}
