/** Who is signed in: loads /api/v1/me once, keeps the CSRF token, offers login and logout. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiGet, apiPost, setCsrfToken } from '../../api/client.ts';
import type { LoginView, MeView, UserView } from '../../api/types.ts';

export interface Session {
  user: UserView | null;
  demo: boolean;
  loading: boolean;
  login(username: string, password: string): Promise<UserView>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Set at login, cleared at logout or when the server no longer knows the session: a visitor who never
 * signed in is not asked /api/v1/me, whose 401 would be a console error on every public page.
 */
const SIGNED_IN_HINT = 'civicloop.signedIn';

function hasSignedInHint(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true; // storage blocked: ask the server, as before
  }
}

function setSignedInHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // storage blocked: nothing to remember
  }
}

/** Provides the session to the app; children render once /api/v1/me has answered. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserView | null>(null);
  const [demo, setDemo] = useState(false);
  const [loading, setLoading] = useState(true);

  const loadMe = useCallback(async () => {
    const signedOut = async () => {
      setCsrfToken(null);
      setUser(null);
      // signed out: the public health check still tells whether this is a demo installation
      await apiGet<{ demo?: boolean }>('/api/v1/health').then((health) => setDemo(health.demo === true), () => undefined);
    };
    try {
      if (!hasSignedInHint()) {
        await signedOut();
        return;
      }
      const me = await apiGet<MeView>('/api/v1/me');
      setCsrfToken(me.csrfToken);
      setUser(me.user);
      setDemo(me.demo);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.warn(error);
      else setSignedInHint(false);
      await signedOut();
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await apiPost<LoginView>('/api/v1/auth/login', { username, password });
      setCsrfToken(result.csrfToken);
      setUser(result.user);
      setSignedInHint(true);
      await loadMe(); // learns the demo flag
      return result.user;
    },
    [loadMe],
  );

  const logout = useCallback(async () => {
    try {
      await apiPost('/api/v1/auth/logout');
    } finally {
      setSignedInHint(false);
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo<Session>(() => ({ user, demo, loading, login, logout }), [user, demo, loading, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session; only inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The first page for a role after login. */
export function homePathFor(role: string): string {
  switch (role) {
    case 'handler':
      return '/inbox';
    case 'grid_worker':
      return '/grid';
    case 'operator':
    case 'shift_lead':
      return '/workbench';
    case 'admin':
      return '/admin';
    case 'enterprise':
      return '/portal';
    case 'supervisor':
    case 'leader':
      return '/cockpit';
    case 'project_officer':
      return '/projects';
    default:
      return '/search';
  }
}
