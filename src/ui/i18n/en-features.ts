/**
 * English for passkeys, brand icons and sync: part of en-app.ts (lazy, with the unlocked app and Join a synced
 * vault), in a file of its own to keep each small. Placeholders are `{name}`; a message that counts is
 * `{ one, other }` (docs/i18n.md).
 */
export const featureMessages = {
  'common.remove': 'Remove',
  'common.vaultPassword': 'Vault password',

  'passkeys.title': 'Passkeys',
  'passkeys.intro':
    'Open Latchkey with your fingerprint, face, screen lock or a security key instead of typing the password. The password keeps working: it is how you get in if a passkey is lost.',
  'passkeys.none': 'No passkey is set up.',
  'passkeys.usedOn': 'Added {added} · last used {used}',
  'passkeys.notUsed': 'Added {added} · not used yet',
  'passkeys.removeName': 'Remove {name}',
  'passkeys.add': 'Add a passkey',
  'passkeys.adding': 'Adding a passkey…',
  'passkeys.typePassword': 'Type your vault password to add a passkey.',
  'passkeys.added': 'Passkey added. It opens Latchkey from the lock screen; your password still does too.',
  'passkeys.removed': 'Passkey “{name}” removed.',
  'passkeys.removeTitle': 'Remove the passkey “{name}”?',
  'passkeys.removeWhy':
    'It will no longer open Latchkey. Your password, and any other passkey, still do. To use this one again, add it again.',
  'passkeys.removeConfirm': 'Remove passkey',
  'passkeys.thisDevice': 'This device',
  'passkeys.thisDeviceOn': 'This device ({system})',
  'passkeys.securityKey': 'Security key or phone',
  'passkeys.addedLabel': 'Passkey added {date}',

  'icon.auto': 'Matched from the name',
  'icon.letter': 'The first letter',
  'icon.image': 'Your own image',
  'icon.brand': 'A brand icon you chose',
  'icon.current': 'Icon:',
  'icon.change': 'Change icon',
  'icon.choose': 'Choose an icon',
  'icon.file': 'Icon image',
  'icon.chooseImage': 'Choose an image',
  'icon.useLetter': 'Use the letter',
  'icon.matchName': 'Match the name',
  'icon.search': 'Search icons',
  'icon.searchExample': 'e.g. GitHub',
  'icon.loading': 'Loading icons…',
  'icon.found': { one: '{count} found', other: '{count} found' },
  'icon.suggested': 'Suggested',
  'icon.results': 'Icons',
  'iconPacks.reading': 'Reading the icon pack…',
  'iconPacks.imported': {
    one: 'Imported the icon pack “{name}”: {count} icon.',
    other: 'Imported the icon pack “{name}”: {count} icons.',
  },
  'iconPacks.importedSkipped': {
    one: 'Imported the icon pack “{name}”: {count} icon; {skipped} could not be read and were left out.',
    other: 'Imported the icon pack “{name}”: {count} icons; {skipped} could not be read and were left out.',
  },
  'iconPacks.removing': 'Removing the icon pack…',
  'iconPacks.removed': 'Removed the icon pack “{name}”.',
  'iconPacks.list': 'Icon packs',
  'iconPacks.item': { one: '{name} ({count} icon)', other: '{name} ({count} icons)' },
  'iconPacks.removeName': 'Remove icon pack {name}',
  'iconPacks.file': 'Aegis icon pack',
  'iconPacks.import': 'Import an Aegis icon pack',

  'join.intro':
    'On a device that already syncs, Settings → Sync shows the folder. Enter it here with the same server login, then the vault password.',
  'join.needPassword': 'Enter the vault password of the synced vault.',
  'join.submit': 'Join',
  'join.joining': 'Joining…',
  'sync.url': 'Server URL',
  'sync.urlHint':
    'A WebDAV folder of your own (Nextcloud, ownCloud, Synology, Apache, nginx, rclone). It only ever sees encrypted data.',
  'sync.username': 'Username',
  'sync.appPassword': 'App password',
  'sync.connectTitle': 'Sync through your own storage',
  'sync.connectIntro':
    'Keep the same accounts on every device. Everything is encrypted here first, with your vault password; the server sees only encrypted files. Latchkey connects to that one server and no other.',
  'sync.connect': 'Connect',
  'sync.checking': 'Checking the server…',
  'sync.folder': 'Synced folder',
  'sync.now': 'Sync now',
  'sync.turnOff': 'Turn sync off',
  'sync.offWhy':
    'This device stops syncing and forgets the app password. Your accounts stay here, and the synced copy stays on the server for your other devices.',
  'sync.keep': 'Keep syncing',
  'sync.off': 'Turn off',
  'sync.status.off': 'Sync is off.',
  'sync.status.syncing': 'Syncing…',
  'sync.justNow': 'just now',
  'sync.status.synced': 'Synced {ago}.',
  'sync.status.syncedChecked': 'Synced {ago} (this server ignores conditional writes: Latchkey checks each write).',
  'sync.status.syncedWaiting': {
    one: 'Synced {ago}; {count} change waiting.',
    other: 'Synced {ago}; {count} changes waiting.',
  },
  'sync.status.offline': 'Offline',
  'sync.status.stopped': '{problem}.',
  'sync.status.stoppedWaiting': {
    one: '{problem}: {count} change waiting.',
    other: '{problem}: {count} changes waiting.',
  },
  'sync.status.waitingHere': {
    one: '{count} change waiting on this device.',
    other: '{count} changes waiting on this device.',
  },
  'sync.problem.offline': 'This device is offline.',
  'sync.problem.unreachable': 'Latchkey cannot reach the server. Check the address and the connection.',
  'sync.problem.cors':
    'The server does not let Latchkey in from this address (CORS). Allow this origin in the server’s settings.',
  'sync.problem.unauthorized':
    'The server did not accept the username or app password. Check them, or make a new app password.',
  'sync.problem.forbidden': 'The server does not allow this user to write in that folder.',
  'sync.problem.not-found': 'There is no folder at that address. Create it on the server, or check the address.',
  'sync.problem.not-webdav': 'That address is not a WebDAV folder. Check it starts with https:// and ends at a folder.',
  'sync.problem.precondition': 'Another device wrote to the synced copy at the same moment. Latchkey will try again.',
  'sync.problem.insufficient-storage': 'The server is out of space. Free some space there, then sync again.',
  'sync.problem.too-large': 'The server refused a file as too large.',
  'sync.problem.server': 'The server failed or answered something unexpected. Try again later.',
  'sync.problem.interrupted': 'The connection broke off in the middle of a sync. Latchkey will try again.',
  'sync.problem.changed-bytes':
    'The server gave back other data than Latchkey wrote, so it cannot be used for sync. Try another folder or server.',
  'sync.problem.busy': 'Other devices kept writing at the same moment. Latchkey will try again.',
  'sync.problem.tampered':
    'The synced copy does not decrypt or does not match: it was changed outside Latchkey. Nothing here was changed.',
  'sync.problem.foreign-vault': 'That folder holds another Latchkey vault, or one from a newer version of Latchkey.',
  'sync.problem.no-vault':
    'That folder holds no synced vault. Check the folder, or connect from the other device first.',
  'sync.problem.wrong-password': 'That password does not open the synced vault. Try again.',
} as const;
