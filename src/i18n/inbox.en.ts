/** English texts of the helper-inbox guard (automatic replies in a helper's own DMs and mentions). */
export const inboxEn = {
  'inbox.auto.label': '🤖 Automatic reply from Request Desk on behalf of {helper}',
  'inbox.offer.body':
    "Happy to help once there's a ticket! I track everything through tickets so nothing gets lost — I've filled one in from your message, it takes about 20 seconds: check it and press *Create*.",
  'inbox.offer.outOfHours': "I'm not working right now — back {when}. Your ticket will be waiting for me.",
  'inbox.offer.focus': "I'm in focus time until {when} and will look at tickets after that.",
  'inbox.offer.urgentHint': 'If it really cannot wait, press *It\'s urgent* and I\'ll see it right away.',
  'inbox.button.create': 'Create ticket',
  'inbox.button.urgent': "It's urgent",
  'inbox.button.notRequest': 'Not a request',
  'inbox.urgent.passedOn': "Passed on to {helper} right away — they'll get back to you as soon as they can.",
  'inbox.urgent.limit':
    "I've already passed on {limit} urgent requests from you today, so this one goes the usual way: please create a ticket and it will be looked at first thing.",
  'inbox.urgent.toHelper': ':rotating_light: {requester} marked a message to you as urgent: {link}',
  'inbox.urgent.linkLabel': 'open the message',
  'inbox.filed.text': "Thanks! That's ticket #{number} now — Request Desk will keep you posted in its DM.",
  'inbox.filed.body': ":white_check_mark: Thanks! That's ticket *#{number}* now — Request Desk will keep you posted in its DM.",
} as const;
