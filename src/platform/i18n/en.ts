// English messages of the platform itself; modules add theirs through their descriptors.
export const en = {
  'area.counter-terrorism': 'Counter-terrorism',
  'area.border-security': 'Border security and management',
  'area.cyber-security': 'Cyber/ICT security',
  'area.policing': 'Policing',
  'area.platform': 'Administration and oversight',
  'cli.login': 'Vigil is running at {url}',
  'cli.admin-created': 'Administrator "{username}" created with password: {password}',
  'cli.admin-password-once': 'This password is shown only once. Change it after logging in.',
  'cli.admin-from-env': 'Administrator "{username}" created with the password from VIGIL_ADMIN_PASSWORD.',
  'cli.admin-exists': 'Log in as "{username}" with the password you were given (reset: vigil user passwd {username} --password-stdin).',
} as const;
