import { render } from 'preact';
import { Session } from '../app/session';
import { takeLaunchIntent } from '../app/link';
import { SessionContext } from './context';
import { Root } from './Root';
import './styles.css';

// Read (and scrub) the launch URL before anything else runs: an ?add= link carries a secret.
const intent = takeLaunchIntent();
const session = new Session();
void session.start();

render(
  <SessionContext.Provider value={session}>
    <Root intent={intent} />
  </SessionContext.Provider>,
  document.getElementById('app')!,
);
