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
  return (
    <Tabs
      tabBarExtraContent={extra}
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
  );
}
