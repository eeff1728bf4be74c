/** English texts shown before the chat is opened: launcher and invitation (the first chunk). */
export default {
  'launcher.open': 'Chat with us',
  'launcher.leaveMessage': 'Leave a message',
  'launcher.close': 'Close chat',
  'launcher.online': 'We are online',
  'launcher.busy': 'All agents are busy: short wait',
  'launcher.offline': 'We are offline',
  'launcher.loading': 'Opening the chat…',
  'launcher.unread_one': '{{count}} unread message',
  'launcher.unread_other': '{{count}} unread messages',
  'invitation.label': 'Chat invitation',
  'invitation.from': 'Message from {{name}}',
  'invitation.fromTeam': 'Message from our team',
  'invitation.accept': 'Reply',
  'invitation.decline': 'No, thanks',
} as const;
