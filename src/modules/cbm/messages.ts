// English text of the cbm module shown outside the web workbench: navigation, mail, and the page of a check's one-time link.
export const CBM_MESSAGES: Readonly<Record<string, string>> = {
  'cbm.nav.title': 'Confidence building',
  'cbm.nav.description': 'Points of contact between States, communication checks, consultations and national submissions (OSCE cyber CBMs)',
  'cbm.mail.check.subject': 'Communication check: please confirm',
  'cbm.mail.check.body':
    'Dear {name},\n\nThis is a communication check of the network of points of contact for the cyber/ICT confidence-building measures.\nPlease confirm that you received it by opening this link and pressing the button on the page:\n\n{url}\n\nPlease answer by {deadline} UTC. The link works once.\nYou can also answer in the Vigil workbench, under Confidence building > Checks.\n',
  'cbm.mail.reconfirm.subject': 'Please re-confirm your point-of-contact details',
  'cbm.mail.reconfirm.body':
    'Dear {name},\n\nPlease check that your details in the directory of points of contact are still right, and confirm them:\n\n{url}\n',
  'cbm.mail.from.secretariat': 'the secretariat',
  'cbm.mail.consultation.subject': 'A consultation from {from} awaits your answer',
  'cbm.mail.consultation.body':
    'Dear {name},\n\nA consultation from {from} (severity {severity}, TLP:{tlp}) awaits your State in Vigil. Sign in to read it:\n\n{url}\n',
  'cbm.mail.broadcast.subject': 'A broadcast from {from} to the network',
  'cbm.mail.broadcast.body': 'Dear {name},\n\n{from} sent a broadcast (severity {severity}, TLP:{tlp}) to your State in Vigil. Sign in to read it:\n\n{url}\n',
  'cbm.mail.reminder.subject': 'Reminder: a consultation from {from} awaits your answer',
  'cbm.mail.reminder.body': "Dear {name},\n\nA consultation from {from} (severity {severity}, TLP:{tlp}) still awaits your State's answer:\n\n{url}\n",
  'cbm.mail.deadline': '\nPlease answer by {deadline} UTC.\n',
  'cbm.answer.title': 'Communication check',
  'cbm.answer.intro': 'Press the button to confirm that you received this communication check.',
  'cbm.answer.button': 'Confirm receipt',
  'cbm.answer.done': 'Thank you. Your answer was recorded at {at} UTC.',
  'cbm.answer.already': 'This link was used already (at {at} UTC). It works only once.',
  'cbm.answer.expired': 'This link has expired. Please contact the secretariat.',
  'cbm.answer.unknown': 'This link is not valid. Check that it was copied in full.',
};
