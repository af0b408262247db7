/**
 * The server of the sync journeys that stop it or cut its uploads: Debian's apache2 (mod_dav) behind a front that
 * can be stopped and can cut request bodies, started once for the spec file that calls this at its top level.
 */
import { test } from '../support/fixtures';
import { startApache, startFront, type Apache, type Front } from '../../support/dav/dav-servers';
import type { Login } from './devices';

export interface ApacheBehindFront {
  readonly apache: Apache;
  readonly front: Front;
  /** A login to a new, empty folder of its own, through the front. */
  freshLogin(): Login;
}

export function useApacheBehindFront(): ApacheBehindFront {
  let apache: Apache;
  let front: Front;
  let folders = 0;
  test.beforeAll(async ({ baseURL }) => {
    const appOrigin = new URL(baseURL!).origin;
    apache = await startApache({ appOrigin });
    front = await startFront({ target: apache, appOrigin });
  });
  test.afterAll(async () => {
    await Promise.all([front?.close(), apache?.close()]);
  });
  return {
    get apache() {
      return apache;
    },
    get front() {
      return front;
    },
    freshLogin: () => ({
      url: `${front.origin}/v${Date.now().toString(16)}-${++folders}/`,
      user: apache.user,
      password: apache.password,
    }),
  };
}
