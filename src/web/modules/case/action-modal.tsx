/**
 * One action on one case: a modal asking for exactly the fields the action's shared schema takes,
 * validated with that schema before sending; on a server error the form keeps what was typed.
 */
import { Alert, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_ACTION_BODIES } from '../../api/schemas.ts';
import { RATING_LEVELS, type CaseAction } from '../../../domain/case/case-model.ts';
import { MAX_EXTENSION_DAYS, requiredFieldsOf } from '../../../domain/case/case-transitions.ts';
import { apiGet, apiPost } from '../../api/client.ts';
import type { CaseDetailView } from '../../api/types.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { clearErrorsOnChange, compact, issuesToFields, useErrorText } from '../../ui/errors.ts';
import { loadCategories, loadDepartments, useLoaded } from '../reference/index.ts';
import { limitText } from './case-format.ts';
import { PhotoPicker, photoStageOf, uploadPhotos } from './case-photos.tsx';
import { DispatchSuggestions, offeredSuggestions, useDispatchSuggestions } from '../dispatch/index.ts';


export interface ActionModalProps {
  item: CaseDetailView;
  action: CaseAction;
  districtCode?: string | undefined;
  trackingCode?: string | undefined;
  onDone(updated: CaseDetailView): void;
  onCancel(): void;
}

/** Fields the action's strict schema accepts (besides version and trackingCode). */
function fieldsOf(action: CaseAction): string[] {
  const schema = CASE_ACTION_BODIES[action] as unknown as { shape: Record<string, unknown> };
  return Object.keys(schema.shape).filter((key) => key !== 'version' && key !== 'trackingCode' && key !== 'until');
}

function requiredFields(action: CaseAction): Set<string> {
  const names = requiredFieldsOf(action);
  return new Set(names.map((name) => (name === 'daysOrUntil' ? 'days' : name === 'intoCaseId' ? 'intoCaseNumber' : name)));
}

