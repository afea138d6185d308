import type { LoginResponse } from '../../shared/protocol/login.js';
import { loginResponseSchema } from '../../shared/protocol/login.js';
import { postJson } from './http.js';

export type LoginResult =
  | { kind: 'ok'; response: LoginResponse }
  | { kind: 'bad_credentials' }
  | { kind: 'too_many' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string };

/** Signs in (needs the network once); the session then lives on the phone. */
export async function signInRequest(
  phone: string,
  password: string,
  deviceName: string,
): Promise<LoginResult> {
  const result = await postJson('/api/auth/login', { phone, password, deviceName }, null);
  if (result.kind === 'network') return { kind: 'offline' };
  if (result.kind === 'error') {
    if (result.code === 'bad_credentials') return { kind: 'bad_credentials' };
    if (result.code === 'too_many_requests') return { kind: 'too_many' };
    return { kind: 'error', message: result.message };
  }
  return { kind: 'ok', response: loginResponseSchema.parse(result.body) };
}
