/** Photos: a picker for up to three images, the upload call, and the case's photo strip. */
import { Image, Space, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../domain/case/case-model.ts';
import { apiGet, apiPostForm, withQuery } from '../../api/client.ts';

export type PhotoStage = 'report' | 'resolve' | 'self_handle' | 'check';
export const MAX_PHOTOS = 3;

/** The photo stage an action takes, if any. */
export function photoStageOf(action: CaseAction): PhotoStage | null {
  if (action === 'resolve') return 'resolve';
  if (action === 'self_handle') return 'self_handle';
  if (action === 'check_pass' || action === 'check_fail') return 'check';
  return null;
}

/** Uploads photos to a case at a stage (multipart: stage, trackingCode, files). */
export async function uploadPhotos(caseRef: number | string, stage: PhotoStage, files: File[], trackingCode?: string): Promise<void> {
  if (files.length === 0) return;
  const form = new FormData();
  form.append('stage', stage);
  if (trackingCode) form.append('trackingCode', trackingCode);
  for (const file of files) form.append('file', file, file.name);
  await apiPostForm(`/api/v1/cases/${encodeURIComponent(String(caseRef))}/attachments`, form);
}

/** Picks up to three images (camera on phones); keeps them in memory until the form is sent. */
export function PhotoPicker({ files, onChange }: { files: File[]; onChange(files: File[]): void }) {
  const { t } = useTranslation();
  const [list, setList] = useState<UploadFile[]>([]);
  useEffect(() => {
    if (files.length === 0) setList([]);
  }, [files.length]);
  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp,image/heic"
      multiple
      maxCount={MAX_PHOTOS}
      fileList={list}
      beforeUpload={() => false}
      onChange={({ fileList }) => {
        const next = fileList.slice(0, MAX_PHOTOS);
        setList(next);
        onChange(next.map((item) => item.originFileObj).filter((file): file is NonNullable<typeof file> => Boolean(file)) as File[]);
      }}
    >
      {list.length < MAX_PHOTOS && (
        <button type="button" aria-label={t('photo.add')} style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <CameraOutlined style={{ fontSize: 22 }} />
          <div style={{ marginTop: 4 }}>{t('photo.add')}</div>
        </button>
      )}
    </Upload>
  );
}

interface AttachmentView {
  id: number;
  stage: PhotoStage;
  urls: { public: string; thumb: string };
}

/** The photos of a case, grouped by stage. */
export function CasePhotos({ caseId, trackingCode, version }: { caseId: number | string; trackingCode?: string | undefined; version: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AttachmentView[]>([]);
  useEffect(() => {
    let alive = true;
    apiGet<{ items: AttachmentView[] }>(`/api/v1/cases/${encodeURIComponent(String(caseId))}/attachments`, { trackingCode }).then(
      (body) => alive && setItems(body.items),
      () => alive && setItems([]),
    );
    return () => {
      alive = false;
    };
  }, [caseId, trackingCode, version]);
  if (items.length === 0) return null;
  const query = trackingCode ? { trackingCode } : {};
  return (
    <div>
      <Typography.Title level={5}>{t('photo.title')}</Typography.Title>
      <Image.PreviewGroup>
        <Space wrap>
          {items.map((item) => (
            <figure key={item.id} style={{ margin: 0, textAlign: 'center' }}>
              <Image width={96} height={96} style={{ objectFit: 'cover' }} src={withQuery(item.urls.thumb, query)} preview={{ src: withQuery(item.urls.public, query) }} alt={t(`photo.stage.${item.stage}`)} />
              <figcaption><Typography.Text type="secondary">{t(`photo.stage.${item.stage}`)}</Typography.Text></figcaption>
            </figure>
          ))}
        </Space>
      </Image.PreviewGroup>
    </div>
  );
}
