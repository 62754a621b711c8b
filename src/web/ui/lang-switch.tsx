/** One button that switches between 中文 and English. */
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isEnglish, switchLang } from '../i18n/setup.ts';

export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  return (
    <Button icon={<GlobalOutlined />} title={t('lang.label')} onClick={() => switchLang(english ? 'zh-CN' : 'en')}>
      {english ? t('lang.zh') : t('lang.en')}
    </Button>
  );
}
