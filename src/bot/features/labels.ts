/** Locale keys for the names of things, in one place. */
export const roleLabelKey = (role: string) => `role-${role}`;
