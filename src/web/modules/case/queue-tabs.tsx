/** A desk's queues as tabs, each with its count; the queue that needs acting on first has the red badge. */
import { Badge, Space, Tabs } from 'antd';
import type { ReactNode } from 'react';

export function QueueTabs<Key extends string>({ queues, active, urgent, label, counts, onChange, extra }: {
  queues: readonly Key[];
  active: Key;
  urgent: Key;
  label(key: Key): string;
  counts: Partial<Record<Key, number>>;
  onChange(key: Key): void;
  extra?: ReactNode;
}) {
  // The extra controls sit beside the tabs, not in antd's tabBarExtraContent: that puts them inside the
  // tablist, where only tabs may be (axe, aria-required-children).
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8, flexWrap: 'wrap' }}>
    <Tabs
      style={{ flex: 1, minWidth: 0 }}
      activeKey={active}
      onChange={(key) => onChange(key as Key)}
      items={queues.map((key) => ({
        key,
        label: (
          <Space size={6}>
            {label(key)}
            <Badge count={counts[key] ?? 0} showZero overflowCount={999} color={key === urgent ? '#cf1322' : '#1f5fbf'} />
          </Space>
        ),
      }))}
    />
    {extra ? <div style={{ paddingTop: 8 }}>{extra}</div> : null}
    </div>
  );
}
