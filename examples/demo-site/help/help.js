// The help centre: a single-page app in a few lines. Topics are routes
// (`/help/?topic=returns`) that change with history.pushState, without loading a
// page; the back button works (popstate), and a route can be loaded directly.
// Parley's widget notices pushState and popstate by itself and reports each
// route as a page view — the page does nothing for it.
const TOPICS = {
  start: {
    title: 'Help centre',
    heading: 'How can we help?',
    body: ['Choose a topic on the left, or open the chat in the corner: an agent can see which pages you read, so you do not have to explain where you are.'],
  },
  shipping: {
    title: 'Shipping — Help centre',
    heading: 'Shipping',
    body: ['Orders placed before 15:00 leave the same day. Delivery takes one to two working days in the country, three to five abroad.', 'Shipping is free above €60.'],
  },
  returns: {
    title: 'Returns — Help centre',
    heading: 'Returns',
    body: ['Return anything unused within 60 days for a full refund. Print the label from your order page, or bring it to the shop.'],
  },
  sizing: {
    title: 'Sizing — Help centre',
    heading: 'Sizing',
    body: ['Our backpacks come in two back lengths. Measure from the bump at the base of your neck to the top of your hip bones: under 45 cm, take S/M.'],
  },
  warranty: {
    title: 'Warranty — Help centre',
    heading: 'Warranty',
    body: ['Everything we sell carries a two-year warranty, and our own Fernhill gear a lifetime one against defects.'],
  },
};

const topics = document.getElementById('topics');
const article = document.getElementById('topic');

const topicOf = (url) => {
  const name = new URL(url, location.href).searchParams.get('topic');
  return name && Object.hasOwn(TOPICS, name) ? name : 'start';
};
const hrefOf = (name) => (name === 'start' ? '/help/' : `/help/?topic=${name}`);

function render(name) {
  const topic = TOPICS[name];
  document.title = `${topic.title} — Fernhill Outdoor`;
  topics.replaceChildren(
    ...Object.keys(TOPICS).map((key) => {
      const link = document.createElement('a');
      link.href = hrefOf(key);
      link.dataset.route = key;
      link.textContent = key === 'start' ? 'Overview' : TOPICS[key].heading;
      if (key === name) link.setAttribute('aria-current', 'page');
      const item = document.createElement('li');
      item.append(link);
      return item;
    }),
  );
  const heading = document.createElement('h2');
  heading.textContent = topic.heading;
  article.replaceChildren(heading, ...topic.body.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
}

topics.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-route]') : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  const name = link.dataset.route;
  if (name === topicOf(location.href)) return;
  // Set the title first: the tracker reads document.title right after the route changes.
  render(name);
  history.pushState({ topic: name }, '', hrefOf(name));
});

window.addEventListener('popstate', () => render(topicOf(location.href)));

render(topicOf(location.href));
