/**
 * Who is signed in, as the JSON API shows it: the login answer, `GET /api/v1/me`, the admin's user list and
 * one's own sessions. The auth and admin routes are typed with these and the web reads them, so each shape is
 * declared once.
 */
import type { Role } from '../domain/case/index.ts';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  districtId: number | null;
  streetId: number | null;
  departmentId: number | null;
  gridId: number | null;
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

export interface MeView {
  user: UserView;
  csrfToken: string | null;
  demo: boolean;
}

export interface LoginView {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

export interface OwnSessionView {
  id: number;
  current: boolean;
  address: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}
