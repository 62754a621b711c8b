/** Staff login: username and password, the server's message on failure. */
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LoginBody } from '../api/schemas.ts';
import { homePathFor, useSession } from '../modules/session/index.ts';
import { clearErrorsOnChange, issuesToFields, useErrorText } from '../ui/errors.ts';
import { usePageTitle } from '../ui/page-frame.tsx';
import { LangSwitch } from '../ui/lang-switch.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login, demo } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(t('nav.login'));
  const from = (location.state as { from?: string } | null)?.from;
  if (user) return <Navigate to={from ?? homePathFor(user.role)} replace />;

  const submit = async () => {
    setError(null);
    const parsed = LoginBody.safeParse(form.getFieldsValue());
    if (!parsed.success) {
      form.setFields(issuesToFields(parsed.error, t));
      return;
    }
    setBusy(true);
    try {
      const signedIn = await login(parsed.data.username, parsed.data.password);
      navigate(from ?? homePathFor(signedIn.role), { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 12 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('app.name')}</Typography.Title>
            <LangSwitch />
          </Space>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t('login.title')}</Typography.Title>
          <Form form={form} layout="vertical" onFinish={() => void submit()} onValuesChange={clearErrorsOnChange(form)} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')}>
              <Input autoComplete="username" size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')}>
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            {error ? <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 16 }} /> : null}
            <Button type="primary" htmlType="submit" block size="large" disabled={busy} aria-busy={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          {/* a notice, not an alert: the login error is the page's one alert */}
          {demo && <Alert type="warning" showIcon role="status" title={t('app.demoBanner')} description={t('login.demoHint')} />}
          <Link to="/report">{t('login.citizenLink')}</Link>
        </Space>
      </Card>
    </main>
  );
}
