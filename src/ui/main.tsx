import { render } from 'preact';
import { Session } from '../app/session';
import { takeLaunchIntent } from '../app/link';
import { App } from './App';
import { SessionContext } from './context';
import './styles.css';

// Read (and scrub) the launch URL before anything else runs: an ?add= link carries a secret.
const intent = takeLaunchIntent();
const session = new Session();
void session.start();

render(
  <SessionContext.Provider value={session}>
    <App intent={intent} />
  </SessionContext.Provider>,
  document.getElementById('app')!,
);
