import type { User } from '../../shared/domain/team.js';

/** Who is calling: the signed-in user and the device their token is bound to. */
export interface Principal {
  user: User;
  deviceId: string;
}
