/** The real WebDAV servers of the sync tests (test/support/dav/servers.mjs), typed for the unit tests. */
import * as servers from './servers.mjs';

export interface DavServer {
  origin: string;
  url: string;
  port: number;
  /** The server's own folder on disk: the synced folder is `folder` in it. */
  root: string;
  folder: string;
  user: string;
  password: string;
  log(): string;
  close(): Promise<void>;
}

export interface Apache extends DavServer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface Front {
  origin: string;
  url: string;
  port: number;
  answer: { status: number; methods?: string[]; path?: RegExp } | null;
  cutUploads: number;
  delayMs: number;
  requests: { method: string; path: string; status: number | string }[];
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export const startApache = servers.startApache as (options: {
  appOrigin: string;
  weakEtags?: boolean;
  user?: string;
  password?: string;
}) => Promise<Apache>;
export const startRclone = servers.startRclone as (options?: object) => Promise<DavServer>;
export const startFront = servers.startFront as (options: {
  target: { port: number };
  appOrigin?: string | null;
}) => Promise<Front>;
