/** The signed-in user's role and scope (district · department / street / grid), by name. */
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/types.ts';
import { isEnglish } from '../i18n/setup.ts';
import { loadDepartments, loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';

export function UserScope({ user, compact }: { user: UserView; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const tree = useLoaded(loadOrgTree);
  const names = orgNames(tree);
  const districtCode = names.districtCode(user.districtId);
  const departments = useLoaded(districtCode && user.departmentId ? () => loadDepartments(districtCode) : null, [districtCode, user.departmentId]);
  const department = departments?.find((d) => d.id === user.departmentId);
  const parts = [
    user.districtId === null ? t('user.allScope') : names.districtName(user.districtId, english),
    department ? (english ? (department.nameEn ?? department.name) : department.name) : undefined,
    user.streetId !== null ? names.streetName(user.streetId, english) : undefined,
    user.gridId !== null ? names.gridName(user.gridId) : undefined,
  ].filter(Boolean);
  return (
    <Space size={4} wrap data-testid="user-scope">
      <Tag color="blue">{t(`role.${user.role}`)}</Tag>
      {!compact && <Typography.Text>{user.displayName}</Typography.Text>}
      <Typography.Text type="secondary"><span className="civicloop-visually-hidden">{t('user.scope')}{t('common.colon')}</span>{parts.join(' · ')}</Typography.Text>
    </Space>
  );
}
