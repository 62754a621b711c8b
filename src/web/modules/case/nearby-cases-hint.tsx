/**
 * "Someone already reported this — follow it instead": open cases of the chosen category near the pin
 * (GET /api/v1/cases/nearby), each with a button that follows it (POST /api/v1/cases/:number/follow)
 * instead of filing a duplicate.
 */
import { Alert, Button, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { useErrorText } from '../../ui/errors.ts';

export interface FollowAnswer { number: string; trackingCode: string | null }

interface NearbyCase {
  number: string; state: string; categoryName: string; categoryNameEn: string; distanceMeters: number; createdAt: string;
}

export interface NearbyCasesHintProps {
  location: { lat: number; lng: number };
  categoryCode: string;
  onFollowed(answer: FollowAnswer): void;
}

export function NearbyCasesHint({ location, categoryCode, onFollowed }: NearbyCasesHintProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const errorText = useErrorText();
  const [items, setItems] = useState<NearbyCase[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    apiGet<{ items: NearbyCase[] }>('/api/v1/cases/nearby', { lat: location.lat, lng: location.lng, category: categoryCode }).then(
      (answer) => alive && setItems(answer.items),
      // The hint is a help, not a gate: without it the report still goes in.
      () => alive && setItems([]),
    );
    return () => {
      alive = false;
    };
  }, [location.lat, location.lng, categoryCode]);

  if (items.length === 0) return null;
  const follow = async (number: string) => {
    setBusy(number);
    setError(null);
    try {
      onFollowed(await apiPost<FollowAnswer>(`/api/v1/cases/${encodeURIComponent(number)}/follow`, {}));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="nearby-hint"
      title={t('citizen.duplicateTitle')}
      description={(
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('citizen.duplicateBody')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Button key="follow" type="primary" loading={busy === item.number} onClick={() => void follow(item.number)} style={{ minHeight: 44 }}>
                    {t('citizen.followInstead')}
                  </Button>,
                ]}
              >
                {t('citizen.duplicateItem', {
                  category: english ? item.categoryNameEn : item.categoryName, distance: item.distanceMeters, state: t(`state.${item.state}`),
                })}
              </List.Item>
            )}
          />
          {error ? <Typography.Text type="danger">{errorText(error)}</Typography.Text> : null}
        </>
      )}
    />
  );
}
