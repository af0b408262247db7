/**
 * Automatic backups into a folder the user picked, through the File System Access API (Chromium desktop and
 * Android). Each write keeps the previous versions: name.json is the newest, name.1.json ... name.5.json older.
 */
export const BACKUP_FILE = 'latchkey-backup';
export const KEEP_VERSIONS = 5;

type PickerWindow = Window & { showDirectoryPicker?: (options?: object) => Promise<FileSystemDirectoryHandle> };
type PermissionHandle = FileSystemDirectoryHandle & {
  queryPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
  requestPermission?: (d: { mode: 'readwrite' }) => Promise<PermissionState>;
};

export function canPickFolder(win: Window = window): boolean {
  return typeof (win as PickerWindow).showDirectoryPicker === 'function';
}

export async function pickFolder(win: Window = window): Promise<FileSystemDirectoryHandle> {
  return (win as PickerWindow).showDirectoryPicker!({ id: 'latchkey-backup', mode: 'readwrite' });
}

/** Whether we may write; with `ask`, prompts (only allowed during a click). */
export async function folderPermission(handle: FileSystemDirectoryHandle, ask = false): Promise<boolean> {
  const h = handle as PermissionHandle;
  if (!h.queryPermission) return true; // origin-private folders have no permission model
  if ((await h.queryPermission({ mode: 'readwrite' })) === 'granted') return true;
  return ask && h.requestPermission ? (await h.requestPermission({ mode: 'readwrite' })) === 'granted' : false;
}

async function readIfExists(dir: FileSystemDirectoryHandle, name: string): Promise<Uint8Array | null> {
  try {
    const file = await (await dir.getFileHandle(name)).getFile();
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

async function write(dir: FileSystemDirectoryHandle, name: string, bytes: Uint8Array): Promise<void> {
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await writable.write(bytes as BlobPart);
  await writable.close();
}

/** Shifts the older versions up by one (dropping the oldest), then writes the new file. */
export async function writeRotated(dir: FileSystemDirectoryHandle, bytes: Uint8Array): Promise<void> {
  const name = (i: number) => (i === 0 ? `${BACKUP_FILE}.json` : `${BACKUP_FILE}.${i}.json`);
  for (let i = KEEP_VERSIONS; i >= 1; i--) {
    const older = await readIfExists(dir, name(i - 1));
    if (older) await write(dir, name(i), older);
  }
  await write(dir, name(0), bytes);
}

/** The newest backup as it is on disk now, for reading back what was just written. */
export function readNewest(dir: FileSystemDirectoryHandle): Promise<Uint8Array | null> {
  return readIfExists(dir, `${BACKUP_FILE}.json`);
}
