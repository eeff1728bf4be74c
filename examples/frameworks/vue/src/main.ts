/**
 * Parley's widget in a Vue 3 app. Vue is told which tags are custom elements
 * (`isCustomElement`); it then sets a bound value as a property when the
 * element has one (`:texts`, `:theme`, `:messages` — `.prop` forces it), listens
 * to DOM events with `@parley-…`, and passes `slot` attributes through to the
 * element's slots. The template is compiled in the browser (Vue's full build,
 * chosen in examples/rollup.config.mjs), so this example needs no Vue plugin.
 */
import { computed, createApp, ref, type Ref } from 'vue';
// Registers every parley-* element (English as the default texts).
import '@parley/widget';
import type { ParleyChat } from '@parley/widget';

type ChatMessage = GlobalEventHandlersEventMap['parley-message-receive']['detail']['message'];

const params = new URLSearchParams(location.search);
const server = params.get('server') ?? location.origin;
const site = params.get('site') ?? 'site_demo';

const app = createApp({
  setup() {
    const chat: Ref<ParleyChat | null> = ref(null);
    const accent = ref('#0f5e57');
    const events = ref<string[]>([]);
    const messages = ref<ChatMessage[]>([]);
    const availability = ref('unknown');
    const texts = { 'launcher.open': 'Ask the Vue team', 'launcher.leaveMessage': 'Write to the Vue team' };
    // A computed keeps its identity until the colour changes, so the element sees a change only when there is one.
    const theme = computed(() => ({ 'color-accent': accent.value }));
    const log = (line: string) => {
      events.value = [...events.value.slice(-7), `${new Date().toLocaleTimeString()} ${line}`];
    };
    return {
      chat,
      server,
      site,
      texts,
      theme,
      accent,
      events,
      messages,
      availability,
      open: () => void chat.value?.show('api'),
      onOpen: (event: GlobalEventHandlersEventMap['parley-window-open']) => log(`parley-window-open (${event.detail.reason})`),
      onClose: (event: GlobalEventHandlersEventMap['parley-window-close']) => log(`parley-window-close (${event.detail.reason})`),
      onAvailability: (event: GlobalEventHandlersEventMap['parley-availability-change']) => {
        availability.value = event.detail.availability;
      },
      onMessage: (event: GlobalEventHandlersEventMap['parley-message-receive']) => {
        // A new array, so Vue hands the element a new value (Lit compares by identity).
        messages.value = [...messages.value, event.detail.message];
        log('parley-message-receive');
      },
    };
  },
  template: `
    <main>
      <h1>Parley in a Vue app</h1>
      <p>
        The chat in the corner is <code>&lt;parley-chat&gt;</code> in a Vue template. Its texts and theme are
        properties bound from Vue state, its events update this page, and the messages agents send are shown
        again below in a <code>&lt;parley-message-list&gt;</code> whose <code>empty</code> slot is Vue content.
      </p>
      <p class="controls">
        <label>Accent colour (the <code>theme</code> property) <input type="color" v-model="accent"></label>
        <button type="button" @click="open">Open the chat (a method)</button>
        <span>Availability: <output data-testid="availability">{{ availability }}</output></span>
      </p>

      <h2>Messages from agents</h2>
      <parley-message-list class="mirror" :messages="messages">
        <p slot="empty">Nothing from an agent yet: open the chat and ask something.</p>
      </parley-message-list>

      <h2>Events</h2>
      <ol class="events" data-testid="events">
        <li v-for="(line, i) in events" :key="i">{{ line }}</li>
      </ol>

      <parley-chat
        ref="chat"
        :server="server"
        :site="site"
        .texts="texts"
        :theme="theme"
        @parley-window-open="onOpen"
        @parley-window-close="onClose"
        @parley-availability-change="onAvailability"
        @parley-message-receive="onMessage"
      ></parley-chat>
    </main>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('parley-');
app.mount('#app');
