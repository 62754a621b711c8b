/**
 * Live desks (issue 17): one EventSource per tab on /api/v1/events/stream, shared by every component that
 * listens. The server pushes each case change the user may see; the desk reloads what it shows. No polling:
 * the browser's EventSource reconnects by itself after a network break, and a reconnect counts as a change
 * (whatever happened in between is read again).
 */
import { App, Badge, Space, Switch, Tooltip, Typography } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../../i18n/setup.ts';
import type { LiveCaseChange } from '../../../shared/case-views.ts';

export type { LiveCaseChange };

type Listener = (change: LiveCaseChange | null) => void;

const listeners = new Set<Listener>();
const statusListeners = new Set<(connected: boolean) => void>();
let source: EventSource | null = null;
let connected = false;

function setConnected(value: boolean): void {
  connected = value;
  for (const listener of statusListeners) listener(value);
}

function ensureSource(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/events/stream');
  source.addEventListener('ready', () => {
    const reconnected = connected === false && everConnected;
    everConnected = true;
    setConnected(true);
    // after a break, what changed meanwhile is unknown: every desk reloads once
    if (reconnected) for (const listener of listeners) listener(null);
  });
  source.addEventListener('case', (event) => {
    const change = JSON.parse((event as MessageEvent<string>).data) as LiveCaseChange;
    for (const listener of listeners) listener(change);
  });
  source.addEventListener('error', () => setConnected(false));
}
let everConnected = false;

function releaseSource(): void {
  if (listeners.size > 0 || statusListeners.size > 0 || !source) return;
  source.close();
  source = null;
  everConnected = false;
  setConnected(false);
}

/**
 * Calls `onChange` for every case change the user may see while the component is mounted; `null` means
 * "reload everything" (after a reconnect).
 */
export function useLiveCases(onChange: Listener): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener: Listener = (change) => latest.current(change);
    listeners.add(listener);
    ensureSource();
    return () => {
      listeners.delete(listener);
      releaseSource();
    };
  }, []);
}

function useLiveConnected(): boolean {
  const [value, setValue] = useState(connected);
  useEffect(() => {
    statusListeners.add(setValue);
    ensureSource();
    setValue(connected);
    return () => {
      statusListeners.delete(setValue);
      releaseSource();
    };
  }, []);
  return value;
}

const SOUND_KEY = 'civicloop.liveSound';

function beep(): void {
  try {
    const context = new AudioContext();
    const tone = context.createOscillator();
    tone.frequency.value = 880;
    tone.connect(context.destination);
    tone.start();
    tone.stop(context.currentTime + 0.25);
  } catch {
    // no audio: the notice on screen is enough
  }
}

/**
 * The live indicator of a desk, with the sound switch (off by default, remembered per browser); announces a
 * newly reported urgent case on screen, and with a tone when the user turned sound on.
 */
export function LiveStatus({ onOpen }: { onOpen?: (caseId: number) => void }) {
  const { t, i18n } = useTranslation();
  const { notification } = App.useApp();
  const live = useLiveConnected();
  const [sound, setSound] = useState(() => {
    try {
      return localStorage.getItem(SOUND_KEY) === '1';
    } catch {
      return false;
    }
  });
  useLiveCases((change) => {
    if (!change || change.action !== 'report' || change.priority !== 'urgent') return;
    if (sound) beep();
    notification.warning({
      key: `urgent-${change.caseId}`,
      title: t('live.urgentTitle'),
      description: (
        <Typography.Link onClick={() => onOpen?.(change.caseId)}>
          {t('live.urgentBody', { number: change.number, category: isEnglish(i18n.language) ? change.categoryEn : change.category })}
        </Typography.Link>
      ),
      duration: 0,
    });
  });
  const toggle = (on: boolean) => {
    setSound(on);
    try {
      localStorage.setItem(SOUND_KEY, on ? '1' : '0');
    } catch {
      // storage blocked: the choice lasts for this page
    }
  };
  return (
    <Space size={12}>
      <Tooltip title={t(live ? 'live.onHint' : 'live.offHint')}>
        <span data-testid="live-status" data-live={live ? 'on' : 'off'}>
          <Badge status={live ? 'processing' : 'default'} text={t(live ? 'live.on' : 'live.off')} />
        </span>
      </Tooltip>
      <Space size={4}>
        <SoundOutlined />
        <Switch size="small" checked={sound} onChange={toggle} aria-label={t('live.sound')} />
      </Space>
    </Space>
  );
}