export function ActionModal({ item, action, districtCode, trackingCode, onDone, onCancel }: ActionModalProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const fields = fieldsOf(action);
  const required = requiredFields(action);
  const departments = useLoaded(fields.includes('departmentId') && districtCode ? () => loadDepartments(districtCode) : null, [districtCode]);
  const categories = useLoaded(fields.includes('departmentId') ? loadCategories : null);
  const category = categories?.find((c) => c.code === item.categoryCode);
  const choosesDepartment = fields.includes('departmentId');
  const suggestions = useDispatchSuggestions({ text: choosesDepartment ? `${item.title ?? ''} ${item.description}` : '', districtCode });
  const photoStage = photoStageOf(action);
  const [photos, setPhotos] = useState<File[]>([]);
  const [photosSent, setPhotosSent] = useState(false);

  const submit = async () => {
    setServerError(null);
    const values = compact(form.getFieldsValue() as Record<string, unknown>);
    const { intoCaseNumber, ...rest } = values;
    const body: Record<string, unknown> = { version: item.version, ...rest };
    if (trackingCode && action === 'rate') body.trackingCode = trackingCode;
    setBusy(true);
    try {
      if (fields.includes('intoCaseId')) {
        if (typeof intoCaseNumber !== 'string') {
          form.setFields([{ name: 'intoCaseNumber', errors: [t('common.required')] }]);
          return;
        }
        const target = await apiGet<CaseDetailView>(`/api/v1/cases/${encodeURIComponent(intoCaseNumber.trim())}`);
        body.intoCaseId = target.id;
      }
      const parsed = CASE_ACTION_BODIES[action].safeParse(body);
      if (!parsed.success) {
        form.setFields(issuesToFields(parsed.error, t).map((f) => ({ ...f, name: f.name[0] === 'intoCaseId' ? ['intoCaseNumber'] : f.name })));
        return;
      }
      if (photoStage && !photosSent) {
        await uploadPhotos(item.id, photoStage, photos, trackingCode);
        setPhotosSent(true); // a retry after a failed action must not upload them twice
      }
      const shown = offeredSuggestions(suggestions, undefined, 1)[0];
      if (choosesDepartment && shown && suggestions) {
        // What the operator was shown teaches the next training; losing it must not stop the dispatch.
        await apiPost('/api/v1/dispatch/feedback', {
          caseId: item.id, suggestedCategoryCode: shown.categoryCode, suggestedDepartmentId: shown.departmentId,
          confidence: shown.confidence, modelVersion: suggestions.model.version,
        }).catch(() => undefined);
      }
      const updated = await apiPost<CaseDetailView>(`/api/v1/cases/${item.id}/actions/${action}`, body);
      void message.success(t('common.saved'));
      onDone(updated);
    } catch (error) {
      setServerError(error);
    } finally {
      setBusy(false);
    }
  };

  const label = (name: string) => t(`field.${name === 'intoCaseNumber' ? 'intoCase' : name}`);
  return (
    <Modal
      open
      title={`${t(`action.${action}`)} · ${item.number}`}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form} layout="vertical" preserve onValuesChange={clearErrorsOnChange(form)}
        // 派遣 preselects the department intake routed the case to (the category's default, or the grid's 属地 unit)
        initialValues={choosesDepartment && item.departmentId !== null ? { departmentId: item.departmentId } : undefined}
      >
        {action === 'request_suspension' && <Alert type="info" showIcon title={t('actionHint.suspendRequest')} style={{ marginBottom: 12 }} />}
        {fields.includes('departmentId') && (
          <>
            <DispatchSuggestions
              answer={suggestions}
              onPick={(suggestion) => { if (suggestion.departmentId !== null) form.setFieldValue('departmentId', suggestion.departmentId); }}
            />
            <Form.Item name="departmentId" label={label('department')} required>
              <Select
                aria-label={label('department')}
                placeholder={t('common.select')}
                showSearch
                optionFilterProp="label"
                options={(departments ?? []).map((d) => ({ value: d.id, label: english ? (d.nameEn ?? d.name) : d.name }))}
              />
            </Form.Item>
            {category && (
              <Descriptions size="small" column={3} title={t('limits.title')} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('limits.dispatch')}>{limitText(category.limits.dispatch, t)}</Descriptions.Item>
                <Descriptions.Item label={t('limits.sign')}>{limitText(category.limits.sign, t)}</Descriptions.Item>
                <Descriptions.Item label={t('limits.resolve')}>{limitText(category.limits.resolve, t)}</Descriptions.Item>
              </Descriptions>
            )}
          </>
        )}
        {fields.includes('intoCaseId') && (
          <Form.Item name="intoCaseNumber" label={label('intoCaseNumber')} required>
            <Input placeholder="LY-2026-000001" />
          </Form.Item>
        )}
        {fields.includes('days') && (
          <Form.Item name="days" label={label('days')} required>
            <InputNumber min={1} max={MAX_EXTENSION_DAYS} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {fields.includes('level') && (
          <Form.Item name="level" label={label('level')} required>
            <Radio.Group options={RATING_LEVELS.map((level) => ({ value: level, label: t(`rating.${level}`) }))} />
          </Form.Item>
        )}
        {['reason', 'note', 'comment'].filter((name) => fields.includes(name)).map((name) => (
          <Form.Item key={name} name={name} label={label(name)} required={required.has(name)}>
            <Input.TextArea rows={3} maxLength={name === 'comment' ? 500 : 1000} showCount />
          </Form.Item>
        ))}
        {photoStage && (
          <Form.Item label={t('field.photo')}>
            <PhotoPicker files={photos} onChange={(files) => { setPhotos(files); setPhotosSent(false); }} />
          </Form.Item>
        )}
        {serverError ? <Alert type="error" showIcon title={errorText(serverError)} role="alert" /> : null}
      </Form>
    </Modal>
  );
}
