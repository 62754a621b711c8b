/** Catches a render error so one broken widget never blanks the whole page. */
import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation();
  return (
    // An Alert, not antd's Result: Result carries its 403/404/500 drawings into the first bundle.
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error.unknown')}
      action={<Button type="primary" onClick={onRetry}>{t('common.refresh')}</Button>}
      style={{ margin: 24 }}
    />
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (this.state.failed) return <Fallback onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}
