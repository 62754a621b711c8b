/** Catches a render error so one broken widget never blanks the whole page. */
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('error.unknown')}
      extra={<Button type="primary" onClick={onRetry}>{t('common.refresh')}</Button>}
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
