// Parley's widget in a React 19 app. React 19 treats custom elements as
// first-class: a prop the element has as a property (`texts`, `theme`,
// `messages`) is set as that property, other props become attributes, and an
// `on<event-name>` prop listens to that DOM event. Slots are plain children
// with a `slot` attribute. (Plain JSX: this example has no type-checking, to
// keep React's type packages out of the repository's install.)
import { StrictMode, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
// Registers every parley-* element (English as the default texts).
import '@parley/widget';

const server = new URLSearchParams(location.search).get('server') ?? location.origin;
const site = new URLSearchParams(location.search).get('site') ?? 'site_demo';
const now = () => new Date().toLocaleTimeString();

// Objects handed to the element as properties keep their identity between
// renders (a module constant, useMemo), so the element sees a change only when
// there is one.
const TEXTS = { 'launcher.open': 'Ask the React team', 'launcher.leaveMessage': 'Write to the React team' };

function App() {
  const chat = useRef(null);
  const [accent, setAccent] = useState('#0f5e57');
  const [events, setEvents] = useState([]);
  const [messages, setMessages] = useState([]);
  const [availability, setAvailability] = useState('unknown');

  const theme = useMemo(() => ({ 'color-accent': accent }), [accent]);
  const log = (line) => setEvents((list) => [...list.slice(-7), `${now()} ${line}`]);

  return (
    <main>
      <h1>Parley in a React app</h1>
      <p>
        The chat in the corner is <code>&lt;parley-chat&gt;</code> rendered by React. Its texts and theme are
        properties set from React state, its events update this page, and the messages agents send are shown
        again below in a <code>&lt;parley-message-list&gt;</code> whose <code>empty</code> slot is React content.
      </p>
      <p className="controls">
        <label>
          Accent colour (the <code>theme</code> property){' '}
          <input type="color" value={accent} onChange={(event) => setAccent(event.target.value)} />
        </label>
        <button type="button" onClick={() => chat.current?.show('api')}>
          Open the chat (a method)
        </button>
        <span>
          Availability: <output data-testid="availability">{availability}</output>
        </span>
      </p>

      <h2>Messages from agents</h2>
      <parley-message-list class="mirror" messages={messages}>
        <p slot="empty">Nothing from an agent yet: open the chat and ask something.</p>
      </parley-message-list>

      <h2>Events</h2>
      <ol className="events" data-testid="events">
        {events.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>

      <parley-chat
        ref={chat}
        server={server}
        site={site}
        texts={TEXTS}
        theme={theme}
        onparley-window-open={(event) => log(`parley-window-open (${event.detail.reason})`)}
        onparley-window-close={(event) => log(`parley-window-close (${event.detail.reason})`)}
        onparley-availability-change={(event) => setAvailability(event.detail.availability)}
        onparley-message-receive={(event) => {
          setMessages((list) => [...list, event.detail.message]);
          log('parley-message-receive');
        }}
      ></parley-chat>
    </main>
  );
}

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
